package org.soteria.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Home Office outcome types (HOCR) and the outcome group each belongs to (outcomes-and-offences.md). */
public enum OutcomeCode {
    O1("1", "Charged", OutcomeGroup.CHARGED),
    O1A("1A", "Charged (alternative offence)", OutcomeGroup.CHARGED),
    O2("2", "Youth caution", OutcomeGroup.OUT_OF_COURT),
    O2A("2A", "Youth caution (alternative offence)", OutcomeGroup.OUT_OF_COURT),
    O3("3", "Adult caution", OutcomeGroup.OUT_OF_COURT),
    O3A("3A", "Adult caution (alternative offence)", OutcomeGroup.OUT_OF_COURT),
    O4("4", "Taken into consideration", OutcomeGroup.OUT_OF_COURT),
    O5("5", "Offender died", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O6("6", "Penalty notice for disorder", OutcomeGroup.OUT_OF_COURT),
    O7("7", "Cannabis or khat warning", OutcomeGroup.OUT_OF_COURT),
    O8("8", "Community resolution", OutcomeGroup.OUT_OF_COURT),
    O9("9", "Not in the public interest (CPS)", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O10("10", "Not in the public interest (police)", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O11("11", "Prevented: suspect under age", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O12("12", "Prevented: suspect too ill", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O13("13", "Prevented: victim or witness dead or too ill", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O14("14", "Evidential difficulties, suspect not identified; victim does not support",
            OutcomeGroup.VICTIM_DOES_NOT_SUPPORT),
    O15("15", "Evidential difficulties, suspect identified; victim supports",
            OutcomeGroup.EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS),
    O16("16", "Evidential difficulties, suspect identified; victim does not support",
            OutcomeGroup.VICTIM_DOES_NOT_SUPPORT),
    O17("17", "Prosecution time limit expired", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O18("18", "Investigation complete, no suspect identified", OutcomeGroup.NO_SUSPECT_IDENTIFIED),
    O19("19", "National Fraud Intelligence Bureau filed", OutcomeGroup.OTHER),
    O20("20", "Further action by another body or agency", OutcomeGroup.TRANSFERRED),
    O21("21", "Further investigation not in the public interest (police)",
            OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST),
    O22("22", "Diversionary, educational or intervention activity", OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST);

    /** The code the exchange format uses for "no outcome yet"; it is stored as no outcome at all. */
    public static final String NONE_YET = "0";

    private final String code;
    private final String shortName;
    private final OutcomeGroup group;

    OutcomeCode(String code, String shortName, OutcomeGroup group) {
        this.code = code;
        this.shortName = shortName;
        this.group = group;
    }

    public String code() {
        return code;
    }

    public String shortName() {
        return shortName;
    }

    public OutcomeGroup group() {
        return group;
    }

    /** Looks a code up as the exchange format reads it: trimmed and upper-cased. */
    public static Optional<OutcomeCode> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.trim().toUpperCase(Locale.ROOT);
        for (OutcomeCode c : values()) {
            if (c.code.equals(normalised)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static List<String> codesIn(OutcomeGroup group) {
        return java.util.Arrays.stream(values()).filter(c -> c.group == group).map(OutcomeCode::code).toList();
    }
}
