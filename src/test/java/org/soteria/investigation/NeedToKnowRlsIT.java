package org.soteria.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.platform.DataScope;
import org.soteria.security.AccessService;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Need-to-know enforced by PostgreSQL itself (issue 20, ADR 17): users of different teams, forces and
 * roles read every protected table, and the case list's own query, with the application's rule taken
 * away. Nothing outside need-to-know comes back, and what comes back is exactly what the application's
 * rule allows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:rls", "spring.main.banner-mode=off"})
class NeedToKnowRlsIT {

    /** Each protected table, and how one of its rows names its crime (as force:ref), read with no rule of the application's. */
    private static final Map<String, String> CRIME_OF_ROW = Map.ofEntries(
            Map.entry("crime", "select force_code || ':' || crime_ref from crime"),
            Map.entry("case_person", "select c.force_code || ':' || c.crime_ref from case_person x join crime c on c.id = x.crime_id"),
            Map.entry("event", "select c.force_code || ':' || c.crime_ref from event x join crime c on c.id = x.crime_id"),
            Map.entry("victim_feedback", "select c.force_code || ':' || c.crime_ref from victim_feedback x join crime c on c.id = x.crime_id"));

    @Autowired
    DataScope scope;

    @Autowired
    NeedToKnow needToKnow;

    @Autowired
    CaseRepository cases;

    @Autowired
    AccessService access;

    @Autowired
    ImportService imports;

    @Autowired
    @SpringSessionDataSource
    javax.sql.DataSource sessionStore;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path dir;

    private List<SoteriaUser> everyone;
    private SoteriaUser supervisor;
    private SoteriaUser lead;
    private SoteriaUser teamMember;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:rls");
        new Bundles(dir).file("cases.csv",
                        "crime_ref,force_code,record_type,offence_code,recorded_date,team_code,officer_code,restricted",
                        "A1,NWP,crime,19C,2024-01-10,T1,O1,",
                        "A2,NWP,crime,19F,2024-02-10,T1,O2,",
                        "B1,NWP,crime,20A,2024-03-10,T2,O3,",
                        "R1,NWP,crime,19C,2024-04-10,T1,O1,true",
                        "X1,XYZ,crime,19C,2024-05-10,T1,O1,")
                .file("people.csv", "person_id,force_code,given_name,family_name", "P1,NWP,Sarah,Quill",
                        "P2,NWP,Tom,Quill", "P3,NWP,Ann,Reed", "P9,XYZ,Sarah,Quill")
                .file("case_people.csv", "crime_ref,force_code,person_id,role", "A1,NWP,P1,victim",
                        "A2,NWP,P3,suspect", "B1,NWP,P2,victim", "R1,NWP,P1,victim", "R1,NWP,P3,suspect",
                        "X1,XYZ,P9,victim")
                .file("events.csv", "crime_ref,force_code,event_type,occurred_at",
                        "A1,NWP,first_contact,2024-01-11", "A2,NWP,first_contact,2024-02-11",
                        "B1,NWP,first_contact,2024-03-11", "R1,NWP,first_contact,2024-04-11",
                        "X1,XYZ,first_contact,2024-05-11")
                .file("feedback.csv", "crime_ref,person_id,returned_date,dignity",
                        "A1,P1,2024-06-01,4", "B1,P2,2024-06-02,2", "R1,P1,2024-06-03,5");
        imports.importBundle(dir, "test", ImportProgress.NONE);
        SoteriaUser oic = account("oic", Role.INVESTIGATOR, "NWP", "O1", List.of(), List.of());
        teamMember = account("member", Role.VICTIM_LIAISON, "NWP", null, List.of("T1"), List.of());
        SoteriaUser otherTeam = account("other-team", Role.INVESTIGATOR, "NWP", "O3", List.of("T2"), List.of());
        supervisor = account("sup", Role.SUPERVISOR, "NWP", null, List.of(), List.of("T1"));
        lead = account("lead", Role.FORCE_LEAD, "NWP", null, List.of(), List.of());
        SoteriaUser analyst = account("analyst1", Role.ANALYST, "NWP", null, List.of("T1"), List.of());
        SoteriaUser otherForce = account("xyz-inv", Role.INVESTIGATOR, "XYZ", "O1", List.of("T1"), List.of());
        access.nameOnRestricted("admin", "NWP", "R1", "oic", true);
        everyone = List.of(oic, teamMember, otherTeam, supervisor, lead, analyst, otherForce);
    }

    private SoteriaUser account(String username, Role role, String force, String officer, List<String> member,
            List<String> supervises) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, force, officer, member,
                supervises));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    private <T> T as(SoteriaUser user, Supplier<T> work) {
        return scope.asUser(user.getUsername(), user.can(Permission.VIEW_CASES), work);
    }

    /** The crimes the application's own rule lets this user open, decided crime by crime. */
    private Set<String> allowed(SoteriaUser user) {
        Set<String> refs = new TreeSet<>();
        for (Map<String, Object> c : jdbc.sql("select id, force_code, crime_ref from crime").query().listOfRows()) {
            if (needToKnow.access(user, ((Number) c.get("id")).longValue()).isPresent()) {
                refs.add(c.get("force_code") + ":" + c.get("crime_ref"));
            }
        }
        return refs;
    }

    private Set<String> read(SoteriaUser user, String sql) {
        return as(user, () -> new TreeSet<>(jdbc.sql(sql).query(String.class).list()));
    }

    @Test
    void everyProtectedTableReturnsOnlyWhatNeedToKnowAllowsWithoutTheApplicationsRule() {
        assertThat(jdbc.sql("select count(*) from crime").query(Long.class).single())
                .as("work outside a request reads the whole force").isEqualTo(5);
        for (SoteriaUser user : everyone) {
            Set<String> allowed = allowed(user);
            for (Map.Entry<String, String> table : CRIME_OF_ROW.entrySet()) {
                assertThat(read(user, table.getValue())).as(user.getUsername() + " reading " + table.getKey())
                        .isSubsetOf(allowed);
            }
            assertThat(read(user, CRIME_OF_ROW.get("crime"))).as(user.getUsername()).isEqualTo(allowed);
        }
        SoteriaUser oic = everyone.get(0);
        assertThat(read(oic, CRIME_OF_ROW.get("crime"))).containsExactly("NWP:A1", "NWP:R1");
        assertThat(read(teamMember, CRIME_OF_ROW.get("crime"))).containsExactly("NWP:A1", "NWP:A2");
        assertThat(read(teamMember, CRIME_OF_ROW.get("victim_feedback"))).containsExactly("NWP:A1");
        assertThat(read(everyone.get(6), CRIME_OF_ROW.get("crime"))).as("other force, same codes")
                .containsExactly("XYZ:X1");
        assertThat(read(lead, CRIME_OF_ROW.get("event"))).as("the force lead, with no grant").isEmpty();
        assertThat(read(everyone.get(5), CRIME_OF_ROW.get("crime"))).as("an analyst, even with a team").isEmpty();
    }

    @Test
    void peopleAndTheirOrdersAreSeenThroughTheCrimesTheyAreRecordedIn() {
        String people = "select force_code || ':' || person_id from person";
        assertThat(read(teamMember, people)).containsExactly("NWP:P1", "NWP:P3");
        assertThat(read(everyone.get(2), people)).as("other team").containsExactly("NWP:P2");
        assertThat(read(lead, people)).isEmpty();
        assertThat(read(everyone.get(5), people)).as("analyst").isEmpty();
    }

    @Test
    void linkagePairsClustersAndDeepDiveSamplesAreSeenOnlyThroughTheirCrimesAndPeople() {
        scope.wholeForce("test: linkage and a deep dive write as their whole-force readers do", () -> {
            jdbc.sql("insert into person_link (person_a, person_b, probability, match_weight, explanation) "
                    + "select a.id, b.id, 0.9, 7.5, 'x' from person a, person b where a.force_code = 'NWP' "
                    + "and b.force_code = 'NWP' and a.id < b.id").update();
            jdbc.sql("insert into person_cluster (person_ref, cluster_ref) select id, id from person").update();
            jdbc.sql("insert into person_identity (person_ref, identity_key) select id, 'k' || id from person").update();
            long sample = jdbc.sql("insert into case_sample (force_code, title, recorded_from, recorded_to, per_stratum, "
                    + "seed, candidates, drawn_by, template_id) select 'NWP', 't', '2024-01-01', '2024-12-31', 5, 1, 4, "
                    + "'lead', min(id) from review_template returning id").query(Long.class).single();
            jdbc.sql("insert into case_sample_crime (sample_id, crime_id, stratum, position) select ?, id, 'all', "
                    + "row_number() over (order by id) from crime where force_code = 'NWP'").param(sample).update();
            jdbc.sql("insert into case_file_review (sample_id, crime_id, reviewer, missed_opportunity) select sample_id, "
                    + "crime_id, 'lead', 'no' from case_sample_crime").update();
            jdbc.sql("insert into case_file_answer (sample_id, crime_id, reviewer, item_code, rating) select sample_id, "
                    + "crime_id, reviewer, 'suspect_focus', 'good' from case_file_review").update();
            return null;
        });
        String pairs = "select a.person_id || '-' || b.person_id from person_link l join person a on a.id = l.person_a "
                + "join person b on b.id = l.person_b";
        assertThat(read(teamMember, pairs)).as("both people of a pair within need-to-know").containsExactly("P1-P3");
        assertThat(read(everyone.get(2), pairs)).as("other team: P2 alone is no pair").isEmpty();
        String clusters = "select p.person_id from person_cluster c join person p on p.id = c.person_ref";
        assertThat(read(teamMember, clusters)).containsExactly("P1", "P3");
        assertThat(read(teamMember, "select count(*)::text from person_identity")).containsExactly("2");
        String sampled = "select c.force_code || ':' || c.crime_ref from case_sample_crime s join crime c on c.id = s.crime_id";
        String reviewed = "select c.force_code || ':' || c.crime_ref from case_file_review s join crime c on c.id = s.crime_id";
        String answered = "select c.force_code || ':' || c.crime_ref from case_file_answer s join crime c on c.id = s.crime_id";
        for (SoteriaUser user : everyone) {
            assertThat(read(user, sampled)).as(user.getUsername()).isSubsetOf(allowed(user));
            assertThat(read(user, reviewed)).as(user.getUsername()).isSubsetOf(allowed(user));
            assertThat(read(user, answered)).as(user.getUsername()).isSubsetOf(allowed(user));
            assertThat(read(user, "select count(*)::text from person_link")).as(user.getUsername() + " unjoined")
                    .containsExactly(String.valueOf(read(user, pairs).size()));
        }
        assertThat(read(lead, "select count(*)::text from case_file_review")).as("the lead, with no grant")
                .containsExactly("0");
        assertThat(jdbc.sql("select count(*) from case_file_review").query(Long.class).single())
                .as("the deep dive, a whole-force reader").isEqualTo(4);
    }

    /**
     * Tables that name a crime or a person and yet have no row-level security, each with its reason. A new
     * table that names one fails here until it has a policy (or a reason in this list and in ADR 17).
     */
    private static final Map<String, String> UNPROTECTED = Map.of(
            "measure_change", "ids of changed crimes and when, no personal data; written by every feature",
            "restricted_access", "the need-to-know rule's own input: who is named on a restricted crime",
            "case_access_grant", "the need-to-know rule's own input: time-limited grants",
            "break_glass", "the need-to-know rule's own input: emergency access, audited",
            "linkage_run", "a run's counts and the highest person id it compared, no personal data");

    @Test
    void everyTableNamingACrimeOrAPersonHasRowLevelSecurityOrAStatedReason() {
        List<String> naming = jdbc.sql("select distinct c.table_name from information_schema.columns c "
                + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                + "where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name in "
                + "('crime_id', 'person_ref', 'person_a', 'person_b', 'max_person_ref') order by 1")
                .query(String.class).list();
        assertThat(naming).contains("case_person", "person_link", "case_file_review");
        for (String table : naming) {
            boolean secured = jdbc.sql("select relrowsecurity from pg_class where oid = to_regclass(?)")
                    .param(table).query(Boolean.class).single();
            assertThat(secured || UNPROTECTED.containsKey(table))
                    .as(table + " names a crime or a person: give it a policy (ADR 17) or a reason here").isTrue();
            assertThat(secured && UNPROTECTED.containsKey(table)).as(table + " is protected; drop its reason").isFalse();
        }
    }

    @Test
    void theCaseListsOwnQueryWithItsRuleRemovedStillStopsAtNeedToKnow() {
        NeedToKnow.Rule none = new NeedToKnow.Rule("true", Map.of());
        CaseFilter all = new CaseFilter(null, null, null, null, null, null, null, null, CaseSort.CRIME_REF, 1);
        for (SoteriaUser user : everyone) {
            Set<String> listed = as(user, () -> new TreeSet<>(cases.list(all, none).stream()
                    .map(r -> r.forceCode() + ":" + r.crimeRef()).toList()));
            assertThat(listed).as(user.getUsername()).isEqualTo(allowed(user));
            assertThat(as(user, () -> cases.count(all, none, 100))).isEqualTo(listed.size());
        }
        CaseFilter quill = new CaseFilter(null, null, null, null, null, null, null, "Quill", CaseSort.CRIME_REF, 1);
        assertThat(as(teamMember, () -> cases.list(quill, none)).stream().map(CaseSummary::crimeRef))
                .as("a name search").containsExactly("A1");
        CaseFilter refs = new CaseFilter(null, null, null, null, null, null, null, "a", CaseSort.CRIME_REF, 1);
        assertThat(as(teamMember, () -> cases.list(refs, none)).stream().map(CaseSummary::crimeRef))
                .as("a reference prefix, found by the owner's index lookup, still stops at need-to-know")
                .containsExactly("A1", "A2");
        CaseFilter other = new CaseFilter(null, null, null, null, null, null, null, "B", CaseSort.CRIME_REF, 1);
        assertThat(as(teamMember, () -> cases.list(other, none))).as("another team's reference").isEmpty();
    }

    /**
     * The case list counts over the rule's parts (one index each): they must not overlap, and together they must be
     * the rule, for every kind of user, with a grant, a break-glass, a restricted naming and a crime with no team.
     */
    @Test
    void theRulesPartsAreDisjointAndTogetherAreTheWholeRule() {
        Path more = dir.resolve("more");
        new Bundles(more).file("cases.csv",
                "crime_ref,force_code,record_type,offence_code,recorded_date,team_code,officer_code,restricted",
                "N1,NWP,crime,19C,2024-06-10,,O1,");
        imports.importBundle(more, "test", ImportProgress.NONE);
        long a2 = jdbc.sql("select id from crime where crime_ref = 'A2'").query(Long.class).single();
        access.grant(supervisor, a2, "lead", LocalDate.now().plusDays(5), "covering while the officer is on leave");
        access.breakGlass(lead, "B1", "missing child report linked to this address");
        for (SoteriaUser user : everyone) {
            NeedToKnow.Rule rule = needToKnow.rule(user, "c");
            List<String> byParts = new java.util.ArrayList<>();
            for (String part : rule.parts()) {
                byParts.addAll(scope.wholeForce("test", () -> jdbc.sql("select force_code || ':' || crime_ref "
                        + "from crime c where " + part).params(rule.params()).query(String.class).list()));
            }
            Set<String> whole = scope.wholeForce("test", () -> new TreeSet<>(jdbc.sql("select force_code || ':' "
                    + "|| crime_ref from crime c where " + rule.sql()).params(rule.params()).query(String.class).list()));
            assertThat(byParts).as(user.getUsername()).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(byParts)).as(user.getUsername()).isEqualTo(whole).isEqualTo(allowed(user));
        }
        assertThat(allowed(lead)).containsExactly("NWP:A2", "NWP:B1");
        assertThat(allowed(everyone.get(0))).as("the officer in the case").contains("NWP:N1", "NWP:R1");
    }

    @Test
    void grantsAndBreakGlassOpenTheDatabaseAsTheyOpenThePage() {
        long a2 = jdbc.sql("select id from crime where crime_ref = 'A2'").query(Long.class).single();
        access.grant(supervisor, a2, "lead", LocalDate.now().plusDays(5), "covering while the officer is on leave");
        assertThat(read(lead, CRIME_OF_ROW.get("crime"))).containsExactly("NWP:A2");
        assertThat(read(lead, CRIME_OF_ROW.get("event"))).containsExactly("NWP:A2");
        access.breakGlass(lead, "B1", "missing child report linked to this address");
        assertThat(read(lead, CRIME_OF_ROW.get("crime"))).containsExactly("NWP:A2", "NWP:B1");
        jdbc.sql("update break_glass set expires_at = now() - interval '1 second'").update();
        assertThat(read(lead, CRIME_OF_ROW.get("crime"))).containsExactly("NWP:A2");
    }

    @Test
    void aUserCannotWriteBeneathACrimeTheyCannotSee() {
        long b1 = jdbc.sql("select id from crime where crime_ref = 'B1'").query(Long.class).single();
        assertThatThrownBy(() -> as(teamMember, () -> jdbc.sql("insert into event (force_code, event_key, crime_id, "
                        + "event_type, occurred_at, occurred_timed) values ('NWP', 'x', ?, 'arrest', now(), true)")
                .param(b1).update())).rootCause().hasMessageContaining("row-level security");
        assertThat(as(teamMember, () -> jdbc.sql("update crime set outcome_code = '1', outcome_date = current_date "
                + "where id = ?").param(b1).update())).as("an update of an unseen crime changes nothing").isZero();
    }

    @Test
    void aTransactionAlreadyOpenChangesScopeAndReturnsToIt() {
        Long counts = transactions.execute(status -> as(teamMember, () -> {
            long mine = jdbc.sql("select count(*) from crime").query(Long.class).single();
            long force = scope.wholeForce("test: a whole-force reader inside a user's transaction",
                    () -> jdbc.sql("select count(*) from crime").query(Long.class).single());
            long mineAgain = jdbc.sql("select count(*) from crime").query(Long.class).single();
            return mine * 100 + force * 10 + mineAgain;
        }));
        assertThat(counts).isEqualTo(2 * 100 + 5 * 10 + 2);
    }

    @Test
    void aConnectionHandedOutAgainInAnotherScopeTakesThatScope() {
        // The pool hands its connections out again and again; one already in the wanted scope is not set twice, so
        // each alternation must still land: every count below comes from a connection last used in the other scope.
        for (int i = 0; i < 40; i++) {
            assertThat(as(teamMember, () -> jdbc.sql("select count(*) from crime").query(Long.class).single()))
                    .as("round %d, as the team member", i).isEqualTo(2);
            assertThat(scope.wholeForce("test: alternating with a user", () -> jdbc.sql("select count(*) from crime")
                    .query(Long.class).single())).as("round %d, whole force", i).isEqualTo(5);
            assertThat(as(supervisor, () -> jdbc.sql("select current_setting('soteria.user')").query(String.class)
                    .single())).isEqualTo(supervisor.getUsername());
        }
    }

    @Test
    void aScopeChangedInsideATransactionThatRollsBackLeavesNoTrace() {
        transactions.executeWithoutResult(status -> as(teamMember, () -> {
            scope.wholeForce("test: inside a transaction that rolls back",
                    () -> jdbc.sql("select count(*) from crime").query(Long.class).single());
            status.setRollbackOnly();
            return null;
        }));
        for (int i = 0; i < 20; i++) {
            assertThat(as(teamMember, () -> jdbc.sql("select count(*) from crime").query(Long.class).single()))
                    .isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from crime").query(Long.class).single()).isEqualTo(5);
        }
    }

    @Test
    void theSessionStoreReadsAsNobodyWhoeverIsSignedIn() {
        JdbcClient sessions = JdbcClient.create(sessionStore);
        assertThat(as(teamMember, () -> sessions.sql("select current_setting('soteria.user') || '/' "
                + "|| current_setting('soteria.cases') || '/' || (select count(*) from crime)").query(String.class)
                .single())).isEqualTo("/off/0");
    }

    @Test
    void workForAUserRunsWithoutParallelQueryAndWholeForceWorkKeepsTheServersSetting() {
        String server = jdbc.sql("select reset_val from pg_settings where name = 'max_parallel_workers_per_gather'")
                .query(String.class).single();
        assertThat(as(teamMember, () -> jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single()))
                .isEqualTo("0");
        assertThat(jdbc.sql("show max_parallel_workers_per_gather").query(String.class).single()).isEqualTo(server);
    }

    @Test
    void theApplicationsRoleCannotInheritTheWholeForceRole() {
        assertThat(as(teamMember, () -> jdbc.sql("select current_user").query(String.class).single()))
                .isNotEqualTo(DataScope.WHOLE_FORCE_ROLE);
        assertThat(jdbc.sql("select pg_has_role(session_user, 'soteria_whole_force', 'usage')").query(Boolean.class)
                .single()).as("membership without inheritance").isFalse();
        assertThat(jdbc.sql("select rolbypassrls from pg_roles where rolname = session_user").query(Boolean.class)
                .single()).isFalse();
    }
}
