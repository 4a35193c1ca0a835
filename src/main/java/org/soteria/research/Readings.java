package org.soteria.research;

import java.util.Locale;

/** Plain-language readings of estimates with their 95% confidence intervals. */
final class Readings {

    private Readings() {
    }

    static String number(double v) {
        return String.format(Locale.UK, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    /**
     * "The level rose by 4.1 percentage points at the change (95% confidence interval 1.2 to 7.0): more than
     * chance alone would explain." or, when the interval holds zero, that the data are consistent with no change.
     */
    static String change(String what, InterruptedTimeSeries.Estimate e, String unit, String when) {
        String interval = "(95% confidence interval " + number(e.lower()) + " to " + number(e.upper()) + ")";
        if (!e.excludesZero()) {
            return "The data are consistent with no change in " + what + " " + when + ": the estimate is "
                    + number(e.value()) + " " + unit + " " + interval + ", and the interval includes zero.";
        }
        String direction = e.value() > 0 ? "rose" : "fell";
        return "The " + what + " " + direction + " by " + number(Math.abs(e.value())) + " " + unit + " " + when + " "
                + interval + ": more than chance alone would explain.";
    }
}
