package org.soteria.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Staggered adoption: each cohort against forces not yet treated (issue 28, ADR 36). */
class StaggeredDifferenceInDifferencesTest {

    private static final int T = 8;

    /** A force's series: its own level, a trend shared by every force, and the effect from when it joined. */
    private static StaggeredDifferenceInDifferences.Unit unit(String id, Integer first, double level,
            java.util.function.IntToDoubleFunction effectAfter) {
        double[] y = new double[T];
        for (int t = 0; t < T; t++) {
            y[t] = level + 0.01 * t + 0.002 * t * t + (first != null && t >= first ? effectAfter.applyAsDouble(t - first)
                    : 0);
        }
        return new StaggeredDifferenceInDifferences.Unit(id, first, y);
    }

    @Test
    void aConstantEffectUnderParallelTrendsIsRecoveredExactlyAndThePlaceboPeriodsAreZero() {
        List<StaggeredDifferenceInDifferences.Unit> units = List.of(unit("A", 3, 0.05, e -> 0.02),
                unit("B", 3, 0.07, e -> 0.02), unit("C", 5, 0.04, e -> 0.02), unit("D", null, 0.06, e -> 0),
                unit("E", null, 0.03, e -> 0));
        StaggeredDifferenceInDifferences.Result r = StaggeredDifferenceInDifferences.fit(units, T);
        assertThat(r.overall().estimate().value()).isCloseTo(0.02, within(1e-12));
        assertThat(r.byEventTime().get(-1).estimate().value()).isZero();
        assertThat(r.byEventTime().get(-3).estimate().value()).isCloseTo(0, within(1e-12));
        assertThat(r.byEventTime().get(0).estimate().value()).isCloseTo(0.02, within(1e-12));
        assertThat(r.preTrendsDoubtful()).isFalse();
        assertThat(r.cohorts()).extracting(StaggeredDifferenceInDifferences.Cohort::firstTreated).containsExactly(3, 5);
        assertThat(r.cohorts().get(0).units()).containsExactly("A", "B");
        assertThat(r.comparisonUnits()).isEqualTo(2);
    }

    @Test
    void effectsThatGrowOverTimeAreNotSubtractedFromLaterCohortsAsANaiveComparisonWould() {
        // The early cohort's effect grows by 0.01 a period; a comparison that used it as a control for the later
        // cohort would subtract that growth. Each cohort's true effect at event time e is 0.01 * (e + 1).
        List<StaggeredDifferenceInDifferences.Unit> units = List.of(unit("early", 2, 0.05, e -> 0.01 * (e + 1)),
                unit("late", 5, 0.05, e -> 0.01 * (e + 1)), unit("never", null, 0.05, e -> 0));
        StaggeredDifferenceInDifferences.Result r = StaggeredDifferenceInDifferences.fit(units, T);
        for (int e = 0; e <= 2; e++) {
            assertThat(r.byEventTime().get(e).estimate().value()).as("event time " + e).isCloseTo(0.01 * (e + 1),
                    within(1e-12));
        }
        // the late cohort compared with the early one (already treated) after it joined would show a fall
        double naive = (units.get(1).y()[6] - units.get(1).y()[4]) - (units.get(0).y()[6] - units.get(0).y()[4]);
        assertThat(naive).isLessThan(0.01);
        assertThat(StaggeredDifferenceInDifferences.att(units, 5, 6)[0]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void aForceTreatedBeforeTheWindowIsLeftOutAndWithheldValuesDropOutOfTheirCells() {
        List<StaggeredDifferenceInDifferences.Unit> units = new ArrayList<>(List.of(unit("A", 4, 0.05, e -> 0.03),
                unit("B", null, 0.05, e -> 0), unit("C", null, 0.06, e -> 0), unit("before", 0, 0.5, e -> 0.4)));
        units.get(2).y()[6] = Double.NaN;
        StaggeredDifferenceInDifferences.Result r = StaggeredDifferenceInDifferences.fit(units, T);
        assertThat(r.alreadyTreated()).containsExactly("before");
        assertThat(r.overall().estimate().value()).isCloseTo(0.03, within(1e-12));
        assertThat(StaggeredDifferenceInDifferences.fit(List.of(unit("A", 4, 0.05, e -> 0.03)), T))
                .as("no comparison, no estimate").isNull();
    }

    @Test
    void withNoiseTheIntervalCoversTheEffectAndADivergingTrendBeforeJoiningIsFlagged() {
        SplittableRandom random = new SplittableRandom(7);
        List<StaggeredDifferenceInDifferences.Unit> units = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Integer first = i < 10 ? Integer.valueOf(3) : i < 20 ? Integer.valueOf(5) : null;
            StaggeredDifferenceInDifferences.Unit u = unit("F" + i, first, 0.05 + random.nextDouble() * 0.03,
                    e -> 0.015);
            for (int t = 0; t < T; t++) {
                u.y()[t] += (random.nextDouble() - 0.5) * 0.01;
            }
            units.add(u);
        }
        StaggeredDifferenceInDifferences.Result r = StaggeredDifferenceInDifferences.fit(units, T);
        InterruptedTimeSeries.Estimate overall = r.overall().estimate();
        assertThat(overall.lower()).isLessThan(0.015);
        assertThat(overall.upper()).isGreaterThan(0.015);
        assertThat(overall.excludesZero()).isTrue();
        assertThat(StaggeredDifferenceInDifferences.fit(units, T).overall()).as("the same draws each time")
                .isEqualTo(r.overall());
        // the treated forces were already rising faster before they joined
        List<StaggeredDifferenceInDifferences.Unit> diverging = new ArrayList<>();
        for (StaggeredDifferenceInDifferences.Unit u : units) {
            double[] y = u.y().clone();
            if (u.firstTreated() != null) {
                for (int t = 0; t < T; t++) {
                    y[t] += 0.01 * t;
                }
            }
            diverging.add(new StaggeredDifferenceInDifferences.Unit(u.id(), u.firstTreated(), y));
        }
        assertThat(StaggeredDifferenceInDifferences.fit(diverging, T).preTrendsDoubtful()).isTrue();
    }
}
