package org.soteria.investigation;

import org.soteria.reference.Choice;

/** Where a record stands, as the case list filters it. */
public enum CaseStatus implements Choice {
    OPEN("open", "Open (no outcome yet)"),
    OUTCOME_ASSIGNED("outcome", "Outcome assigned"),
    N100("n100", "N100 incident"),
    CANCELLED("cancelled", "Cancelled");

    private final String code;
    private final String label;

    CaseStatus(String code, String label) {
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

    public static CaseStatus fromCode(String code) {
        return Choice.fromCode(CaseStatus.class, code);
    }
}
