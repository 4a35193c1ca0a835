package org.soteria.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Interrupted time series by segmented regression: y_t = b0 + b1 t + b2 D_t + b3 (t − T0) D_t, where D_t is 1
 * from the change (period T0) on. b2 is the change in level at the change, b3 the change in slope per period.
 * Errors may be autocorrelated: the fit is Prais–Winsten with AR(1) errors ({@link Regression}).
 */
public final class InterruptedTimeSeries {

    /** Fewer periods than this on either side and the method is refused. */
    static final int MINIMUM_PERIODS = 3;
    /** Fewer periods than this on either side and the result carries a warning. */
    static final int ADVISED_PERIODS = 8;

    /** One estimate with its 95% confidence interval. */
    public record Estimate(double value, double standardError, double lower, double upper) {

        public boolean excludesZero() {
            return lower > 0 || upper < 0;
        }

        static Estimate of(Regression.Coefficient c) {
            return new Estimate(c.estimate(), c.standardError(), c.lower(), c.upper());
        }
    }

    /** The fit, the assumptions it rests on (with any warning) and a reading in plain words. */
    public record Result(int periods, int changeIndex, Estimate baselineLevel, Estimate baselineSlope,
            Estimate levelChange, Estimate slopeChange, double autocorrelation,
            List<String> assumptions, List<String> warnings, String reading) {
    }

    private InterruptedTimeSeries() {
    }

    /**
     * Fits the series {@code y} (one value a period, oldest first) with the change at index {@code changeIndex}
     * (the first period after it). {@code unit} names what y is measured in, for the reading ("percentage
     * points", "crimes").
     */
    public static Result fit(double[] y, int changeIndex, String unit) {
        if (changeIndex < MINIMUM_PERIODS || y.length - changeIndex < MINIMUM_PERIODS) {
            throw new IllegalArgumentException("Interrupted time series needs at least " + MINIMUM_PERIODS
                    + " periods before and after the change; there are " + changeIndex + " before and "
                    + (y.length - changeIndex) + " after");
        }
        double[][] x = new double[y.length][];
        for (int t = 0; t < y.length; t++) {
            double d = t >= changeIndex ? 1 : 0;
            x[t] = new double[] {1, t, d, (t - changeIndex) * d};
        }
        Regression.Fit fit = Regression.fitAr1(x, y);
        Regression.Coefficient[] c = fit.coefficients();
        List<String> warnings = new ArrayList<>();
        if (changeIndex < ADVISED_PERIODS || y.length - changeIndex < ADVISED_PERIODS) {
            warnings.add("Fewer than " + ADVISED_PERIODS + " periods on one side of the change: the estimates are "
                    + "uncertain and the intervals may be too narrow.");
        }
        double rho = fit.rho();
        if (Math.abs(rho) > 0.8) {
            warnings.add(String.format(Locale.UK, "The residuals are strongly autocorrelated (lag-1 %.2f): treat the "
                    + "intervals with caution.", rho));
        }
        List<String> assumptions = List.of(
                "Before the change the measure followed a straight-line trend, which would have continued without it.",
                "Nothing else that affects the measure changed at the same time (another policy, a recording change).",
                "The change took effect at once; a gradual start shows as a slope change rather than a level change.",
                String.format(Locale.UK, "Each period's error carries over to the next (first-order autocorrelation, "
                        + "estimated at %.2f, Prais–Winsten); seasonality is not modelled.", rho));
        String reading = Readings.change("level", Estimate.of(c[2]), unit, "at the change") + " "
                + Readings.change("trend", Estimate.of(c[3]), unit + " a period", "after the change");
        return new Result(y.length, changeIndex, Estimate.of(c[0]), Estimate.of(c[1]), Estimate.of(c[2]),
                Estimate.of(c[3]), rho, assumptions, warnings, reading);
    }
}
