package org.soteria.reference;

/** An officer's role in the RASSO team. */
public enum OfficerRole implements Coded {
    INVESTIGATOR("investigator"),
    SUPERVISOR("supervisor"),
    SOLO("solo"),
    ANALYST("analyst"),
    OTHER("other");

    private final String code;

    OfficerRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
