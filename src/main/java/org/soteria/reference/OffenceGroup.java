package org.soteria.reference;

/** Groups of RASSO offence codes used for filtering and reporting (outcomes-and-offences.md). */
public enum OffenceGroup implements Choice {
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

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public static OffenceGroup fromCode(String code) {
        return Choice.fromCode(OffenceGroup.class, code);
    }
}
