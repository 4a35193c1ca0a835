package org.soteria.performance;

import java.util.List;
import java.util.Locale;
import org.soteria.platform.Fault;

/**
 * What a table's cell is (a count, a rate, a change in points, a mean, text) and how the pages write it:
 * rates as percentages, changes in points, counts with separators. The XLSX download formats its cells
 * by the same kinds, so a rate is a percentage in the workbook as on the page.
 */
public final class CellFormat {

    /** The kinds of cell a table of figures holds. */
    public enum Kind {
        EMPTY, TEXT, COUNT, COUNT_CHANGE, RATE, RATE_CHANGE, MEAN
    }

    /**
     * The kind of the cell at {@code column} of {@code row}. In the table of every measure
     * ({@link MeasureTable}) a value is a rate only when its numerator and denominator are given (the
     * others are means and counts); elsewhere a fraction is a rate unless its row is a mean score.
     */
    public static Kind kind(List<Object> row, int column, List<String> headers) {
        Object value = row.get(column);
        if (value == null) {
            return Kind.EMPTY;
        }
        boolean change = headers.get(column).startsWith("Change");
        if (value instanceof Double) {
            if (headers.get(column).toLowerCase(Locale.ROOT).contains("level")) {
                // a maturity level (1 to 4) or its change, as the national team's heat map downloads it
                return Kind.MEAN;
            }
            if (headers.equals(MeasureTable.HEADERS)) {
                return row.get(MeasureTable.HEADERS.indexOf("numerator")) != null ? Kind.RATE : Kind.MEAN;
            }
            if (String.valueOf(row.get(0)).toLowerCase(Locale.ROOT).contains("mean")) {
                return Kind.MEAN;
            }
            return change ? Kind.RATE_CHANGE : Kind.RATE;
        }
        if (value instanceof Number) {
            return change ? Kind.COUNT_CHANGE : Kind.COUNT;
        }
        return Kind.TEXT;
    }

    /** The cell as the page writes it. */
    public String cell(List<Object> row, int column, List<String> headers) {
        Object value = row.get(column);
        return switch (kind(row, column, headers)) {
            case EMPTY -> "no data";
            case MEAN -> String.format(Locale.UK, "%.2f", (Double) value);
            case RATE -> String.format(Locale.UK, "%.1f%%", (Double) value * 100);
            // "+2.5 points", written as a fault is, so that the page shows it in its language.
            case RATE_CHANGE -> Fault.of("perf.points", String.format(Locale.UK, "%+.1f", (Double) value * 100));
            case COUNT -> String.format(Locale.UK, "%,d", ((Number) value).longValue());
            case COUNT_CHANGE -> String.format(Locale.UK, "%+,d", ((Number) value).longValue());
            case TEXT -> value.toString();
        };
    }
}
