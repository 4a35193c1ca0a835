package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkBundleTest {

    private static BenchmarkBundle bundle() {
        Map<String, long[][]> counts = new LinkedHashMap<>();
        counts.put(BenchmarkBundle.RECORDED, new long[][] {{40, 3}, {35, 12}});
        counts.put(BenchmarkBundle.OUTCOMES, new long[][] {{30, 9}, {33, 10}});
        counts.put(BenchmarkBundle.CHARGED, new long[][] {{2, 0}, {6, 1}});
        counts.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, new long[][] {{12, 4}, {14, 5}});
        return BenchmarkBundle.of("2026-11-29", List.of("2026-Q2", "2026-Q3"), List.of("adult_rape", "child_rape"),
                counts, List.of());
    }

    private static BenchmarkBundle with(BenchmarkBundle b, String measure, int row, int column, String value) {
        Map<String, List<List<String>>> m = new LinkedHashMap<>();
        b.measures().forEach((k, rows) -> {
            List<List<String>> copy = new ArrayList<>();
            rows.forEach(r -> copy.add(new ArrayList<>(r)));
            m.put(k, copy);
        });
        m.get(measure).get(row).set(column, value);
        return new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), m, b.medians(), b.force());
    }

    /** The wider set of ADR 38: third-party outcomes, suspects and medians, beside the first four counts. */
    private static BenchmarkBundle wider(Integer[][] daysToCharge) {
        Map<String, long[][]> counts = new LinkedHashMap<>();
        counts.put(BenchmarkBundle.RECORDED, new long[][] {{40, 30}, {35, 32}});
        counts.put(BenchmarkBundle.OUTCOMES, new long[][] {{30, 29}, {33, 30}});
        counts.put(BenchmarkBundle.CHARGED, new long[][] {{2, 9}, {6, 11}});
        counts.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, new long[][] {{12, 14}, {14, 15}});
        counts.put(BenchmarkBundle.THIRD_PARTY, new long[][] {{6, 7}, {5, 8}});
        counts.put(BenchmarkBundle.WITH_SUSPECT, new long[][] {{30, 25}, {31, 30}});
        counts.put(BenchmarkBundle.REPEAT_SUSPECT, new long[][] {{9, 6}, {10, 12}});
        Integer[][] daysToOutcome = {{200, 210, 205}, {190, 220, 200}, {195, 215, 202}};
        return BenchmarkBundle.of("2026-11-29", List.of("2026-Q2", "2026-Q3"), List.of("adult_rape", "child_rape"),
                counts, Map.of(BenchmarkBundle.DAYS_TO_CHARGE, daysToCharge, BenchmarkBundle.DAYS_TO_OUTCOME,
                        daysToOutcome), List.of(new BenchmarkBundle.ForceQuarter(12, 3.8437, 40, 31, 38, 6),
                        new BenchmarkBundle.ForceQuarter(4, 4.5, 41, 38, 39, 7)), List.of());
    }

    private static BenchmarkBundle withMedian(BenchmarkBundle b, String median, int row, int column, String value) {
        Map<String, List<List<String>>> m = new LinkedHashMap<>();
        b.medians().forEach((k, rows) -> {
            List<List<String>> copy = new ArrayList<>();
            rows.forEach(r -> copy.add(new ArrayList<>(r)));
            m.put(k, copy);
        });
        m.get(median).get(row).set(column, value);
        return new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(), m, b.force());
    }

    @Test
    void theWiderSetIsSuppressedTogetherAndAMedianIsShownOnlyWhereItsCountIs() {
        BenchmarkBundle b = wider(new Integer[][] {{400, 380, 390}, {410, 370, 385}, {405, 375, 388}});
        assertThat(b.problems()).isEmpty();
        assertThat(b.measures().keySet()).containsExactlyElementsOf(BenchmarkBundle.MEASURES);
        // 2 charged in 2026-Q2 adult rape: the count is <5, so its median is withheld, not shown
        assertThat(b.measures().get(BenchmarkBundle.CHARGED).get(0).get(0)).isEqualTo("<5");
        assertThat(b.medians().get(BenchmarkBundle.DAYS_TO_CHARGE).get(0).get(0)).isEqualTo("[c]");
        List<List<String>> charged = b.measures().get(BenchmarkBundle.CHARGED);
        List<List<String>> medians = b.medians().get(BenchmarkBundle.DAYS_TO_CHARGE);
        int shown = 0;
        for (int r = 0; r < charged.size(); r++) {
            for (int c = 0; c < charged.get(r).size(); c++) {
                boolean countShown = !SmallNumbers.Grid.suppressed(charged.get(r).get(c));
                assertThat(medians.get(r).get(c).equals("[c]")).as(r + "," + c).isEqualTo(!countShown);
                shown += countShown ? 1 : 0;
            }
        }
        assertThat(shown).isGreaterThan(2);
        assertThat(medians.get(2).get(2)).isEqualTo("388");
        assertThat(b.medians().get(BenchmarkBundle.DAYS_TO_OUTCOME).get(2)).containsExactly("195", "215", "202");
        // the parts fit their parents: a suppressed third-party count cannot be worked out from the outcomes
        for (SmallNumbers.Range r : SmallNumbers.ranges(b.grids(), BenchmarkBundle.WITHIN)) {
            assertThat(r.exact()).as(r.toString()).isFalse();
        }
    }

    @Test
    void theHubRefusesAMedianShownOverAHiddenCountAndAPartWithoutItsWhole() {
        BenchmarkBundle b = wider(new Integer[][] {{400, 380, 390}, {410, 370, 385}, {405, 375, 388}});
        assertThat(withMedian(b, BenchmarkBundle.DAYS_TO_CHARGE, 0, 0, "400").problems()).containsExactly(
                "median_days_to_charge, 2026-Q2, adult_rape: a median is shown where its count (charged) is not; "
                        + "withhold it");
        assertThat(withMedian(b, BenchmarkBundle.DAYS_TO_OUTCOME, 1, 1, "<5").problems()).containsExactly(
                "median_days_to_outcome, 2026-Q3, child_rape: \"<5\" is not a number of days or [c]");
        Map<String, List<List<String>>> noWhole = new LinkedHashMap<>(b.measures());
        noWhole.remove(BenchmarkBundle.WITH_SUSPECT);
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), noWhole, b.medians(), null).problems())
                .containsExactly("repeat_suspect is sent without recorded_with_suspect, the count it is part of");
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(),
                Map.of("mean_days", b.medians().get(BenchmarkBundle.DAYS_TO_CHARGE)), null).problems())
                .containsExactly("the medians may be only median_days_to_charge, median_days_to_outcome, not [mean_days]");
    }

    @Test
    void forceWideFiguresShowNoFewerThanFivePeopleAndNoSmallRemainder() {
        BenchmarkBundle b = wider(new Integer[][] {{400, 380, 390}, {410, 370, 385}, {405, 375, 388}});
        assertThat(b.problems()).isEmpty();
        // 12 forms: shown with their mean; 4 forms: neither; 31 of 40 accredited (9 not): shown; 38 of 41 (3 not): not
        assertThat(b.force().get(BenchmarkBundle.FEEDBACK_RESPONSES)).containsExactly("12", "[c]");
        assertThat(b.force().get(BenchmarkBundle.FEEDBACK_MEAN)).containsExactly("3.84", "[c]");
        assertThat(b.force().get(BenchmarkBundle.ACCREDITED)).containsExactly("31", "[c]");
        assertThat(b.force().get(BenchmarkBundle.CASELOAD)).containsExactly("6", "7");
        Map<String, List<String>> leaky = new LinkedHashMap<>(b.force());
        leaky.put(BenchmarkBundle.ACCREDITED, List.of("31", "38"));
        leaky.put(BenchmarkBundle.FEEDBACK_MEAN, List.of("3.84", "4.50"));
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(), b.medians(), leaky).problems())
                .containsExactly("feedback_mean, 2026-Q3: a mean is shown where the forms it rests on are not; withhold it",
                        "accredited_officers, 2026-Q3: the officers not accredited (3) can be worked out and are not 0 "
                                + "or 5 or more; withhold it");
        leaky.put(BenchmarkBundle.ACCREDITED, List.of("31", "[c]"));
        leaky.put(BenchmarkBundle.FEEDBACK_MEAN, List.of("3.8", "[c]"));
        leaky.put(BenchmarkBundle.OFFICERS, List.of("40"));
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(), b.medians(), leaky).problems())
                .containsExactly("feedback_mean, 2026-Q2: \"3.8\" is not a mean score from 1.00 to 5.99 or [c]",
                        "rasso_officers: expected 2 cells (each quarter)");
    }

    @Test
    void aBundleFromAForceOnAnEarlierReleaseIsStillFit() {
        BenchmarkBundle b = bundle();
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(), null, null).problems()).isEmpty();
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), b.measures(), null, null).tables().keySet())
                .containsExactlyElementsOf(BenchmarkBundle.REQUIRED);
    }

    @Test
    void aSuppressedBundleIsFitToPublish() {
        BenchmarkBundle b = bundle();
        assertThat(b.problems()).isEmpty();
        assertThat(b.measures().get(BenchmarkBundle.CHARGED).get(0)).containsExactly("<5", "<5", "<5");
        assertThat(b.measures().get(BenchmarkBundle.RECORDED).get(2)).containsExactly("75", "15", "90");
    }

    @Test
    void theHubRefusesASmallCountShownTotalsThatDoNotAddAndARecoverableCount() {
        BenchmarkBundle b = bundle();
        assertThat(with(b, BenchmarkBundle.RECORDED, 0, 1, "3").problems()).anySatisfy(p -> assertThat(p)
                .isEqualTo("recorded, 2026-Q2, child_rape: a count of 3 is shown; counts under 5 must be shown as <5"));
        assertThat(with(b, BenchmarkBundle.OUTCOMES, 0, 2, "40").problems()).anySatisfy(p -> assertThat(p)
                .contains("outcomes_assigned, 2026-Q2, all: the total 40 is not the sum of its parts (39)"));
        // primary suppression alone: the 2 charged in 2026-Q2 shown as <5 with everything else shown
        BenchmarkBundle primaryOnly = with(with(with(b, BenchmarkBundle.CHARGED, 1, 0, "6"), BenchmarkBundle.CHARGED,
                1, 2, "7"), BenchmarkBundle.CHARGED, 2, 0, "8");
        primaryOnly = with(with(with(primaryOnly, BenchmarkBundle.CHARGED, 2, 2, "9"), BenchmarkBundle.CHARGED, 0, 2,
                "2"), BenchmarkBundle.CHARGED, 0, 2, "<5");
        assertThat(primaryOnly.problems()).anySatisfy(p -> assertThat(p).contains("can be worked out"));
        assertThat(with(b, BenchmarkBundle.RECORDED, 0, 0, "forty").problems()).anySatisfy(p -> assertThat(p)
                .contains("\"forty\" is not a count, <5 or [c]"));
    }

    @Test
    void aBundleOfTheWrongShapeSaysWhatIsMissing() {
        BenchmarkBundle b = bundle();
        BenchmarkBundle noQuarters = new BenchmarkBundle(b.asOf(), List.of("Q2"), b.groups(), b.measures(), null, null);
        assertThat(noQuarters.problems()).anySatisfy(p -> assertThat(p).contains("quarter Q2 is not in the form 2025-Q3"));
        Map<String, List<List<String>>> three = new LinkedHashMap<>(b.measures());
        three.remove(BenchmarkBundle.RECORDED);
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), three, null, null).problems())
                .anySatisfy(p -> assertThat(p).startsWith("the measures must include recorded, outcomes_assigned"));
        Map<String, List<List<String>>> unknown = new LinkedHashMap<>(b.measures());
        unknown.put("arrests", b.measures().get(BenchmarkBundle.RECORDED));
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), unknown, null, null).problems())
                .anySatisfy(p -> assertThat(p).contains("may add only victim_does_not_support_third_party"));
    }

    /**
     * The roster keeps no history, so officers are counted as they stand when a release is made: a quarter's
     * force-wide figures, once published, are carried into every later release unchanged, or another force comparing
     * two releases would see one person join or leave with (or without) an accreditation.
     */
    @Test
    void aQuarterOfForceWideFiguresOncePublishedIsNeverChanged() {
        Map<String, long[][]> counts = new LinkedHashMap<>();
        counts.put(BenchmarkBundle.RECORDED, new long[][] {{40, 30}, {35, 32}});
        counts.put(BenchmarkBundle.OUTCOMES, new long[][] {{30, 29}, {33, 30}});
        counts.put(BenchmarkBundle.CHARGED, new long[][] {{12, 9}, {6, 11}});
        counts.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, new long[][] {{12, 14}, {14, 15}});
        BenchmarkBundle first = BenchmarkBundle.of("2026-07-02", List.of("2026-Q1", "2026-Q2"),
                List.of("adult_rape", "child_rape"), counts, Map.of(),
                List.of(new BenchmarkBundle.ForceQuarter(12, 3.84, 40, 31, 38, 6),
                        new BenchmarkBundle.ForceQuarter(20, 4.1, 41, 30, 39, 7)), List.of());
        // a quarter later: one accredited officer has joined since, and counted today Q2 would read 42 and 31
        BenchmarkBundle second = BenchmarkBundle.of("2026-10-02", List.of("2026-Q2", "2026-Q3"),
                List.of("adult_rape", "child_rape"), counts, Map.of(),
                List.of(new BenchmarkBundle.ForceQuarter(20, 4.1, 42, 31, 40, 7),
                        new BenchmarkBundle.ForceQuarter(15, 4.2, 42, 31, 40, 8)), List.of(first));
        assertThat(second.force().get(BenchmarkBundle.OFFICERS)).containsExactly("41", "42");
        assertThat(second.force().get(BenchmarkBundle.ACCREDITED)).containsExactly("30", "31");
        assertThat(second.force().get(BenchmarkBundle.CASELOAD)).containsExactly("7", "8");
        assertThat(second.problems()).isEmpty();
        // a release before force-wide figures were sent (an earlier version) fixes nothing
        BenchmarkBundle old = new BenchmarkBundle(first.asOf(), first.quarters(), first.groups(), first.measures(),
                null, null);
        BenchmarkBundle after = BenchmarkBundle.of("2026-10-02", List.of("2026-Q2", "2026-Q3"),
                List.of("adult_rape", "child_rape"), counts, Map.of(),
                List.of(new BenchmarkBundle.ForceQuarter(20, 4.1, 42, 31, 40, 7),
                        new BenchmarkBundle.ForceQuarter(15, 4.2, 42, 31, 40, 8)), List.of(old));
        assertThat(after.force().get(BenchmarkBundle.OFFICERS)).containsExactly("42", "42");
    }
}
