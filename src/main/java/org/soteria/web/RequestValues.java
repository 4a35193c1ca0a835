package org.soteria.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reading the page numbers and record ids that arrive in URLs, the same way on every page. */
public final class RequestValues {

    private RequestValues() {
    }

    /** A page number: anything missing, malformed or below 1 is page 1, as a person would expect. */
    public static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A record id from the path; one that is not a number names no record, so the page is not found. */
    public static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /**
     * A form's free-text field, trimmed; null when empty. Longer than {@code limit} characters, it is kept
     * (so the form shows it again) and {@code errors} gets the field's message.
     */
    public static String text(String value, String field, String label, int limit, java.util.Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > limit) {
            errors.put(field, label + " must be " + limit + " characters or fewer");
        }
        return value.strip();
    }

    /** A form's date field (YYYY-MM-DD); null when empty (an error when required) or not a real date. */
    public static java.time.LocalDate date(String value, String field, String label, boolean required,
            java.util.Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, "Enter " + Character.toLowerCase(label.charAt(0)) + label.substring(1));
            }
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, label + " must be a real date in the form YYYY-MM-DD, for example 2026-03-27");
            return null;
        }
    }

    /** A form's value trimmed, or null when it is missing or blank (for choices and free text with no limit). */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A form's whole number; null when empty. One that is not a number is kept out and {@code errors} gets the message. */
    public static Long number(String value, String field, String message, java.util.Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    /** A record chosen from a list by its id; null when none or not a number (the caller says what is missing). */
    public static Long choice(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer small(Long n) {
        return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
    }

    /** As {@link #number}, for a small whole number such as a count or a level. */
    public static Integer integer(String value, String field, String message, java.util.Map<String, String> errors) {
        return small(number(value, field, message, errors));
    }

    /**
     * A form's faults in the order its fields appear on the page, whichever check found them (reading the
     * values and the service's rules find them in different orders); faults of other fields come last.
     */
    public static java.util.Map<String, String> inOrder(java.util.Map<String, String> faults, String... fields) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String field : fields) {
            if (faults.containsKey(field)) {
                out.put(field, faults.get(field));
            }
        }
        faults.forEach(out::putIfAbsent);
        return out;
    }
}
