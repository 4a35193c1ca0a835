package org.soteria.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.web.RequestValues;

/**
 * A submitted casework form: its raw values (to show again when it is refused) and the faults found
 * while reading them, in the order the fields were read.
 */
final class Form {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    /** The fields in the order they were read, which callers keep to the order the form shows them. */
    private final java.util.Set<String> order = new java.util.LinkedHashSet<>();

    Form(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, String> values() {
        return values;
    }

    Map<String, String> errors() {
        return errors;
    }

    String raw(String field) {
        order.add(field);
        return values.get(field);
    }

    /** Trimmed text, null when empty; longer than {@code limit}, an error. */
    String text(String field, String label, int limit) {
        order.add(field);
        return RequestValues.text(values.get(field), field, label, limit, errors);
    }

    LocalDate date(String field, String label, boolean required) {
        order.add(field);
        return RequestValues.date(values.get(field), field, label, required, errors);
    }

    /** A coded choice; null when empty or unknown (the service says what is missing). */
    <E extends Enum<E> & Codes.Named> E choice(Class<E> type, String field) {
        order.add(field);
        return Codes.parse(type, values.get(field));
    }

    /** A record id chosen from a list; null when empty or not a number. */
    Long id(String field) {
        order.add(field);
        return RequestValues.choice(values.get(field));
    }

    Integer number(String field, String message) {
        order.add(field);
        return RequestValues.integer(values.get(field), field, message, errors);
    }

    /** Faults reordered to the order the fields were read; faults of fields never read come last. */
    Map<String, String> inFormOrder(Map<String, String> faults) {
        return RequestValues.inOrder(faults, order.toArray(String[]::new));
    }

    /** Every value given for a repeated field (checkboxes). */
    static List<String> all(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
