package org.soteria.web.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.soteria.platform.Fault;

/**
 * A bound form's raw values as the types the services take. The form's constraints have already said
 * what is wrong with a value; here a missing or unreadable value is simply null.
 */
public final class FormValues {

    private FormValues() {
    }

    /** Trimmed text; null when empty. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A date in the form YYYY-MM-DD; null when empty or not a real date. */
    public static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A date in a query's filter (GET forms, which have no record): null when empty; one that is not a real
     * date is null and {@code faults} gets the same message a form's {@link IsoDate} field gives ({@code label}: the
     * field label's message code).
     */
    public static LocalDate date(String value, String field, String label, java.util.Map<String, String> faults) {
        LocalDate d = date(value);
        if (d == null && text(value) != null) {
            faults.put(field, Fault.notADate(label));
        }
        return d;
    }


    /** A whole number; null when empty or not a number. */
    public static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A small whole number (a count, a level, a score); null when empty, not a number or too large. */
    public static Integer integer(String value) {
        Long n = number(value);
        return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
    }

    /** A filter's value when it is one of those allowed, otherwise "" (no filter). */
    public static String oneOf(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        return "";
    }

    /** Every value given for a repeated field (checkboxes), without the empty ones. */
    public static List<String> all(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
