package org.soteria.reference;

/** Groups of RASSO offence codes used for filtering and reporting (outcomes-and-offences.md). */
public enum OffenceGroup {
    ADULT_RAPE("adult_rape", "Adult rape"),
    CHILD_RAPE("child_rape", "Child rape"),
    SEXUAL_ASSAULT("sexual_assault", "Sexual assault"),
    OTHER_SEXUAL("other_sexual", "Other sexual offences");

    private final String code;
    private final String label;

    OffenceGroup(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static OffenceGroup fromCode(String code) {
        for (OffenceGroup g : values()) {
            if (g.code.equalsIgnoreCase(code)) {
                return g;
            }
        }
        throw new IllegalArgumentException("Unknown offence group: " + code);
    }
}
