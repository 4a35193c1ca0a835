package org.soteria.investigation;

/** Where a record stands, as the case list filters it. */
public enum CaseStatus {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static CaseStatus fromCode(String code) {
        for (CaseStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown status: " + code);
    }
}
