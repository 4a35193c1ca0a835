package org.soteria.reference;

/** The result recorded on a court_outcome event. */
public enum CourtOutcome implements Coded {
    CONVICTED("convicted"),
    ACQUITTED("acquitted"),
    DISCONTINUED("discontinued");

    private final String code;

    CourtOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
