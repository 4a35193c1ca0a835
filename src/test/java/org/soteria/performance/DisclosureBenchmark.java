package org.soteria.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.network.BenchmarkBundle;
import org.soteria.network.BenchmarkCounts;
import org.soteria.reference.OffenceGroup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What disclosure control costs (issue 23, ADR 24; docs/benchmarks.md), in one process on one snapshot:
 * <ol>
 * <li>the dashboard's measures (the period, the period before, the same period a year before, and 24 months of
 * series) with disclosure control ({@link MeasureService#publish}: published feedback, withholding below force
 * level) against the same measures straight from the engine (the baseline), at force level and below it,
 * alternating in rounds;</li>
 * <li>a force's eight quarterly hub releases built one after another, each suppressed together with the earlier
 * ones, against each suppressed alone (the baseline), from the force's real counts.</li>
 * </ol>
 * Run by bench/disclosure.sh with the test classpath. Arguments: {@code --data-dir D --from --to --as-of
 * --filter key=value --rounds N}.
 */
public final class DisclosureBenchmark {

    private DisclosureBenchmark() {
    }

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.of(args);
        LocalDate from = a.from();
        LocalDate to = a.to();
        LocalDate asOf = a.asOf();
        int rounds = a.rounds();
        String force = a.arg("--force", "NWP");
        MeasureFilter atForce = MeasureFilter.parse(List.of("force=" + force));
        MeasureFilter below = MeasureFilter.parse(List.of("force=" + force, a.arg("--filter",
                "offence_group=adult_rape")));
        try (ConfigurableApplicationContext ctx = a.start()) {
            MeasureService measures = ctx.getBean(MeasureService.class);
            MeasureStore store = ctx.getBean(MeasureStore.class);
            MeasureEngine engine = ctx.getBean(MeasureEngine.class);
            long t0 = System.nanoTime();
            measures.compute(new MeasureQuery(from, to, asOf, atForce));
            System.err.printf("loaded the in-memory snapshot in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // As the pages ask: always with the user's force (MeasureService.scope adds it).
            dashboard(measures, store, engine, new MeasureQuery(from, to, asOf, atForce), "force level", rounds);
            dashboard(measures, store, engine, new MeasureQuery(from, to, asOf, below), "below force level (" +
                    below.asMap() + ")", rounds);
            Map<String, long[][]> counts = counts(measures, asOf, atForce);
            releases(counts, asOf, 1.0, "the force's counts");
            // A small force: the same pattern at a fortieth of the size, where many counts are under 5.
            releases(counts, asOf, 1 / 40.0, "a force a fortieth the size");
        }
    }

    /** The dashboard's inputs, with and without disclosure control, alternating; prints medians. */
    private static void dashboard(MeasureService measures, MeasureStore store, MeasureEngine engine, MeasureQuery q,
            String label, int rounds) {
        MeasureQuery series = q.withPeriod(YearMonth.from(q.to()).minusMonths(23).atDay(1), q.to());
        Runnable without = () -> {
            MeasureSnapshot s = store.snapshot();
            engine.compute(s, q);
            engine.compute(s, q.previousPeriod());
            engine.compute(s, q.yearEarlier());
            for (YearMonth m = YearMonth.from(series.from()); !m.isAfter(YearMonth.from(series.to())); m = m.plusMonths(1)) {
                engine.computePeriod(s, q.withPeriod(m.atDay(1), m.atEndOfMonth()));
            }
        };
        Runnable with = () -> {
            measures.publish(q);
            measures.publish(q.previousPeriod());
            measures.publish(q.yearEarlier());
            measures.publishSeries(series, false);
        };
        for (int i = 0; i < 10; i++) {
            without.run();
            with.run();
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < 10; i++) {
                a.add(time(without));
                b.add(time(with));
            }
            System.err.printf("%s, round %d: without %.1f ms, with %.1f ms (medians of the round)%n", label, round,
                    median(a.subList(a.size() - 10, a.size())), median(b.subList(b.size() - 10, b.size())));
        }
        System.out.printf("dashboard, %s: without disclosure control %.1f ms, with %.1f ms (medians of %d; %+.1f%%)%n",
                label, median(a), median(b), a.size(), (median(b) / median(a) - 1) * 100);
    }

    private static final int QUARTERS = 8 + 7;
    private static final List<String> GROUPS = Arrays.stream(OffenceGroup.values()).map(OffenceGroup::code).toList();

    private static List<YearMonth> starts(LocalDate asOf) {
        YearMonth lastQuarter = YearMonth.of(asOf.getYear(), ((asOf.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        List<YearMonth> starts = new ArrayList<>();
        for (int q = QUARTERS - 1; q >= 0; q--) {
            starts.add(lastQuarter.minusMonths(3L * q));
        }
        return starts;
    }

    /** The force's counts of the benchmark's measures, by quarter and offence group, as NetworkService takes them. */
    private static Map<String, long[][]> counts(MeasureService measures, LocalDate asOf, MeasureFilter force) {
        return BenchmarkCounts.of(measures::compute, starts(asOf), GROUPS, asOf, force);
    }

    /** Eight quarterly releases from counts (scaled), each suppressed alone and each with the earlier ones. */
    private static void releases(Map<String, long[][]> counts, LocalDate asOf, double scale, String label) {
        List<YearMonth> starts = starts(asOf);
        List<String> groups = GROUPS;
        Map<String, long[][]> all = new LinkedHashMap<>();
        counts.forEach((m, c) -> {
            long[][] scaled = new long[c.length][];
            for (int q = 0; q < c.length; q++) {
                scaled[q] = Arrays.stream(c[q]).map(v -> Math.round(v * scale)).toArray();
            }
            all.put(m, scaled);
        });
        // Scaling rounds each count on its own: keep the parts inside their parent.
        BenchmarkCounts.fitParts(all);
        List<BenchmarkBundle> sent = new ArrayList<>();
        double alone = 0;
        double together = 0;
        for (int r = 0; r < 8; r++) {
            List<String> names = new ArrayList<>();
            Map<String, long[][]> window = new LinkedHashMap<>();
            for (int q = r; q < r + 8; q++) {
                YearMonth s = starts.get(q);
                names.add(s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1));
            }
            for (Map.Entry<String, long[][]> e : all.entrySet()) {
                window.put(e.getKey(), Arrays.copyOfRange(e.getValue(), r, r + 8));
            }
            long t = System.nanoTime();
            BenchmarkBundle.of(asOf.toString(), names, groups, window, List.of());
            double a = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            BenchmarkBundle b = BenchmarkBundle.of(asOf.toString(), names, groups, window, List.copyOf(sent));
            double w = (System.nanoTime() - t) / 1e6;
            sent.add(b);
            alone += a;
            together += w;
            long hidden = b.grids().values().stream().flatMap(g -> Arrays.stream(g.shown()).flatMap(Arrays::stream))
                    .filter(c -> c.equals("<5") || c.equals("[c]")).count();
            System.err.printf("%s, release %d (%s to %s): alone %.1f ms, with %d earlier %.1f ms, %d cells hidden%n",
                    label, r + 1, names.get(0), names.get(7), a, r, w, hidden);
        }
        System.out.printf("hub, %s: eight quarterly releases, each suppressed alone %.1f ms in all, each with every "
                + "earlier release %.1f ms in all%n", label, alone, together);
    }

    private static double time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
