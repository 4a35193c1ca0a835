package org.soteria.performance;

import java.util.Locale;

/** How the pages write a table's cells: rates as percentages, changes in points, counts with separators. */
public final class CellFormat {

    public String cell(Object value, Object rowLabel, String header) {
        if (value == null) {
            return "no data";
        }
        boolean change = header.startsWith("Change");
        if (value instanceof Double d) {
            if (String.valueOf(rowLabel).toLowerCase(Locale.ROOT).contains("mean")) {
                return String.format(Locale.UK, "%.2f", d);
            }
            return change ? String.format(Locale.UK, "%+.1f points", d * 100)
                    : String.format(Locale.UK, "%.1f%%", d * 100);
        }
        if (value instanceof Number n) {
            return change ? String.format(Locale.UK, "%+,d", n.longValue())
                    : String.format(Locale.UK, "%,d", n.longValue());
        }
        return value.toString();
    }
}
