package org.soteria.research;

import java.util.ArrayList;
import java.util.List;
import org.soteria.platform.Fault;

/**
 * Difference-in-differences of one treated series against the mean of comparison series (other forces
 * or teams) over the same periods. The gap between them, treated minus comparison, is regressed on a
 * post-change indicator: its coefficient is the effect, fitted by Prais–Winsten to allow for
 * autocorrelation in the gap. Before the change the gap's own trend tests the parallel-trends assumption.
 */
public final class DifferenceInDifferences {

    /** The effect, the gap's trend before the change, the assumptions and a reading in plain words. */
    public record Result(int periods, int changeIndex, int comparisons, InterruptedTimeSeries.Estimate effect,
            InterruptedTimeSeries.Estimate preChangeGapTrend, boolean parallelTrendsDoubtful, List<String> assumptions,
            List<String> warnings, List<String> reading) {
    }

    private DifferenceInDifferences() {
    }

    public static Result fit(double[] treated, List<double[]> comparisons, int changeIndex, String unit) {
        if (comparisons.isEmpty()) {
            throw new IllegalArgumentException("Difference-in-differences needs at least one comparison series");
        }
        for (double[] c : comparisons) {
            if (c.length != treated.length) {
                throw new IllegalArgumentException("Every comparison series must cover the same " + treated.length
                        + " periods as the treated one");
            }
        }
        if (changeIndex < InterruptedTimeSeries.MINIMUM_PERIODS
                || treated.length - changeIndex < InterruptedTimeSeries.MINIMUM_PERIODS) {
            throw new IllegalArgumentException("Difference-in-differences needs at least "
                    + InterruptedTimeSeries.MINIMUM_PERIODS + " periods before and after the change");
        }
        int n = treated.length;
        double[] gap = new double[n];
        for (int t = 0; t < n; t++) {
            double mean = 0;
            for (double[] c : comparisons) {
                mean += c[t];
            }
            gap[t] = treated[t] - mean / comparisons.size();
        }
        double[][] x = new double[n][];
        for (int t = 0; t < n; t++) {
            x[t] = new double[] {1, t >= changeIndex ? 1 : 0};
        }
        InterruptedTimeSeries.Estimate effect = InterruptedTimeSeries.Estimate.of(Regression.fitAr1(x, gap).coefficients()[1]);
        double[][] pre = new double[changeIndex][];
        double[] preGap = new double[changeIndex];
        for (int t = 0; t < changeIndex; t++) {
            pre[t] = new double[] {1, t};
            preGap[t] = gap[t];
        }
        InterruptedTimeSeries.Estimate trend = InterruptedTimeSeries.Estimate.of(Regression.fitAr1(pre, preGap)
                .coefficients()[1]);
        List<String> warnings = new ArrayList<>();
        boolean doubtful = trend.excludesZero();
        if (doubtful) {
            warnings.add(Fault.of("research.warning.notParallel", Readings.number(trend.value()),
                    Readings.unit(unit, true)));
        }
        if (changeIndex < InterruptedTimeSeries.ADVISED_PERIODS
                || n - changeIndex < InterruptedTimeSeries.ADVISED_PERIODS) {
            warnings.add(Fault.of("research.warning.fewPeriodsEstimate", InterruptedTimeSeries.ADVISED_PERIODS));
        }
        List<String> assumptions = List.of("{research.assumption.parallel}", "{research.assumption.unaffected}",
                "{research.assumption.makeUp}");
        List<String> reading = List.of(Readings.change("gap", effect, Readings.unit(unit, false), "afterTheChange"));
        return new Result(n, changeIndex, comparisons.size(), effect, trend, doubtful, assumptions, warnings, reading);
    }
}
