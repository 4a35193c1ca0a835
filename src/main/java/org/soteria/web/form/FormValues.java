package org.soteria.web.form;

import java.time.LocalDate;
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

    /** Day, month and year with any of the separators people type: 14/12/2026, 14-12-2026, 14.12.2026, 14 12 2026. */
    private static final java.util.regex.Pattern DAY_MONTH_YEAR = java.util.regex.Pattern.compile(
            "(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{1,2})\\s*[/.\\- ]\\s*(\\d{4})");
    /** Day, month name and year: 14 December 2026, 14 Dec 2026, 14 Rhagfyr 2026. */
    private static final java.util.regex.Pattern DAY_NAME_YEAR = java.util.regex.Pattern.compile(
            "(\\d{1,2})\\s+(\\p{L}+)\\.?,?\\s+(\\d{4})");

    /**
     * A date as officers type it: 2026-12-14, or day first as in the UK (14/12/2026, 14-12-2026, 14.12.2026,
     * 14 12 2026), or with the month's name in English or Welsh (14 December 2026, 14 Dec 2026, 14 Rhagfyr 2026);
     * null when empty or not a real date (31/02/2026, or a year of two digits, which could mean two centuries).
     */
    public static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            java.util.regex.Matcher m = DAY_MONTH_YEAR.matcher(v);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(1)));
            }
            m = DAY_NAME_YEAR.matcher(v);
            if (m.matches()) {
                Integer month = month(m.group(2));
                return month == null ? null : LocalDate.of(Integer.parseInt(m.group(3)), month,
                        Integer.parseInt(m.group(1)));
            }
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A month's number from its name or its first three letters, in English or Welsh; null for anything else. */
    private static Integer month(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        for (java.util.Locale l : new java.util.Locale[] {java.util.Locale.UK, java.util.Locale.forLanguageTag("cy")}) {
            for (java.time.Month month : java.time.Month.values()) {
                String full = month.getDisplayName(java.time.format.TextStyle.FULL, l).toLowerCase(java.util.Locale.ROOT);
                if (n.equals(full) || n.length() >= 3 && full.startsWith(n)) {
                    return month.getValue();
                }
            }
        }
        return null;
    }

    /**
     * A date in a query's filter (GET forms, which have no record): null when empty; one that is not a real
     * date is null and {@code faults} gets the same message a form's {@link IsoDate} field gives ({@code label}: the
     * field label's message code).
     */
    public static LocalDate date(String value, String field, String label, java.util.Map<String, String> faults) {
        LocalDate d = date(value);
        if (d == null && text(value) != null) {
            String missing = DateFields.missing(value);
            faults.put(field, missing != null ? Fault.dateMissing(label, missing) : Fault.notADate(label));
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
