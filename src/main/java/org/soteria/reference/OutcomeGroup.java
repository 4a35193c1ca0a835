package org.soteria.reference;

/** Research groupings of Home Office outcome codes used for attrition (outcomes-and-offences.md). */
public enum OutcomeGroup implements Choice {
    CHARGED("charged", "Charged"),
    OUT_OF_COURT("out_of_court", "Out of court"),
    VICTIM_DOES_NOT_SUPPORT("victim_does_not_support", "Victim does not support"),
    EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS("evidential_difficulties_victim_supports",
            "Evidential difficulties, victim supports"),
    NO_SUSPECT_IDENTIFIED("no_suspect_identified", "No suspect identified"),
    PREVENTED_OR_NOT_IN_PUBLIC_INTEREST("prevented_or_not_in_public_interest",
            "Prevented or not in the public interest"),
    TRANSFERRED("transferred", "Transferred"),
    OTHER("other", "Other");

    private final String code;
    private final String label;

    OutcomeGroup(String code, String label) {
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

    public static OutcomeGroup fromCode(String code) {
        return Choice.fromCode(OutcomeGroup.class, code);
    }
}
