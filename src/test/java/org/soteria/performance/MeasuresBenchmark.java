package org.soteria.performance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The measures benchmark (ADR 9, docs/benchmarks.md): the in-memory engine against the same measures as plain SQL
 * over the normalised tables ({@link SqlMeasures}, the baseline), alternating in rounds in one process so that both
 * see the same machine; then, optionally, a small import and the time until the measures show it. Run by
 * bench/measures.sh with the test classpath, since the SQL oracle is test code.
 *
 * <p>Arguments: {@code --data-dir D --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD] [--filter key=value]…
 * [--rounds N] [--then-import BUNDLE]}.
 */
public final class MeasuresBenchmark {

    private MeasuresBenchmark() {
    }

    public static void main(String[] args) {
        BenchArgs a = BenchArgs.of(args);
        String thenImport = a.arg("--then-import", null);
        List<String> filters = new ArrayList<>();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--filter")) {
                filters.add(args[i + 1]);
            }
        }
        MeasureQuery query = new MeasureQuery(a.from(), a.to(), a.asOf(), MeasureFilter.parse(filters));
        try (ConfigurableApplicationContext ctx = a.start()) {
            run(ctx, ctx.getBean(MeasureService.class), ctx.getBean(SqlMeasures.class), query, a.rounds(), thenImport);
        }
    }

    /** The heap in use after collections, so that only what is reachable counts. */
    private static long heapAfterCollection() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Each round computes the measures ten times in memory and once as plain SQL; prints every time and the medians. */
    private static void run(ConfigurableApplicationContext ctx, MeasureService measures, SqlMeasures sql,
            MeasureQuery query, int rounds, String thenImport) {
        long heapBefore = heapAfterCollection();
        long t0 = System.nanoTime();
        measures.compute(query);
        System.err.printf("loaded the in-memory snapshot in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.err.printf("heap the snapshot holds (live objects after a full collection, before and after loading): "
                + "%,d MB%n", (heapAfterCollection() - heapBefore) >> 20);
        for (int i = 0; i < 20; i++) {
            measures.compute(query); // warm-up
        }
        List<Double> memory = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        for (int round = 1; round <= Math.max(1, rounds); round++) {
            Measures result = null;
            for (int i = 0; i < 10; i++) {
                long t = System.nanoTime();
                result = measures.compute(query);
                memory.add((System.nanoTime() - t) / 1e6);
            }
            long t = System.nanoTime();
            Measures reference = measures.shown(sql.compute(query));
            plain.add((System.nanoTime() - t) / 1e6);
            System.err.printf("round %d: memory %s ms; sql %.1f ms; same answer: %s%n", round,
                    memory.subList(memory.size() - 10, memory.size()).stream().map(v -> String.format("%.1f", v))
                            .toList(), plain.get(plain.size() - 1),
                    MeasureJson.of(reference).equals(MeasureJson.of(result)));
        }
        if (thenImport != null) {
            long before = measures.compute(query).recorded();
            long i0 = System.nanoTime();
            ImportResult imported = ctx.getBean(ImportService.class).importBundle(Path.of(thenImport), "benchmark",
                    ImportProgress.NONE);
            long i1 = System.nanoTime();
            measures.refreshNow();
            long i2 = System.nanoTime();
            System.err.printf("import of %s: %.1f s (run %d); refresh of the snapshot: %.0f ms; recorded %d -> %d%n",
                    thenImport, (i1 - i0) / 1e9, imported.runId(), (i2 - i1) / 1e6, before,
                    measures.compute(query).recorded());
        }
        double m = median(memory);
        double s = median(plain);
        System.err.printf("median: memory %.1f ms (%d runs), sql %.1f ms (%d runs), sql / memory = %.0fx%n", m,
                memory.size(), s, plain.size(), s / m);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
