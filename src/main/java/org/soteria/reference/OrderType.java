package org.soteria.reference;

/** Civil orders and conditions that disrupt a suspect (repeat-suspects.md). */
public enum OrderType implements Coded {
    SRO("SRO"),
    SHPO("SHPO"),
    INTERIM_SRO("interim_SRO"),
    INTERIM_SHPO("interim_SHPO"),
    PRE_CHARGE_BAIL_CONDITIONS("pre_charge_bail_conditions"),
    OTHER("other");

    private final String code;

    OrderType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
