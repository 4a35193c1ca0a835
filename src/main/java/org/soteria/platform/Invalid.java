package org.soteria.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** A change a feature's service refused: each form field at fault with what to do about it. */
public final class Invalid extends RuntimeException {

    private final Map<String, String> errors;

    public Invalid(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        // In the order given: the error summary lists faults in the form's order.
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Invalid(String field, String message) {
        this(Map.of(field, message));
    }

    /** Field name to message, for the form's error summary. */
    public Map<String, String> errors() {
        return errors;
    }
}
