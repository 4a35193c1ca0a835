package org.soteria.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.soteria.performance.AgeBand;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OutcomeCode;

/**
 * What a research extract holds, one row per crime: pseudonyms instead of identifiers, the month instead of
 * dates, age bands instead of ages and dates of birth, codes instead of free text; and the hierarchies that
 * generalise its quasi-identifiers until k-anonymity holds. Names, dates of birth, addresses, postcodes,
 * PNC identifiers and every free-text field never enter a row.
 */
final class ExtractRows {

    /** The columns, in order. */
    static final List<String> COLUMNS = List.of("crime_key", "victim_key", "suspect_key", "offence", "recorded_month",
            "report_source", "victim_age_band", "victim_sex", "suspect_age_band", "relationship", "team",
            "outcome_group", "outcome_month", "weeks_to_outcome", "cps_referred", "charged", "withdrawal_reason");

    /** How a released column is treated (ADR 24 shows the table). */
    enum ColumnClass {
        /** Names a record: only ever a pseudonym, per extract unless the project's extracts are linked. */
        IDENTIFIER,
        /** Could single a person out with what someone already knows: always generalised until k holds. */
        QUASI_IDENTIFIER,
        /** What the research studies: released as recorded, inside classes of k people or more. */
        SENSITIVE
    }

    /** Every released column's class, in column order. */
    static final Map<String, ColumnClass> CLASSES = classes();

    private static Map<String, ColumnClass> classes() {
        Map<String, ColumnClass> c = new LinkedHashMap<>();
        for (String id : List.of("crime_key", "victim_key", "suspect_key")) {
            c.put(id, ColumnClass.IDENTIFIER);
        }
        for (String qi : List.of("offence", "recorded_month", "report_source", "victim_age_band", "victim_sex",
                "suspect_age_band", "relationship", "team")) {
            c.put(qi, ColumnClass.QUASI_IDENTIFIER);
        }
        c.put("outcome_group", ColumnClass.SENSITIVE);
        c.put("outcome_month", ColumnClass.QUASI_IDENTIFIER);
        c.put("weeks_to_outcome", ColumnClass.QUASI_IDENTIFIER);
        for (String sensitive : List.of("cps_referred", "charged", "withdrawal_reason")) {
            c.put(sensitive, ColumnClass.SENSITIVE);
        }
        return java.util.Collections.unmodifiableMap(c);
    }

    /** The columns naming people, whose distinct values k counts in every class. */
    static final List<String> PEOPLE = List.of("victim_key", "suspect_key");

    /** What is read from the records for one crime (its first victim and first suspect). */
    record CrimeFacts(String forceCode, String crimeRef, String offenceCode, LocalDate recordedDate, String reportSource,
            String outcomeCode, LocalDate outcomeDate, String victimPersonId, Integer victimAge, String victimSex,
            String suspectIdentity, Integer suspectAge, String relationship, String teamCode, boolean cpsReferred,
            boolean charged, String withdrawalReason) {
    }

    private static final String ANY = "any";
    private static final String UNKNOWN = "unknown";

    private ExtractRows() {
    }

    static Map<String, String> row(CrimeFacts f, Pseudonyms p) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("crime_key", p.of("crime:" + f.forceCode() + ":" + f.crimeRef()));
        r.put("victim_key", f.victimPersonId() == null ? "" : p.of("person:" + f.forceCode() + ":" + f.victimPersonId()));
        r.put("suspect_key", f.suspectIdentity() == null ? "" : p.of("person:" + f.forceCode() + ":" + f.suspectIdentity()));
        r.put("offence", f.offenceCode());
        r.put("recorded_month", month(f.recordedDate()));
        r.put("report_source", f.reportSource());
        r.put("victim_age_band", AgeBand.of(f.victimAge()).code());
        r.put("victim_sex", f.victimSex() == null ? UNKNOWN : f.victimSex());
        r.put("suspect_age_band", AgeBand.of(f.suspectAge()).code());
        r.put("relationship", f.relationship() == null ? UNKNOWN : f.relationship());
        r.put("team", f.teamCode() == null ? UNKNOWN : p.of("team:" + f.forceCode() + ":" + f.teamCode()));
        r.put("outcome_group", f.outcomeCode() == null ? "open" : OutcomeCode.parse(f.outcomeCode())
                .map(o -> o.group().code()).orElse(UNKNOWN));
        r.put("outcome_month", month(f.outcomeDate()));
        r.put("weeks_to_outcome", f.outcomeDate() == null ? "" : String.valueOf(ChronoUnit.DAYS.between(f.recordedDate(),
                f.outcomeDate()) / 7));
        r.put("cps_referred", f.cpsReferred() ? "yes" : "no");
        r.put("charged", f.charged() ? "yes" : "no");
        r.put("withdrawal_reason", f.withdrawalReason() == null ? "" : f.withdrawalReason());
        return r;
    }

    private static String month(LocalDate d) {
        return d == null ? "" : d.toString().substring(0, 7);
    }

    private static final Set<String> UNDER_18 = Set.of("under_13", "13_15", "16_17");

    private static String coarseAge(String band) {
        if (UNDER_18.contains(band)) {
            return "under_18";
        }
        return switch (band) {
            case "18_24", "25_34" -> "18_34";
            case "35_44", "45_54" -> "35_54";
            case "55_64", "65_plus" -> "55_plus";
            default -> UNKNOWN;
        };
    }

    private static String relationshipGroup(String r) {
        return switch (r) {
            case "partner", "ex_partner" -> "intimate";
            case "family" -> "family";
            case "acquaintance", "online_contact", "professional", "other" -> "known";
            case "stranger" -> "stranger";
            default -> UNKNOWN;
        };
    }

    private static String quarter(String month) {
        if (month.length() < 7) {
            return month;
        }
        int m = Integer.parseInt(month.substring(5, 7));
        return month.substring(0, 4) + "-Q" + ((m - 1) / 3 + 1);
    }

    private static String reportedBy(String source) {
        return "victim".equals(source) ? "victim" : source == null || source.isEmpty() ? UNKNOWN : "someone_else";
    }

    /** Weeks from report to outcome in bands of 13 (a quarter), then under or over a year. */
    private static String weeksBand(String weeks) {
        if (weeks == null || weeks.isEmpty()) {
            return weeks;
        }
        int w = Integer.parseInt(weeks);
        return w >= 52 ? "52_plus" : (w / 13) * 13 + "_" + ((w / 13) * 13 + 12);
    }

    private static String weeksYear(String weeks) {
        if (weeks == null || weeks.isEmpty()) {
            return weeks;
        }
        return Integer.parseInt(weeks) >= 52 ? "52_plus" : "under_52";
    }

    private static String year(String month) {
        return month.length() >= 4 ? month.substring(0, 4) : month;
    }

    private static UnaryOperator<String> any() {
        return v -> ANY;
    }

    /**
     * The quasi-identifiers and how each is coarsened. The offence stops at its group and the recorded date at
     * the year: coarser, an extract is no use for evaluation, so it is refused instead.
     */
    static final List<Anonymiser.Hierarchy> QUASI_IDENTIFIERS = List.of(
            new Anonymiser.Hierarchy("offence", List.of(
                    v -> OffenceCode.parse(v).map(o -> o.group().code()).orElse(UNKNOWN))),
            new Anonymiser.Hierarchy("recorded_month", List.of(ExtractRows::quarter, ExtractRows::year)),
            new Anonymiser.Hierarchy("report_source", List.of(ExtractRows::reportedBy, any())),
            new Anonymiser.Hierarchy("outcome_month", List.of(ExtractRows::quarter, ExtractRows::year)),
            new Anonymiser.Hierarchy("weeks_to_outcome", List.of(ExtractRows::weeksBand, ExtractRows::weeksYear)),
            new Anonymiser.Hierarchy("victim_age_band", List.of(ExtractRows::coarseAge, any())),
            new Anonymiser.Hierarchy("victim_sex", List.of(any())),
            new Anonymiser.Hierarchy("suspect_age_band", List.of(ExtractRows::coarseAge, any())),
            new Anonymiser.Hierarchy("relationship", List.of(ExtractRows::relationshipGroup, any())),
            new Anonymiser.Hierarchy("team", List.of(any())));

    /** Levels as a linked project keeps them: {@code column=level;…}. */
    static String levels(Map<String, Integer> levels) {
        StringBuilder b = new StringBuilder();
        levels.forEach((column, level) -> b.append(b.length() == 0 ? "" : ";").append(column).append('=').append(level));
        return b.toString();
    }

    /** The levels a linked project keeps, read back. */
    static Map<String, Integer> levels(String kept) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String pair : kept.split(";")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
        }
        return out;
    }

    /** Labels for the generalisation levels, for the release note. */
    static String describe(Map<String, Integer> levels) {
        StringBuilder b = new StringBuilder();
        levels.forEach((column, level) -> {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(column).append(' ').append(level == 0 ? "as recorded" : "generalised to level " + level);
        });
        return b.toString();
    }
}
