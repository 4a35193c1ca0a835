package org.soteria.performance;

import org.soteria.reference.Choice;

/** The victim age bands of the victim_age_band filter (kpis.md). */
public enum AgeBand implements Choice {
    UNDER_13("under_13", "Under 13", 0, 12),
    A13_15("13_15", "13 to 15", 13, 15),
    A16_17("16_17", "16 to 17", 16, 17),
    A18_24("18_24", "18 to 24", 18, 24),
    A25_34("25_34", "25 to 34", 25, 34),
    A35_44("35_44", "35 to 44", 35, 44),
    A45_54("45_54", "45 to 54", 45, 54),
    A55_64("55_64", "55 to 64", 55, 64),
    A65_PLUS("65_plus", "65 or over", 65, Integer.MAX_VALUE),
    UNKNOWN("unknown", "Age not known", -1, -1);

    private final String code;
    private final String label;
    private final int min;
    private final int max;

    AgeBand(String code, String label, int min, int max) {
        this.code = code;
        this.label = label;
        this.min = min;
        this.max = max;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The band of an age at offence; null (not recorded) is {@link #UNKNOWN}. */
    public static AgeBand of(Integer age) {
        if (age == null) {
            return UNKNOWN;
        }
        for (AgeBand b : values()) {
            if (age >= b.min && age <= b.max) {
                return b;
            }
        }
        return UNKNOWN;
    }
}
