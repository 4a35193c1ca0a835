package org.soteria.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The evaluation methods on synthetic series with known truth: a planted change is recovered within its
 * confidence intervals, and where none was planted, one is found about as often as the stated 5% error
 * rate allows (seeded, so the counts are exact).
 */
class EvaluationMethodsTest {

    private static final int PERIODS = 60;
    private static final int CHANGE = 30;

    /** AR(1) noise with coefficient {@code phi} and innovations of standard deviation 1. */
    private static double[] noise(Random r, double phi) {
        double[] e = new double[PERIODS];
        double prev = r.nextGaussian() / Math.sqrt(1 - phi * phi);
        for (int t = 0; t < PERIODS; t++) {
            prev = phi * prev + r.nextGaussian();
            e[t] = prev;
        }
        return e;
    }

    private static double[] series(Random r, double level, double slope, double phi) {
        double[] e = noise(r, phi);
        double[] y = new double[PERIODS];
        for (int t = 0; t < PERIODS; t++) {
            double d = t >= CHANGE ? 1 : 0;
            y[t] = 20 + 0.1 * t + level * d + slope * (t - CHANGE) * d + e[t];
        }
        return y;
    }

    @Test
    void aPlantedLevelAndSlopeChangeIsRecoveredWithinItsIntervals() {
        InterruptedTimeSeries.Result r = InterruptedTimeSeries.fit(series(new Random(7), 5, 0.3, 0.3), CHANGE,
                "percentage points");
        assertThat(r.levelChange().lower()).isLessThan(5);
        assertThat(r.levelChange().upper()).isGreaterThan(5);
        assertThat(r.slopeChange().lower()).isLessThan(0.3);
        assertThat(r.slopeChange().upper()).isGreaterThan(0.3);
        assertThat(r.levelChange().excludesZero()).isTrue();
        assertThat(r.slopeChange().excludesZero()).isTrue();
        assertThat(english(r.reading())).startsWith("The level rose by").contains("percentage points at the change")
                .contains("The trend rose by");
        assertThat(r.autocorrelation()).isBetween(0.0, 0.6);
    }

    @Test
    void acrossManySeriesTheIntervalsHoldTheTruthAboutAsOftenAsTheyClaim() {
        Random r = new Random(11);
        int levelCovered = 0;
        int slopeCovered = 0;
        int runs = 500;
        for (int i = 0; i < runs; i++) {
            InterruptedTimeSeries.Result fit = InterruptedTimeSeries.fit(series(r, 5, 0.3, 0.3), CHANGE, "points");
            levelCovered += fit.levelChange().lower() < 5 && fit.levelChange().upper() > 5 ? 1 : 0;
            slopeCovered += fit.slopeChange().lower() < 0.3 && fit.slopeChange().upper() > 0.3 ? 1 : 0;
        }
        // Nominal 95%; with 30 periods a side and AR(1) errors (rho 0.3) Prais-Winsten keeps about 93 to 94%.
        assertThat(levelCovered / (double) runs).isBetween(0.90, 0.98);
        assertThat(slopeCovered / (double) runs).isBetween(0.90, 0.98);
    }

    @Test
    void whereNoChangeWasPlantedOneIsFoundAtAboutTheStatedRate() {
        Random r = new Random(13);
        int falseLevel = 0;
        int falseSlope = 0;
        int runs = 1000;
        for (int i = 0; i < runs; i++) {
            InterruptedTimeSeries.Result fit = InterruptedTimeSeries.fit(series(r, 0, 0, 0.3), CHANGE, "points");
            falseLevel += fit.levelChange().excludesZero() ? 1 : 0;
            falseSlope += fit.slopeChange().excludesZero() ? 1 : 0;
        }
        assertThat(falseLevel / (double) runs).as("stated error rate 5%").isBetween(0.03, 0.09);
        assertThat(falseSlope / (double) runs).as("stated error rate 5%").isBetween(0.03, 0.09);
        InterruptedTimeSeries.Result none = InterruptedTimeSeries.fit(series(new Random(3), 0, 0, 0), CHANGE, "points");
        assertThat(english(none.reading())).startsWith("The data are consistent with no change in level");
        assertThat(welsh(none.reading())).startsWith("Mae'r data'n gyson â dim newid yn y lefel");
    }

    private static List<double[]> comparisons(Random r, int count) {
        List<double[]> out = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            out.add(series(r, 0, 0, 0.3));
        }
        return out;
    }

    @Test
    void differenceInDifferencesRecoversAPlantedEffectAndFindsNoneWhereThereIsNone() {
        Random r = new Random(23);
        DifferenceInDifferences.Result d = DifferenceInDifferences.fit(series(r, 3, 0, 0.3), comparisons(r, 4), CHANGE,
                "percentage points");
        assertThat(d.effect().lower()).isLessThan(3);
        assertThat(d.effect().upper()).isGreaterThan(3);
        assertThat(d.effect().excludesZero()).isTrue();
        assertThat(d.parallelTrendsDoubtful()).isFalse();
        assertThat(english(d.reading())).startsWith("The gap between the treated and comparison series rose by");

        int found = 0;
        int runs = 1000;
        for (int i = 0; i < runs; i++) {
            found += DifferenceInDifferences.fit(series(r, 0, 0, 0.3), comparisons(r, 4), CHANGE, "points").effect()
                    .excludesZero() ? 1 : 0;
        }
        assertThat(found / (double) runs).as("stated error rate 5%").isBetween(0.03, 0.09);
    }

    @Test
    void divergingTrendsBeforeTheChangeAreFlagged() {
        Random r = new Random(19);
        double[] treated = series(r, 0, 0, 0.3);
        for (int t = 0; t < PERIODS; t++) {
            treated[t] += 0.4 * t;
        }
        DifferenceInDifferences.Result d = DifferenceInDifferences.fit(treated, comparisons(r, 3), CHANGE, "points");
        assertThat(d.parallelTrendsDoubtful()).isTrue();
        assertThat(english(d.warnings())).contains("the trends were not parallel");
    }

    @Test
    void tooShortASeriesIsRefusedWithTheReason() {
        assertThatThrownBy(() -> InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4, 5}, 2, "points"))
                .hasMessage("Interrupted time series needs at least 3 periods before and after the change; there are 2 "
                        + "before and 3 after");
        assertThat(english(InterruptedTimeSeries.fit(new double[] {1, 2, 3, 4, 5, 7, 8, 9}, 4, "points").warnings()))
                .startsWith("Fewer than 8 periods");
        assertThatThrownBy(() -> DifferenceInDifferences.fit(new double[10], List.of(new double[9]), 5, "points"))
                .hasMessageContaining("same 10 periods");
    }

    /** The readings as the page shows them (they are message codes, platform.Fault), one sentence after another. */
    private static String english(List<String> sentences) {
        return shown(sentences, java.util.Locale.UK);
    }

    private static String welsh(List<String> sentences) {
        return shown(sentences, java.util.Locale.forLanguageTag("cy"));
    }

    private static String shown(List<String> sentences, java.util.Locale locale) {
        org.soteria.web.form.FormMessages messages =
                new org.soteria.web.form.FormMessages(org.soteria.support.MessageBundles.messages());
        return String.join(" ", sentences.stream().map(s -> messages.text(s, locale)).toList());
    }
}
