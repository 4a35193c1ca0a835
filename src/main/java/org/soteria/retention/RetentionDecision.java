package org.soteria.retention;

import org.soteria.reference.Choice;

/** What a MoPI review decides about a record. */
public enum RetentionDecision implements Choice {
    RETAIN("retain", "Retain: the record is still adequate and necessary"),
    DELETE("delete", "Delete: the record is no longer necessary");

    private final String code;
    private final String label;

    RetentionDecision(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
