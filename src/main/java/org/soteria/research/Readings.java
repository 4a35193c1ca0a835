package org.soteria.research;

import java.util.Locale;
import org.soteria.platform.Fault;

/**
 * Plain-language readings of estimates with their 95% confidence intervals, as message codes the page puts into
 * its language ({@link Fault}): {@code research.reading.*}, the measure's part ({@code research.what.*}), its unit
 * ({@code research.unit.*}) and when ({@code research.when.*}).
 */
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
        String reading = !e.excludesZero() ? "research.reading.noChange"
                : e.value() > 0 ? "research.reading.rose" : "research.reading.fell";
        double value = e.excludesZero() ? Math.abs(e.value()) : e.value();
        return Fault.of(reading, "#research.what." + what, number(value), unit, "#research.when." + when,
                number(e.lower()), number(e.upper()));
    }

    /**
     * A unit in words, as a message ({@code research.unit.<code>}, "percentage points") or, for one the bundles do
     * not know, as it is; {@code perPeriod} for a trend ("percentage points a period").
     */
    static String unit(String unit, boolean perPeriod) {
        String code = switch (unit) {
            case "percentage points" -> "percentagePoints";
            case "crimes" -> "crimes";
            case "points" -> "points";
            default -> null;
        };
        return code == null ? unit + (perPeriod ? " a period" : "")
                : "#research.unit." + code + (perPeriod ? "PerPeriod" : "");
    }
}
