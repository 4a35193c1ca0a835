package org.soteria.reference;

/** Whether a record is a recorded crime, an N100 incident or a cancelled crime (exchange-format.md). */
public enum RecordType implements Coded {
    CRIME("crime"),
    N100("n100"),
    CANCELLED("cancelled");

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
