package org.soteria.reference;

/** The CPS charging decision recorded on a cps_decision event. */
public enum CpsDecision implements Coded {
    CHARGE("charge"),
    NO_CHARGE("no_charge"),
    FURTHER_EVIDENCE_REQUESTED("further_evidence_requested");

    private final String code;

    CpsDecision(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
