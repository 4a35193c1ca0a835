package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallNumbersTest {

    private static String describe(Map<String, SmallNumbers.Grid> grids) {
        StringBuilder b = new StringBuilder();
        grids.forEach((m, g) -> b.append("\n").append(m).append(": ").append(java.util.Arrays.deepToString(g.shown())));
        return b.toString();
    }

    private static final Map<String, List<String>> NONE = Map.of();

    @Test
    void theAttackerRecoversACountSuppressedAloneInItsRow() {
        // 3 + 10 + 12 = 25 with only the 3 hidden: the row total gives it away
        SmallNumbers.Grid g = new SmallNumbers.Grid(new String[][] {
            {"<5", "10", "12", "25"}, {"7", "9", "20", "36"}, {"10", "19", "32", "61"}});
        List<SmallNumbers.Range> ranges = SmallNumbers.ranges(Map.of("m", g), NONE);
        assertThat(ranges).hasSize(1);
        assertThat(ranges.get(0).exact()).isTrue();
        assertThat(ranges.get(0).least()).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theAttackerUsesTheRuleThatAPartFitsInsideItsParent() {
        // outcomes 5 and victim-does-not-support 5 leave no room for a charge: the <5 can only be 0
        SmallNumbers.Grid outcomes = new SmallNumbers.Grid(new String[][] {{"5", "5"}, {"5", "5"}});
        SmallNumbers.Grid charged = new SmallNumbers.Grid(new String[][] {{"<5", "<5"}, {"<5", "<5"}});
        SmallNumbers.Grid vdns = new SmallNumbers.Grid(new String[][] {{"5", "5"}, {"5", "5"}});
        List<SmallNumbers.Range> ranges = SmallNumbers.ranges(Map.of("o", outcomes, "c", charged, "v", vdns),
                Map.of("o", List.of("c", "v")));
        assertThat(ranges).allSatisfy(r -> {
            assertThat(r.exact()).isTrue();
            assertThat(Math.round(r.least())).isZero();
        });
    }

    @Test
    void suppressionHidesSmallCountsAndWithholdsEnoughOthersThatNoneCanBeWorkedOut() {
        long[][] counts = {{3, 10, 12}, {7, 1, 20}, {8, 9, 30}};
        Map<String, SmallNumbers.Grid> out = SmallNumbers.suppress(Map.of("m", counts), NONE);
        SmallNumbers.Grid g = out.get("m");
        assertThat(g.cell(0, 0)).isEqualTo("<5");
        assertThat(g.cell(1, 1)).isEqualTo("<5");
        long[][] full = SmallNumbers.withTotals(counts);
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                if (!SmallNumbers.Grid.suppressed(g.cell(r, c))) {
                    assertThat(g.cell(r, c)).isEqualTo(Long.toString(full[r][c]));
                }
            }
        }
        assertThat(SmallNumbers.ranges(out, NONE)).isNotEmpty().allSatisfy(r -> assertThat(r.exact()).isFalse());
        assertThat(g.cell(3, 3)).isEqualTo("100");
    }

    @Test
    void aTableWithNoSmallCountsIsShownWhole() {
        Map<String, SmallNumbers.Grid> out = SmallNumbers.suppress(Map.of("m", new long[][] {{7, 10}, {5, 9}}), NONE);
        assertThat(out.get("m").shown()).isEqualTo(new String[][] {{"7", "10", "17"}, {"5", "9", "14"}, {"12", "19", "31"}});
    }

    @Test
    void aForceWhoseThresholdIsTenWithholdsCountsFromFiveToNineAndProtectsThem() {
        // issue 28: the same table as above under k = 10: 7, 5 and 9 are withheld, and so is what would give them away
        Map<String, SmallNumbers.Grid> out = SmallNumbers.suppress(Map.of("m", new long[][] {{7, 10}, {5, 9}}), NONE,
                List.of("row0", "row1"), List.of(), 10);
        SmallNumbers.Grid g = out.get("m");
        long[][] full = SmallNumbers.withTotals(new long[][] {{7, 10}, {5, 9}});
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                if (full[r][c] < 10) {
                    assertThat(g.cell(r, c)).as(r + "," + c).isEqualTo("[c]");
                } else if (!SmallNumbers.Grid.suppressed(g.cell(r, c))) {
                    assertThat(g.cell(r, c)).isEqualTo(Long.toString(full[r][c]));
                }
            }
        }
        assertThat(SmallNumbers.ranges(out, NONE)).isNotEmpty().allSatisfy(r -> assertThat(r.exact()).isFalse());
        assertThat(BenchmarkBundle.forceFigures(List.of(new BenchmarkBundle.ForceQuarter(8, 4.2, 7, 3, 7, 9)), 10))
                .containsEntry(BenchmarkBundle.FEEDBACK_RESPONSES, List.of("[c]"))
                .containsEntry(BenchmarkBundle.OFFICERS, List.of("[c]"))
                .containsEntry(BenchmarkBundle.ACCREDITED, List.of("<5"))
                .containsEntry(BenchmarkBundle.CASELOAD, List.of("[c]"));
        assertThat(BenchmarkBundle.forceFigures(List.of(new BenchmarkBundle.ForceQuarter(8, 4.2, 7, 3, 7, 9))))
                .as("under the format's 5").containsEntry(BenchmarkBundle.OFFICERS, List.of("7"));
    }

    @Test
    void fourSmallPartsOfASmallTotalWouldEachBeKnownToBeOneIfZerosWereShown() {
        // 1 + 1 + 1 + 1 = 4: were "<5" to mean 1 to 4, the total of at most 4 would pin every part to 1
        Map<String, SmallNumbers.Grid> out = SmallNumbers.suppress(Map.of("m", new long[][] {{1, 1, 1, 1}, {0, 9, 8, 7}}),
                NONE);
        assertThat(out.get("m").cell(0, 4)).isEqualTo("<5");
        assertThat(out.get("m").cell(1, 0)).isEqualTo("<5");
        assertThat(SmallNumbers.ranges(out, NONE)).allSatisfy(r -> assertThat(r.exact()).isFalse());
    }

    @Test
    void sixtyRandomBenchmarksLeaveNoSuppressedCountRecoverable() {
        SplittableRandom random = new SplittableRandom(42);
        int suppressedCells = 0;
        for (int trial = 0; trial < 60; trial++) {
            // small tables, so that many trials run in seconds; LearningNetworkBrowserIT checks full-size bundles
            int quarters = 2 + random.nextInt(2);
            int groups = 2 + random.nextInt(2);
            long[][] recorded = new long[quarters][groups];
            long[][] outcomes = new long[quarters][groups];
            long[][] charged = new long[quarters][groups];
            long[][] vdns = new long[quarters][groups];
            for (int q = 0; q < quarters; q++) {
                for (int g = 0; g < groups; g++) {
                    recorded[q][g] = random.nextInt(trial % 3 == 0 ? 8 : 40);
                    outcomes[q][g] = random.nextInt(trial % 2 == 0 ? 10 : 60);
                    charged[q][g] = outcomes[q][g] == 0 ? 0 : random.nextInt((int) Math.min(outcomes[q][g], 6) + 1);
                    vdns[q][g] = random.nextLong(outcomes[q][g] - charged[q][g] + 1);
                }
            }
            Map<String, long[][]> counts = new LinkedHashMap<>();
            counts.put(BenchmarkBundle.RECORDED, recorded);
            counts.put(BenchmarkBundle.OUTCOMES, outcomes);
            counts.put(BenchmarkBundle.CHARGED, charged);
            counts.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, vdns);
            Map<String, SmallNumbers.Grid> out = SmallNumbers.suppress(counts, BenchmarkBundle.WITHIN);
            for (SmallNumbers.Range r : SmallNumbers.ranges(out, BenchmarkBundle.WITHIN)) {
                long truth = SmallNumbers.withTotals(counts.get(r.measure()))[r.row()][r.column()];
                assertThat(r.exact()).as("trial %d: %s in %s", trial, r, describe(out)).isFalse();
                assertThat((double) truth).isBetween(r.least() - 1e-6, r.greatest() + 1e-6);
                assertThat(out.get(r.measure()).cell(r.row(), r.column()))
                        .isEqualTo(truth <= 4 ? "<5" : "[c]");
                suppressedCells++;
            }
        }
        assertThat(suppressedCells).isGreaterThan(150);
    }
}
