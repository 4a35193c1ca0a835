package org.soteria.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soteria.platform.Fault;

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
            List<String> assumptions, List<String> warnings, List<String> reading) {

        /** The estimates named for a page's table, in its order. */
        public List<java.util.Map.Entry<String, Estimate>> estimates() {
            return List.of(java.util.Map.entry("Level before the change", baselineLevel),
                    java.util.Map.entry("Trend before the change (a month)", baselineSlope),
                    java.util.Map.entry("Change in level", levelChange),
                    java.util.Map.entry("Change in trend (a month)", slopeChange));
        }
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
            warnings.add(Fault.of("research.warning.fewPeriods", ADVISED_PERIODS));
        }
        double rho = fit.rho();
        if (Math.abs(rho) > 0.8) {
            warnings.add(Fault.of("research.warning.autocorrelated", String.format(Locale.UK, "%.2f", rho)));
        }
        List<String> assumptions = List.of("{research.assumption.straightTrend}", "{research.assumption.nothingElse}",
                "{research.assumption.atOnce}",
                Fault.of("research.assumption.autocorrelation", String.format(Locale.UK, "%.2f", rho)));
        List<String> reading = List.of(Readings.change("level", Estimate.of(c[2]), Readings.unit(unit, false), "atTheChange"),
                Readings.change("trend", Estimate.of(c[3]), Readings.unit(unit, true), "afterTheChange"));
        return new Result(y.length, changeIndex, Estimate.of(c[0]), Estimate.of(c[1]), Estimate.of(c[2]),
                Estimate.of(c[3]), rho, assumptions, warnings, reading);
    }
}
