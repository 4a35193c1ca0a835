package org.soteria.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.reference.Coded;

/**
 * One record of a bundle file being validated: reads cells by column name (trimmed; a missing
 * cell is empty), applies mappings to coded columns and collects the row's problems.
 */
final class Row {

    private final String file;
    private final int line;
    private final String[] cells;
    private final Map<String, Integer> columns;
    private final Mappings mappings;
    final List<ImportProblem> problems = new ArrayList<>(2);

    Row(String file, int line, String[] cells, Map<String, Integer> columns, Mappings mappings) {
        this.file = file;
        this.line = line;
        this.cells = cells;
        this.columns = columns;
        this.mappings = mappings;
    }

    int line() {
        return line;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** The trimmed value; empty when the column or the cell is missing. */
    String text(String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.length ? "" : cells[i].trim();
    }

    /** The value with the bundle's mapping for this column applied. */
    String mapped(String column) {
        return mappings.apply(column, text(column));
    }

    void reject(String column, String value, String reason) {
        String force = text("force_code").toUpperCase(java.util.Locale.ROOT);
        String crime = text("crime_ref");
        problems.add(new ImportProblem(file, line, column, value, reason, true, force.isEmpty() ? null : force,
                crime.isEmpty() ? null : crime));
    }

    /** A required text value; rejects the row when it is empty. */
    String required(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            reject(column, v, column + " is required");
            return null;
        }
        return v;
    }

    String optional(String column) {
        String v = text(column);
        return v.isEmpty() ? null : v;
    }

    <E extends Enum<E> & Coded> E coded(String column, Class<E> type, boolean required) {
        String v = mapped(column);
        if (v.isEmpty()) {
            if (required) {
                reject(column, v, column + " is required");
            }
            return null;
        }
        Optional<E> e = Coded.parse(type, v);
        if (e.isEmpty()) {
            reject(column, text(column), "unknown " + column + " '" + v + "'; expected one of " + Coded.codes(type));
            return null;
        }
        return e.get();
    }

    LocalDate date(String column, boolean required) {
        String v = text(column);
        if (v.isEmpty()) {
            if (required) {
                reject(column, v, column + " is required");
            }
            return null;
        }
        try {
            return Values.date(v);
        } catch (Values.Invalid e) {
            reject(column, v, column + " is " + e.getMessage());
            return null;
        }
    }

    Boolean bool(String column) {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Values.bool(v);
        } catch (Values.Invalid e) {
            reject(column, v, column + " is " + e.getMessage());
            return null;
        }
    }

    Integer number(String column, int min, int max) {
        String v = text(column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Values.wholeNumber(v, min, max);
        } catch (Values.Invalid e) {
            reject(column, v, column + " is " + e.getMessage());
            return null;
        }
    }
}
