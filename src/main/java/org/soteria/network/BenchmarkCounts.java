package org.soteria.network;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.Measures;

/**
 * A force's benchmark counts (every count of {@link BenchmarkBundle#MEASURES}) by quarter and offence group, before
 * suppression, as kpis.md defines them: the one place they are taken from the measures, for the force's benchmark
 * file and for the disclosure benchmark.
 */
public final class BenchmarkCounts {

    /** The report sources counted as "reported by someone else" (kpis.md, third_party_share). */
    static final List<String> SOMEONE_ELSE = List.of("third_party", "professional", "other");

    private BenchmarkCounts() {
    }

    /**
     * The counts for each quarter starting in {@code starts} by each of {@code groups}, within {@code base} (the
     * force's filter, or none), as known on {@code asOf}.
     */
    public static Map<String, long[][]> of(Function<MeasureQuery, Measures> compute, List<YearMonth> starts,
            List<String> groups, LocalDate asOf, MeasureFilter base) {
        Map<String, long[][]> counts = new LinkedHashMap<>();
        for (String m : BenchmarkBundle.MEASURES) {
            counts.put(m, new long[starts.size()][groups.size()]);
        }
        for (int q = 0; q < starts.size(); q++) {
            LocalDate from = starts.get(q).atDay(1);
            LocalDate to = starts.get(q).plusMonths(2).atEndOfMonth();
            for (int g = 0; g < groups.size(); g++) {
                Map<String, List<String>> filter = new LinkedHashMap<>(base.asMap());
                filter.put("offence_group", List.of(groups.get(g)));
                Measures ms = compute.apply(new MeasureQuery(from, to, asOf, MeasureFilter.of(filter)));
                filter.put("report_source", SOMEONE_ELSE);
                Measures reported = compute.apply(new MeasureQuery(from, to, asOf, MeasureFilter.of(filter)));
                counts.get(BenchmarkBundle.RECORDED)[q][g] = ms.recorded();
                counts.get(BenchmarkBundle.OUTCOMES)[q][g] = ms.outcomesAssigned();
                counts.get(BenchmarkBundle.CHARGED)[q][g] = ms.chargeRate().numerator();
                counts.get(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT)[q][g] = ms.victimDoesNotSupportRate().numerator();
                counts.get(BenchmarkBundle.THIRD_PARTY)[q][g] = reported.victimDoesNotSupportRate().numerator();
                counts.get(BenchmarkBundle.WITH_SUSPECT)[q][g] = ms.repeatSuspectShare().denominator();
                counts.get(BenchmarkBundle.REPEAT_SUSPECT)[q][g] = ms.repeatSuspectShare().numerator();
            }
        }
        return counts;
    }

    /**
     * Makes each count's parts fit inside it again (in place), after something changed counts one by one, such as
     * scaling: a part is cut to what its whole leaves after the parts before it.
     */
    public static void fitParts(Map<String, long[][]> counts) {
        for (String parent : BenchmarkBundle.MEASURES) {
            List<String> parts = BenchmarkBundle.WITHIN.get(parent);
            if (parts == null || !counts.containsKey(parent)) {
                continue;
            }
            long[][] whole = counts.get(parent);
            for (int q = 0; q < whole.length; q++) {
                for (int g = 0; g < whole[q].length; g++) {
                    long left = whole[q][g];
                    for (String part : parts) {
                        long[][] p = counts.get(part);
                        if (p != null) {
                            p[q][g] = Math.min(p[q][g], left);
                            left -= p[q][g];
                        }
                    }
                }
            }
        }
    }
}
