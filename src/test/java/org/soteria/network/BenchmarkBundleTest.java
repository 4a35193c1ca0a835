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
        return new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), m);
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
        BenchmarkBundle noQuarters = new BenchmarkBundle(b.asOf(), List.of("Q2"), b.groups(), b.measures());
        assertThat(noQuarters.problems()).anySatisfy(p -> assertThat(p).contains("quarter Q2 is not in the form 2025-Q3"));
        Map<String, List<List<String>>> three = new LinkedHashMap<>(b.measures());
        three.remove(BenchmarkBundle.RECORDED);
        assertThat(new BenchmarkBundle(b.asOf(), b.quarters(), b.groups(), three).problems())
                .anySatisfy(p -> assertThat(p).startsWith("the measures must be exactly"));
    }
}
