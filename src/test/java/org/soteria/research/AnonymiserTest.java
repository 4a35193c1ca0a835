package org.soteria.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pseudonyms per project, the rows of an extract, and k-anonymity by generalisation and suppression. */
class AnonymiserTest {

    private static byte[] key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return k;
    }

    private static final String[] OFFENCES = {"19C", "19D", "17A", "20A", "71", "88A"};
    private static final String[] RELATIONSHIPS = {"partner", "ex_partner", "family", "stranger", "online_contact",
        "acquaintance", "professional", "unknown"};

    private static List<Map<String, String>> rows(int n, int seed) {
        Random r = new Random(seed);
        Pseudonyms p = new Pseudonyms(key(1));
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate recorded = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(700));
            out.add(ExtractRows.row(new ExtractRows.CrimeFacts("NWP", "C" + i, OFFENCES[r.nextInt(OFFENCES.length)],
                    recorded, "victim", i % 3 == 0 ? "16" : null, i % 3 == 0 ? recorded.plusDays(40) : null, "V" + i,
                    12 + r.nextInt(60), r.nextBoolean() ? "female" : "male", "S" + r.nextInt(n), 15 + r.nextInt(50),
                    RELATIONSHIPS[r.nextInt(RELATIONSHIPS.length)], "T0" + r.nextInt(4), r.nextBoolean(), false, null),
                    p));
        }
        return out;
    }

    private static Map<String, Integer> classes(List<Map<String, String>> rows) {
        Map<String, Integer> out = new HashMap<>();
        for (Map<String, String> row : rows) {
            StringBuilder b = new StringBuilder();
            for (Anonymiser.Hierarchy h : ExtractRows.QUASI_IDENTIFIERS) {
                b.append(row.get(h.column())).append('|');
            }
            out.merge(b.toString(), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void aProjectsPseudonymsAreStableAndUnlikeAnotherProjects() {
        Pseudonyms a = new Pseudonyms(key(1));
        Pseudonyms b = new Pseudonyms(key(2));
        assertThat(a.of("person:NWP:P1")).isEqualTo(a.of("person:NWP:P1")).hasSize(32).isNotEqualTo(a.of("person:NWP:P2"))
                .isNotEqualTo(b.of("person:NWP:P1"));
        assertThatThrownBy(() -> new Pseudonyms(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowHoldsBandsMonthsAndPseudonymsOnly() {
        Pseudonyms p = new Pseudonyms(key(1));
        Map<String, String> row = ExtractRows.row(new ExtractRows.CrimeFacts("NWP", "NWP/2026/000001", "19C",
                LocalDate.of(2026, 3, 27), "third_party", "16", LocalDate.of(2026, 5, 30), "V1", 34, "female", "S1", 41,
                "ex_partner", "T01", true, false, "lack_of_updates"), p);
        assertThat(row.keySet()).containsExactlyElementsOf(ExtractRows.COLUMNS);
        assertThat(row).containsEntry("recorded_month", "2026-03").containsEntry("outcome_month", "2026-05")
                .containsEntry("victim_age_band", "25_34").containsEntry("suspect_age_band", "35_44")
                .containsEntry("outcome_group", "victim_does_not_support").containsEntry("weeks_to_outcome", "9")
                .containsEntry("crime_key", p.of("crime:NWP:NWP/2026/000001"))
                .containsEntry("team", p.of("team:NWP:T01"));
        assertThat(String.join(",", row.values())).doesNotContain("NWP/2026", "2026-03-27", "T01", "V1");
    }

    @Test
    void everyReleasedRowHidesAmongAtLeastKOthersAndOnlyAFewAreLeftOut() {
        List<Map<String, String>> rows = rows(3000, 5);
        assertThat(classes(rows).values()).as("as recorded, many rows are unique").contains(1);
        Anonymiser.Release r = Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0.02, null);
        assertThat(classes(r.rows()).values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(5));
        assertThat(r.smallestClass()).isGreaterThanOrEqualTo(5);
        assertThat(r.suppressed()).isLessThanOrEqualTo(60);
        assertThat(r.rows()).hasSize(3000 - r.suppressed());
        assertThat(r.levels().get("team")).as("teams are small areas: generalised away first").isEqualTo(1);
        assertThat(r.levels().values().stream().mapToInt(Integer::intValue).sum()).isPositive();
    }

    @Test
    void rowsAlreadyAlikeAreReleasedAsRecorded() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new HashMap<>(Map.of("offence", "19C", "recorded_month", "2026-01", "victim_age_band", "18_24",
                    "victim_sex", "female", "suspect_age_band", "25_34", "relationship", "stranger", "team", "x",
                    "report_source", "victim", "outcome_month", "", "weeks_to_outcome", "")));
        }
        Anonymiser.Release r = Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0, null);
        assertThat(r.levels().values()).containsOnly(0);
        assertThat(r.suppressed()).isZero();
    }

    @Test
    void whenKCannotHoldTheExtractIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Anonymiser.anonymise(rows(4, 1), ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0.05, null))
                .isInstanceOf(Anonymiser.Refused.class)
                .hasMessage("The extract has 4 rows, fewer than k = 5: no generalisation can hide a row among 5 others");
        List<Map<String, String>> rows = rows(30, 2);
        assertThatThrownBy(() -> Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 20, 0.0, null))
                .isInstanceOf(Anonymiser.Refused.class)
                .hasMessageStartingWith("k-anonymity with k = 20 cannot hold: even the most general form allowed leaves");
    }

    @Test
    void kCountsDifferentPeopleNotRows() {
        // Six crimes alike in every way, but one suspect's: a class of six rows hides one suspect among nobody.
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new HashMap<>(Map.of("offence", "19C", "recorded_month", "2026-01", "victim_age_band", "18_24",
                    "victim_sex", "female", "suspect_age_band", "25_34", "relationship", "stranger", "team", "x",
                    "report_source", "victim", "outcome_month", "", "weeks_to_outcome", "")));
            rows.get(i).put("victim_key", "v" + i);
            rows.get(i).put("suspect_key", "same-suspect");
        }
        assertThatThrownBy(() -> Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0.5,
                null)).isInstanceOf(Anonymiser.Refused.class).hasMessageContaining("different people");
        for (int i = 0; i < 6; i++) {
            rows.get(i).put("suspect_key", "s" + i);
        }
        assertThat(Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0, null).rows())
                .hasSize(6);
    }

    @Test
    void aLinkedProjectsLaterExtractsKeepTheFirstReleasesLevels() {
        List<Map<String, String>> rows = rows(3000, 5);
        Anonymiser.Release first = Anonymiser.anonymise(rows, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5, 0.02,
                null);
        Map<String, Integer> kept = ExtractRows.levels(ExtractRows.levels(first.levels()));
        assertThat(kept).isEqualTo(first.levels());
        // A larger extract would be generalised less on its own; fixed, it keeps the first release's levels.
        List<Map<String, String>> more = rows(6000, 5);
        Anonymiser.Release later = Anonymiser.anonymise(more, ExtractRows.QUASI_IDENTIFIERS, ExtractRows.PEOPLE, 5,
                0.02, kept);
        assertThat(later.levels()).isEqualTo(first.levels());
    }

    @Test
    void everyReleasedColumnIsClassedAndEveryQuasiIdentifierIsGeneralised() {
        assertThat(ExtractRows.CLASSES.keySet()).containsExactlyElementsOf(ExtractRows.COLUMNS);
        List<String> generalised = ExtractRows.QUASI_IDENTIFIERS.stream().map(Anonymiser.Hierarchy::column).toList();
        ExtractRows.CLASSES.forEach((column, kind) -> assertThat(generalised.contains(column)).as(column)
                .isEqualTo(kind == ExtractRows.ColumnClass.QUASI_IDENTIFIER));
        assertThat(ExtractRows.PEOPLE).allSatisfy(c -> assertThat(ExtractRows.CLASSES.get(c))
                .isEqualTo(ExtractRows.ColumnClass.IDENTIFIER));
    }
}
