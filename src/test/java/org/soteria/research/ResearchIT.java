package org.soteria.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.performance.MeasureService;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Research projects against the database: an extract never holds a name, a date of birth, a crime or person
 * reference or free text, its pseudonyms do not match another project's, k-anonymity holds or the extract is
 * refused, every extract is a logged disclosure, and researchers reach only their own approved project.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:research", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class ResearchIT {

    @Autowired
    ResearchService research;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    MeasureService measures;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private SoteriaUser lead;
    private SoteriaUser researcher;
    private SoteriaUser outsider;
    private final List<String> secrets = new ArrayList<>();

    private static final String[] OFFENCES = {"19C", "19D", "17A", "20A", "71"};
    private static final String[] GIVEN = {"Angharad", "Bethan", "Carys", "Dafydd", "Eirlys", "Ffion", "Gethin", "Heledd"};
    private static final String[] FAMILY = {"Llewellyn", "Maddocks", "Nicholls", "Owain", "Parry", "Rhys", "Sayce"};
    private static final String[] RELATIONSHIPS = {"partner", "stranger", "acquaintance", "family", "online_contact"};

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:research");
        DatabaseReset.owner(":temporary:research", "truncate research_extract, research_member, research_project "
                + "restart identity cascade");
        Random r = new Random(3);
        List<String> cases = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code,"
                + "officer_code,outcome_code,outcome_date,report_source"));
        List<String> people = new ArrayList<>(List.of("person_id,given_name,family_name,date_of_birth,sex,postcode"));
        List<String> links = new ArrayList<>(List.of("crime_ref,person_id,role,relationship,age_at_offence"));
        for (int i = 0; i < 400; i++) {
            LocalDate recorded = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(730));
            boolean charged = r.nextInt(5) == 0;
            cases.add("CR" + i + ",NWP," + OFFENCES[r.nextInt(OFFENCES.length)] + "," + recorded + ",T" + (1 + r.nextInt(3))
                    + ",O1," + (charged ? "1," + recorded.plusDays(60) : ",") + ",victim");
            String victimDob = (1970 + r.nextInt(30)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9);
            String given = GIVEN[r.nextInt(GIVEN.length)] + i;
            String family = FAMILY[r.nextInt(FAMILY.length)] + "x" + i;
            people.add("V" + i + "," + given + "," + family + "," + victimDob + ",female,LL" + (i % 50) + " 1AB");
            people.add("S" + i + ",Suspect" + i + ",Surname" + i + "," + (1960 + r.nextInt(30)) + "-05-0" + (1 + r.nextInt(8))
                    + ",male,CH1 1AA");
            links.add("CR" + i + ",V" + i + ",victim,," + (14 + r.nextInt(50)));
            links.add("CR" + i + ",S" + i + ",suspect," + RELATIONSHIPS[r.nextInt(RELATIONSHIPS.length)] + ","
                    + (18 + r.nextInt(50)));
            secrets.add(given);
            secrets.add(family);
            secrets.add(victimDob);
        }
        new Bundles(dir).file("cases.csv", cases.toArray(String[]::new)).file("people.csv", people.toArray(String[]::new))
                .file("case_people.csv", links.toArray(String[]::new))
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP", "T3,Team three,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
        users.createAccount("test", new UserService.NewAccount("lead", "lead", Role.FORCE_LEAD, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("uni1", "uni1", Role.RESEARCHER, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("uni2", "uni2", Role.RESEARCHER, "NWP", null, List.of(),
                List.of()));
        lead = (SoteriaUser) users.loadUserByUsername("lead");
        researcher = (SoteriaUser) users.loadUserByUsername("uni1");
        outsider = (SoteriaUser) users.loadUserByUsername("uni2");
    }

    private long project(String title, int k) {
        return project(title, k, false);
    }

    private long project(String title, int k, boolean linked) {
        return research.propose(lead, new ResearchService.ProjectForm(title, "Does early CPS advice raise the charge rate?",
                "gdpr_public_task_research", List.of("uni1"), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31),
                List.of("adult_rape", "child_rape", "sexual_assault", "other_sexual"), k, research.today().plusMonths(6),
                linked), Map.of());
    }

    /** More crimes like the first four hundred, so that an extract on its own could be generalised less. */
    private void moreCrimes(int n) {
        Random r = new Random(11);
        List<String> cases = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code,"
                + "officer_code,outcome_code,outcome_date,report_source"));
        List<String> people = new ArrayList<>(List.of("person_id,given_name,family_name,date_of_birth,sex,postcode"));
        List<String> links = new ArrayList<>(List.of("crime_ref,person_id,role,relationship,age_at_offence"));
        for (int i = 0; i < n; i++) {
            LocalDate recorded = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(730));
            boolean charged = r.nextInt(5) == 0;
            cases.add("DR" + i + ",NWP," + OFFENCES[r.nextInt(OFFENCES.length)] + "," + recorded + ",T" + (1 + r.nextInt(3))
                    + ",O1," + (charged ? "1," + recorded.plusDays(60) : ",") + ",victim");
            people.add("DV" + i + ",Given" + i + ",Family" + i + ",1980-01-01,female,LL1 1AB");
            people.add("DS" + i + ",Other" + i + ",Name" + i + ",1970-01-01,male,CH1 1AA");
            links.add("DR" + i + ",DV" + i + ",victim,," + (14 + r.nextInt(50)));
            links.add("DR" + i + ",DS" + i + ",suspect," + RELATIONSHIPS[r.nextInt(RELATIONSHIPS.length)] + ","
                    + (18 + r.nextInt(50)));
        }
        Path more = dir.resolve("more");
        new Bundles(more).file("cases.csv", cases.toArray(String[]::new)).file("people.csv", people.toArray(String[]::new))
                .file("case_people.csv", links.toArray(String[]::new));
        assertThat(imports.importBundle(more, "test", ImportProgress.NONE).rejectedRows()).isZero();
    }

    private static Map<String, String> quasiIdentifiersByCrime(String csv) {
        Map<String, String> out = new java.util.HashMap<>();
        int[] qi = ExtractRows.QUASI_IDENTIFIERS.stream().mapToInt(h -> ExtractRows.COLUMNS.indexOf(h.column())).toArray();
        List<String[]> all = rows(csv);
        for (String[] row : all.subList(1, all.size())) {
            StringBuilder key = new StringBuilder();
            for (int i : qi) {
                key.append(row[i]).append('|');
            }
            out.put(row[0], key.toString());
        }
        return out;
    }

    /**
     * The attack of issue 23: a researcher joins two extracts of one project on the crime's key, hoping each gives the
     * finer level of what the other generalised. Unlinked, the extracts share no key; linked, they share the levels.
     */
    @Test
    void twoExtractsOfOneProjectJoinedGiveNothingFinerThanEither() {
        long unlinked = project("Early advice", 5, false);
        long linked = project("Early advice, followed up", 5, true);
        research.approve(lead, unlinked);
        research.approve(lead, linked);
        Map<String, String> a = quasiIdentifiersByCrime(research.extract(researcher, unlinked).csv());
        Map<String, String> b = quasiIdentifiersByCrime(research.extract(researcher, unlinked).csv());
        assertThat(a.keySet()).as("each extract its own pseudonyms").doesNotContainAnyElementsOf(b.keySet());

        ResearchService.Extract first = research.extract(researcher, linked);
        moreCrimes(1200);
        long alone = project("On its own", 5, false);
        research.approve(lead, alone);
        assertThat(research.extract(researcher, alone).levels()).as("with more crimes, an extract alone is finer")
                .isNotEqualTo(first.levels());
        ResearchService.Extract second = research.extract(researcher, linked);
        assertThat(second.levels()).isEqualTo(first.levels());
        Map<String, String> x = quasiIdentifiersByCrime(first.csv());
        Map<String, String> y = quasiIdentifiersByCrime(second.csv());
        Set<String> both = new HashSet<>(x.keySet());
        both.retainAll(y.keySet());
        assertThat(both).as("the linked project follows its crimes").hasSizeGreaterThan(300);
        both.forEach(crime -> assertThat(y.get(crime)).as(crime).isEqualTo(x.get(crime)));
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.errors();
        }
        throw new AssertionError("expected a refusal");
    }

    private static List<String[]> rows(String csv) {
        List<String[]> out = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    @Test
    void anExtractHoldsNoIdentifierAndCannotBeJoinedToAnotherProjects() {
        long a = project("Early advice", 5);
        long b = project("Withdrawal", 5);
        assertThat(errors(() -> research.extract(researcher, a))).as("not approved yet").containsKey("project");
        research.approve(lead, a);
        research.approve(lead, b);
        ResearchService.Extract first = research.extract(researcher, a);
        ResearchService.Extract second = research.extract(researcher, b);
        assertThat(first.rows()).isGreaterThan(300);
        for (String secret : secrets) {
            assertThat(first.csv()).doesNotContain(secret);
        }
        assertThat(first.csv()).doesNotContain("CR1,", "V1,", "S1,", "LL1 1AB", "Suspect", "Surname", "T1,", "Team one");
        assertThat(first.csv()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        List<String[]> rowsA = rows(first.csv());
        List<String[]> rowsB = rows(second.csv());
        assertThat(rowsA.get(0)).containsExactlyElementsOf(ExtractRows.COLUMNS);
        Set<String> keysA = new HashSet<>();
        rowsA.subList(1, rowsA.size()).forEach(row -> {
            keysA.add(row[0]);
            keysA.add(row[1]);
            keysA.add(row[2]);
        });
        rowsB.subList(1, rowsB.size()).forEach(row -> {
            assertThat(keysA).doesNotContain(row[0], row[1], row[2]);
        });

        Map<String, Integer> classes = new java.util.HashMap<>();
        int[] qi = ExtractRows.QUASI_IDENTIFIERS.stream().mapToInt(h -> ExtractRows.COLUMNS.indexOf(h.column())).toArray();
        for (String[] row : rowsA.subList(1, rowsA.size())) {
            StringBuilder key = new StringBuilder();
            for (int i : qi) {
                key.append(row[i]).append('|');
            }
            classes.merge(key.toString(), 1, Integer::sum);
        }
        assertThat(classes.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and object_type = "
                + "'research-project' and object_ref = ? and detail like 'disclosure: pseudonymised extract of%'")
                .param(String.valueOf(a)).query(Long.class).single()).isEqualTo(1);
        assertThat(research.extracts(a, lead)).singleElement().satisfies(x -> assertThat(x.rows()).isEqualTo(first.rows()));
    }

    @Test
    void anExtractFailingKAnonymityIsRefusedWithTheReason() {
        long p = project("Fine detail", 100);
        research.approve(lead, p);
        assertThat(errors(() -> research.extract(researcher, p)).get("extract"))
                .startsWith("{researchError.kCannotHold|100|");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'DENIED' and object_ref = ?")
                .param(String.valueOf(p)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void researchersReachOnlyTheirOwnApprovedProject() {
        long p = project("Early advice", 5);
        assertThat(research.projects(outsider)).isEmpty();
        assertThat(research.project(p, outsider)).isEmpty();
        research.approve(lead, p);
        assertThat(errors(() -> research.extract(outsider, p))).containsKey("project");
        assertThat(errors(() -> research.approve(researcher, p))).containsKey("permission");
        assertThat(research.projects(researcher)).extracting(ResearchService.ProjectView::title).containsExactly("Early advice");
        research.close(lead, p);
        assertThat(errors(() -> research.extract(researcher, p)).get("project")).startsWith("{researchError.extractsOnlyWhileApproved|");
        assertThat(errors(() -> research.propose(lead, new ResearchService.ProjectForm(null, null, "x", List.of("nobody"),
                LocalDate.of(2025, 1, 1), LocalDate.of(2024, 1, 1), List.of(), 1, LocalDate.of(2020, 1, 1), false), Map.of()))
                .keySet()).containsExactly("title", "purpose", "lawfulBasis", "members", "periodTo", "offenceGroups", "k",
                "endsOn");
    }

    @Test
    void theEvaluationMethodsRunOnTheForcesMonthlyMeasures() {
        long p = project("Early advice", 5);
        research.approve(lead, p);
        ResearchService.Evaluation its = research.evaluate(researcher, p, ResearchService.Outcome.RECORDED,
                YearMonth.of(2025, 1), null, List.of());
        assertThat(its.periods()).isEqualTo(24);
        assertThat(its.its().changeIndex()).isEqualTo(12);
        assertThat(its.its().reading()).isNotEmpty();
        ResearchService.Evaluation did = research.evaluate(researcher, p, ResearchService.Outcome.RECORDED,
                YearMonth.of(2025, 1), "T1", List.of());
        assertThat(did.comparisonTeams()).containsExactly("T2", "T3");
        assertThat(did.did().comparisons()).isEqualTo(2);
        assertThat(errors(() -> research.evaluate(researcher, p, ResearchService.Outcome.RECORDED, YearMonth.of(2023, 1),
                null, List.of()))).containsKey("change");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'uni1' and object_type = "
                + "'research_evaluation'").query(Long.class).single()).as("each evaluation shown is logged").isEqualTo(2);
    }

    /** Another force's crimes in the same database never enter a force's project's evaluation. */
    @Test
    void anEvaluationCountsTheProjectsForceAlone() throws Exception {
        long p = project("Early advice", 5);
        research.approve(lead, p);
        double before = research.evaluate(researcher, p, ResearchService.Outcome.RECORDED, YearMonth.of(2025, 1), null,
                List.of()).its().levelChange().value();
        List<String> other = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code"));
        for (int i = 0; i < 300; i++) {
            other.add("XY" + i + ",XYZ,19C," + LocalDate.of(2025, 3, 1).plusDays(i % 20) + ",T1");
        }
        Path xyz = dir.resolve("xyz");
        new Bundles(xyz).file("cases.csv", other.toArray(String[]::new));
        assertThat(imports.importBundle(xyz, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
        double after = research.evaluate(researcher, p, ResearchService.Outcome.RECORDED, YearMonth.of(2025, 1), null,
                List.of()).its().levelChange().value();
        assertThat(after).isEqualTo(before);
    }
}
