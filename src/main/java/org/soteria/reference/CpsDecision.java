package org.soteria.reference;

/** The CPS charging decision recorded on a cps_decision event. */
public enum CpsDecision implements Choice {
    CHARGE("charge", "Charge"),
    NO_CHARGE("no_charge", "No charge"),
    FURTHER_EVIDENCE_REQUESTED("further_evidence_requested", "Further evidence requested");

    private final String code;
    private final String label;

    CpsDecision(String code, String label) {
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
