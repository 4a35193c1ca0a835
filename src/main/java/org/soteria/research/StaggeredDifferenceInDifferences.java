package org.soteria.research;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Difference-in-differences with staggered adoption (ADR 36): units (forces) join at different periods, and each
 * joining cohort is compared only with units that have <em>not yet</em> joined, never with units already treated,
 * whose own changes would otherwise be subtracted as if they were the counterfactual. For cohort {@code g} (the
 * first period it is treated) and period {@code t}, with the cohort's last untreated period {@code g-1} as the base,
 * <pre>ATT(g,t) = mean over the cohort of (y[t] - y[g-1]) - mean over not-yet-treated units of (y[t] - y[g-1])</pre>
 * where the comparison units are those first treated after both {@code t} and {@code g-1} (or never, within the
 * window). Periods before {@code g-1} give placebo estimates, which should be near zero if trends were parallel.
 * Cells are aggregated by periods since joining (an event study) and overall (every post-joining cell), each cohort
 * weighted by its number of units. Intervals are percentiles of a bootstrap that resamples whole units, so they
 * allow for any correlation within a unit over time. Missing values (a withheld count) are NaN and drop out of the
 * cells that need them.
 */
public final class StaggeredDifferenceInDifferences {

    /** Resamples for the intervals: enough for stable 95% percentiles of a handful of estimates. */
    public static final int BOOTSTRAP = 499;
    private static final long SEED = 20261207L;

    /**
     * A unit's series over the periods, and the first period it is treated: null when it is not treated within
     * the window (a comparison throughout); 0 or less when it was treated before the window began (it has no
     * untreated period to compare from, and is left out).
     */
    public record Unit(String id, Integer firstTreated, double[] y) {
    }

    /** An estimate with its bootstrap standard error and 95% interval, and how many treated units it rests on. */
    public record Effect(InterruptedTimeSeries.Estimate estimate, int treatedUnits) {
    }

    /** One cohort: the period its units were first treated and which units they are. */
    public record Cohort(int firstTreated, List<String> units) {
    }

    /**
     * The overall effect after joining, the event study by periods since joining (negative: placebo periods before,
     * -1 the base, always 0), the cohorts, and the units left out because they were treated before the window.
     */
    public record Result(Effect overall, Map<Integer, Effect> byEventTime, List<Cohort> cohorts, int comparisonUnits,
            List<String> alreadyTreated, boolean preTrendsDoubtful) {
    }

    private StaggeredDifferenceInDifferences() {
    }

    /** Fits the estimator; null when no cohort has a period after joining with a not-yet-treated comparison. */
    public static Result fit(List<Unit> units, int periods) {
        for (Unit u : units) {
            if (u.y().length != periods) {
                throw new IllegalArgumentException(u.id() + " has " + u.y().length + " periods, not " + periods);
            }
        }
        List<Unit> usable = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Unit u : units) {
            if (u.firstTreated() != null && u.firstTreated() <= 0) {
                already.add(u.id());
            } else {
                usable.add(u);
            }
        }
        Map<Integer, double[]> point = cells(usable, periods);
        Double overall = overall(usable, periods);
        if (overall == null) {
            return null;
        }
        Map<Integer, List<double[]>> draws = new TreeMap<>();
        List<Double> overallDraws = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int b = 0; b < BOOTSTRAP; b++) {
            List<Unit> sample = new ArrayList<>(usable.size());
            for (int i = 0; i < usable.size(); i++) {
                sample.add(usable.get(random.nextInt(usable.size())));
            }
            Map<Integer, double[]> cells = cells(sample, periods);
            cells.forEach((e, v) -> draws.computeIfAbsent(e, k -> new ArrayList<>()).add(v));
            Double drawn = overall(sample, periods);
            if (drawn != null) {
                overallDraws.add(drawn);
            }
        }
        Map<Integer, Effect> byEvent = new TreeMap<>();
        boolean doubtful = false;
        for (var e : point.entrySet()) {
            if (e.getKey() == -1) {
                byEvent.put(-1, new Effect(new InterruptedTimeSeries.Estimate(0, 0, 0, 0), (int) e.getValue()[1]));
                continue;
            }
            double[] values = draws.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(v -> v[0]).toArray();
            InterruptedTimeSeries.Estimate est = interval(e.getValue()[0], values);
            byEvent.put(e.getKey(), new Effect(est, (int) e.getValue()[1]));
            // a placebo period whose interval lies clear of zero (beyond rounding) puts parallel trends in doubt
            doubtful |= e.getKey() < -1 && (est.lower() > 1e-9 || est.upper() < -1e-9);
        }
        Effect total = new Effect(interval(overall, overallDraws.stream().mapToDouble(Double::doubleValue).toArray()),
                treatedUnits(usable, periods));
        return new Result(total, byEvent, cohorts(usable, periods), comparisonUnits(usable, periods), already,
                doubtful);
    }

    /** An estimate with the standard deviation and the 2.5th and 97.5th percentiles of its bootstrap draws. */
    private static InterruptedTimeSeries.Estimate interval(double value, double[] draws) {
        if (draws.length < 2) {
            return new InterruptedTimeSeries.Estimate(value, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] d = draws.clone();
        Arrays.sort(d);
        double mean = Arrays.stream(d).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
        return new InterruptedTimeSeries.Estimate(value, sd, percentile(d, 0.025), percentile(d, 0.975));
    }

    private static double percentile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }

    /** ATT(g,t), with the number of treated units it rests on; null when either side has no unit with both values. */
    static double[] att(List<Unit> units, int g, int t) {
        int base = g - 1;
        double treated = 0;
        int nt = 0;
        double comparison = 0;
        int nc = 0;
        for (Unit u : units) {
            double d = u.y()[t] - u.y()[base];
            if (Double.isNaN(d)) {
                continue;
            }
            Integer first = u.firstTreated();
            if (first != null && first == g) {
                treated += d;
                nt++;
            } else if (first == null || first > Math.max(t, base)) {
                comparison += d;
                nc++;
            }
        }
        return nt == 0 || nc == 0 ? null : new double[] {treated / nt - comparison / nc, nt};
    }

    /** The cohorts' first periods that have a base period inside the window. */
    private static List<Integer> starts(List<Unit> units, int periods) {
        return units.stream().map(Unit::firstTreated).filter(f -> f != null && f >= 1 && f < periods).distinct()
                .sorted().toList();
    }

    /** Event time to {estimate, treated units}: each cohort's cells at that distance, weighted by their units. */
    private static Map<Integer, double[]> cells(List<Unit> units, int periods) {
        Map<Integer, double[]> sums = new TreeMap<>();
        for (int g : starts(units, periods)) {
            for (int t = 0; t < periods; t++) {
                double[] a = t == g - 1 ? baseCell(units, g) : att(units, g, t);
                if (a != null) {
                    double[] s = sums.computeIfAbsent(t - g, k -> new double[2]);
                    s[0] += a[0] * a[1];
                    s[1] += a[1];
                }
            }
        }
        Map<Integer, double[]> out = new LinkedHashMap<>();
        sums.forEach((e, s) -> out.put(e, new double[] {s[0] / s[1], s[1]}));
        return out;
    }

    /** The base period itself: zero by construction, present when the cohort has any unit observed there. */
    private static double[] baseCell(List<Unit> units, int g) {
        long n = units.stream().filter(u -> u.firstTreated() != null && u.firstTreated() == g
                && !Double.isNaN(u.y()[g - 1])).count();
        return n == 0 ? null : new double[] {0, n};
    }

    /** Every post-joining cell (t at or after g), weighted by its treated units; null when there is none. */
    static Double overall(List<Unit> units, int periods) {
        double sum = 0;
        double weight = 0;
        for (int g : starts(units, periods)) {
            for (int t = g; t < periods; t++) {
                double[] a = att(units, g, t);
                if (a != null) {
                    sum += a[0] * a[1];
                    weight += a[1];
                }
            }
        }
        return weight == 0 ? null : sum / weight;
    }

    private static int treatedUnits(List<Unit> units, int periods) {
        List<Integer> starts = starts(units, periods);
        return (int) units.stream().filter(u -> u.firstTreated() != null && starts.contains(u.firstTreated())).count();
    }

    private static int comparisonUnits(List<Unit> units, int periods) {
        return (int) units.stream().filter(u -> u.firstTreated() == null || u.firstTreated() >= periods).count();
    }

    private static List<Cohort> cohorts(List<Unit> units, int periods) {
        List<Cohort> out = new ArrayList<>();
        for (int g : starts(units, periods)) {
            out.add(new Cohort(g, units.stream().filter(u -> u.firstTreated() != null && u.firstTreated() == g)
                    .map(Unit::id).toList()));
        }
        return out;
    }
}
