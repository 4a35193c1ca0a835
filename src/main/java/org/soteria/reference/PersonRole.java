package org.soteria.reference;

/** The role a person plays in a crime. */
public enum PersonRole implements Coded {
    VICTIM("victim"),
    SUSPECT("suspect"),
    WITNESS("witness");

    private final String code;

    PersonRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
