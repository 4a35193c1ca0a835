package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticBundleGeneratorTest {

    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @TempDir
    static Path dir;

    static Path bundle;

    @BeforeAll
    static void generate() throws IOException {
        bundle = dir.resolve("big");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("NWP", 20_000, 11, END, 5), bundle,
                n -> { });
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("XYZ", 2_000, 42, END, 3), a, n -> { });
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("XYZ", 2_000, 42, END, 3), b, n -> { });
        for (String f : List.of("cases.csv", "people.csv", "case_people.csv", "events.csv", "officers.csv", "teams.csv",
                "orders.csv", "feedback.csv", "truth/identities.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void anotherSeedGivesAnotherBundle() throws IOException {
        Path c = dir.resolve("c");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("XYZ", 2_000, 43, END, 3), c, n -> { });
        Path a = dir.resolve("a2");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("XYZ", 2_000, 42, END, 3), a, n -> { });
        assertThat(Files.readAllBytes(c.resolve("cases.csv"))).isNotEqualTo(Files.readAllBytes(a.resolve("cases.csv")));
    }

    private static List<Map<String, String>> rows(String file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(Files.newInputStream(bundle.resolve(file)))) {
            String[] header = r.next();
            String[] cells;
            while ((cells = r.next()) != null) {
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    m.put(header[i], i < cells.length ? cells[i] : "");
                }
                out.add(m);
            }
        }
        return out;
    }

    @Test
    void outcomesLookLikeTheNationalFigures() throws IOException {
        List<Map<String, String>> outcomes = rows("cases.csv").stream().filter(r -> !r.get("outcome_code").isEmpty())
                .toList();
        long charged = outcomes.stream().filter(r -> r.get("outcome_code").matches("1A?")).count();
        long vdns = outcomes.stream().filter(r -> r.get("outcome_code").matches("1[46]")).count();
        double chargeRate = (double) charged / outcomes.size();
        double vdnsShare = (double) vdns / outcomes.size();
        assertThat(chargeRate).as("charge rate, outcome basis").isBetween(0.02, 0.06);
        assertThat(vdnsShare).as("victim does not support share").isBetween(0.40, 0.60);
        List<Long> days = outcomes.stream().filter(r -> r.get("outcome_code").matches("1A?"))
                .map(r -> ChronoUnit.DAYS.between(LocalDate.parse(r.get("recorded_date")),
                        LocalDate.parse(r.get("outcome_date"))))
                .sorted().toList();
        long median = days.get((int) Math.ceil(days.size() / 2.0) - 1);
        assertThat(median).as("median days to charge").isBetween(380L, 490L);
    }

    @Test
    void someReportsAreThirdPartyWithoutTheVictimsConsent() throws IOException {
        List<Map<String, String>> cases = rows("cases.csv");
        long unconsented = cases.stream().filter(r -> !r.get("report_source").equals("victim")
                && r.get("victim_consented").equals("false")).count();
        assertThat(unconsented).isGreaterThan(cases.size() / 50);
    }

    @Test
    void repeatSuspectsAppearUnderSeveralRecordsWithVariants() throws IOException {
        Map<String, List<String>> byIdentity = new HashMap<>();
        for (Map<String, String> r : rows("truth/identities.csv")) {
            byIdentity.computeIfAbsent(r.get("identity_id"), k -> new ArrayList<>()).add(r.get("person_id"));
        }
        long multi = byIdentity.values().stream().filter(l -> l.size() > 1).count();
        assertThat(multi).isGreaterThan(500);
        Map<String, Map<String, String>> people = new HashMap<>();
        for (Map<String, String> p : rows("people.csv")) {
            people.put(p.get("person_id"), p);
        }
        long differingNames = byIdentity.values().stream().filter(l -> l.size() > 1)
                .filter(l -> l.stream().map(id -> people.get(id).get("given_name") + " " + people.get(id)
                        .get("family_name")).distinct().count() > 1)
                .count();
        long differingDobs = byIdentity.values().stream().filter(l -> l.size() > 1)
                .filter(l -> l.stream().map(id -> people.get(id).get("date_of_birth")).distinct().count() > 1)
                .count();
        assertThat(differingNames).as("identities recorded under name variants").isGreaterThan(multi / 4);
        assertThat(differingDobs).as("identities recorded with differing dates of birth").isGreaterThan(multi / 5);
    }

    @Test
    void everyKeyEventHasAnIdAndSomeNotificationsAreLate() throws IOException {
        List<Map<String, String>> events = rows("events.csv");
        assertThat(events.stream().filter(e -> e.get("event_type").matches(
                "arrest|interview_under_caution|bail|bail_change|released_under_investigation|charge|nfa_decision"
                        + "|out_of_court_disposal|decision_not_to_investigate"))
                .allMatch(e -> !e.get("event_id").isEmpty())).isTrue();
        Map<String, String> keyDates = new HashMap<>();
        events.stream().filter(e -> !e.get("event_id").isEmpty())
                .forEach(e -> keyDates.put(e.get("event_id"), e.get("occurred_at").substring(0, 10)));
        long late = events.stream().filter(e -> e.get("event_type").equals("victim_notified"))
                .filter(e -> ChronoUnit.DAYS.between(LocalDate.parse(keyDates.get(e.get("detail"))),
                        LocalDate.parse(e.get("occurred_at").substring(0, 10))) > 3)
                .count();
        assertThat(late).isGreaterThan(100);
    }
}
