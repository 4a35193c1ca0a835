package org.soteria.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProblem;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.security.AccessService;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Need-to-know, attempted from every side: another team's crime, another force's crime with the same
 * team code, a restricted crime, by id and by search, before and after grants and break-glass. No
 * attempt shows anything, and every attempt is in the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class NeedToKnowIT {

    @Autowired
    org.soteria.web.form.FormMessages messages;

    @Autowired
    InvestigationService investigations;

    @Autowired
    AccessService access;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.soteria.audit.AuditService audit;

    @TempDir
    Path dir;

    private SoteriaUser oic;
    private SoteriaUser teamMember;
    private SoteriaUser otherTeam;
    private SoteriaUser supervisor;
    private SoteriaUser lead;
    private SoteriaUser analyst;
    private SoteriaUser otherForce;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        new Bundles(dir).file("cases.csv",
                        "crime_ref,force_code,record_type,offence_code,recorded_date,team_code,officer_code,restricted",
                        "A1,NWP,crime,19C,2024-01-10,T1,O1,",
                        "A2,NWP,crime,19F,2024-02-10,T1,O2,",
                        "B1,NWP,crime,20A,2024-03-10,T2,O3,",
                        "R1,NWP,crime,19C,2024-04-10,T1,O1,true",
                        "X1,XYZ,crime,19C,2024-05-10,T1,O1,")
                .file("people.csv", "person_id,force_code,given_name,family_name", "P1,NWP,Sarah,Quill",
                        "P2,NWP,Tom,Quill", "P9,XYZ,Sarah,Quill")
                .file("case_people.csv", "crime_ref,force_code,person_id,role", "A1,NWP,P1,victim",
                        "B1,NWP,P2,victim", "R1,NWP,P1,victim", "X1,XYZ,P9,victim");
        imports.importBundle(dir, "test", ImportProgress.NONE);
        oic = account("oic", Role.INVESTIGATOR, "NWP", "O1", List.of(), List.of());
        teamMember = account("member", Role.VICTIM_LIAISON, "NWP", null, List.of("T1"), List.of());
        otherTeam = account("other-team", Role.INVESTIGATOR, "NWP", "O3", List.of("T2"), List.of());
        supervisor = account("sup", Role.SUPERVISOR, "NWP", null, List.of(), List.of("T1"));
        lead = account("lead", Role.FORCE_LEAD, "NWP", null, List.of(), List.of());
        analyst = account("analyst1", Role.ANALYST, "NWP", null, List.of("T1"), List.of());
        otherForce = account("xyz-inv", Role.INVESTIGATOR, "XYZ", "O1", List.of("T1"), List.of());
    }

    private SoteriaUser account(String username, Role role, String force, String officer, List<String> member,
            List<String> supervises) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, force, officer, member,
                supervises));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    private long id(String force, String ref) {
        return jdbc.sql("select id from crime where force_code = ? and crime_ref = ?").params(force, ref)
                .query(Long.class).single();
    }

    private List<String> visible(SoteriaUser user) {
        return investigations.list(new CaseFilter(null, null, null, null, null, null, null, null, CaseSort.CRIME_REF, 1),
                user).rows().stream().map(r -> r.forceCode() + ":" + r.crimeRef()).toList();
    }

    private List<String> search(SoteriaUser user, String q) {
        return investigations.list(new CaseFilter(null, null, null, null, null, null, null, q, CaseSort.CRIME_REF, 1),
                user).rows().stream().map(r -> r.forceCode() + ":" + r.crimeRef()).toList();
    }

    private long denials(String username) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = 'DENIED'").param(username)
                .query(Long.class).single();
    }

    @Test
    void eachWayOfKnowingShowsExactlyItsCrimes() {
        assertThat(visible(oic)).as("officer in the case, no team").containsExactly("NWP:A1");
        assertThat(visible(teamMember)).as("works in T1").containsExactly("NWP:A1", "NWP:A2");
        assertThat(visible(supervisor)).as("supervises T1").containsExactly("NWP:A1", "NWP:A2");
        assertThat(visible(otherTeam)).containsExactly("NWP:B1");
        assertThat(visible(otherForce)).as("same team code and officer code, other force").containsExactly("XYZ:X1");
        assertThat(visible(lead)).as("no team, no grant").isEmpty();
        assertThat(visible(analyst)).as("analysts see no named records even with a team").isEmpty();
    }

    @Test
    void outsideNeedToKnowACrimeIsAnsweredAsIfItDidNotExistAndTheAttemptIsLogged() {
        assertThat(investigations.find(id("NWP", "B1"), teamMember)).isEmpty();
        assertThat(investigations.find(id("XYZ", "X1"), teamMember)).isEmpty();
        assertThat(investigations.find(id("NWP", "R1"), oic)).as("restricted, though officer in the case").isEmpty();
        assertThat(investigations.find(999_999, teamMember)).as("no such crime").isEmpty();
        assertThat(denials("member")).isEqualTo(3);
        assertThat(denials("oic")).isEqualTo(1);
        assertThat(investigations.find(id("NWP", "A1"), teamMember)).isPresent();
        assertThat(jdbc.sql("select justification from audit_event where username = 'member' and action = 'VIEW'")
                .query(String.class).single()).isEqualTo("works in team T1");
        assertThat(jdbc.sql("select array_to_string(records, ' ') from audit_event where username = 'member' "
                + "and action = 'VIEW'").query(String.class).single())
                .as("the crime and each person shown").isEqualTo("NWP:A1 NWP:person:P1");
    }

    @Test
    void searchNeverReachesBeyondNeedToKnow() {
        assertThat(search(teamMember, "Quill")).as("a name on other teams' and forces' crimes")
                .containsExactly("NWP:A1");
        assertThat(search(teamMember, "X1")).isEmpty();
        assertThat(search(teamMember, "B1")).isEmpty();
        assertThat(search(otherForce, "Sarah Quill")).containsExactly("XYZ:X1");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'member' and action = 'SEARCH' "
                + "and detail like '%searched for a term (kept as a keyed hash), 0 matches' and records = array[cast(? as text)]")
                .param(audit.searchTermRef("NWP", "x1")).query(Long.class).single()).isOne();
    }

    /**
     * An import's rejected values are personal data: a user sees those of their own force's rows, and nothing of a
     * restricted crime they are not named on. Before, every holder of the permission saw every force's values.
     */
    @Test
    void importProblemsFollowTheForceAndRestrictedCrimes() throws Exception {
        Path more = dir.resolve("more");
        new Bundles(more).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date")
                .file("case_people.csv", "crime_ref,force_code,person_id,role", "A1,NWP,P1,Sarah Quill the witness",
                        "R1,NWP,P1,Tom Quill the suspect", "X1,XYZ,P9,Xavier Quill the victim");
        long run = imports.importBundle(more, "test", ImportProgress.NONE).runId();
        List<ImportProblem> nwp = imports.problems(run, "NWP", "member", 100, 0);
        assertThat(nwp).extracting(ImportProblem::crimeRef).containsExactly("A1", null);
        assertThat(nwp.get(0).value()).isEqualTo("Sarah Quill the witness");
        assertThat(nwp.get(1).value()).as("a restricted crime's row").isNull();
        assertThat(nwp.get(1).reason()).contains("restricted crime").doesNotContain("R1");
        assertThat(imports.problemCount(run, "NWP")).isEqualTo(2);
        access.nameOnRestricted("admin", "NWP", "R1", "member", true);
        assertThat(imports.problems(run, "NWP", "member", 100, 0).get(1).value()).as("named on it now")
                .isEqualTo("Tom Quill the suspect");
        assertThat(imports.problems(run, "XYZ", "xyz-inv", 100, 0)).extracting(ImportProblem::value)
                .containsExactly("Xavier Quill the victim");
        assertThat(imports.run("ABC", run)).as("a force the bundle did not name").isEmpty();
        assertThat(imports.runs("ABC", 100, 0)).extracting(r -> r.id()).doesNotContain(run);
    }

    @Test
    void restrictedCrimesAreForNamedUsersOnly() {
        assertThatThrownBy(() -> access.nameOnRestricted("admin", "NWP", "A1", "lead", true))
                .hasMessageContaining("not restricted");
        assertThatThrownBy(() -> access.nameOnRestricted("admin", "NWP", "R1", "analyst1", true))
                .hasMessageContaining("cannot open cases");
        access.nameOnRestricted("admin", "NWP", "R1", "lead", true);
        assertThat(visible(lead)).containsExactly("NWP:R1");
        assertThat(investigations.find(id("NWP", "R1"), lead)).isPresent();
        assertThat(visible(supervisor)).doesNotContain("NWP:R1");
        assertThatThrownBy(() -> access.breakGlass(teamMember, "R1", "urgent safeguarding concern about the victim"))
                .isInstanceOf(AccessService.Refused.class);
        assertThat(investigations.find(id("NWP", "R1"), teamMember)).isEmpty();
        access.nameOnRestricted("admin", "NWP", "R1", "lead", false);
        assertThat(visible(lead)).isEmpty();
    }

    @Test
    void aSupervisorsGrantOpensACrimeUntilItEndsOrIsWithdrawn() {
        assertThatThrownBy(() -> access.grant(otherTeam, id("NWP", "A2"), "lead", LocalDate.now().plusDays(5),
                "covering while the officer is on leave")).as("not their team").isInstanceOf(AccessService.Refused.class);
        assertThatThrownBy(() -> access.grant(supervisor, id("NWP", "A2"), "xyz-inv", LocalDate.now().plusDays(5),
                "covering while the officer is on leave")).as("another force's user")
                .isInstanceOf(AccessService.Refused.class);
        assertThatThrownBy(() -> access.grant(supervisor, id("NWP", "A2"), "lead", LocalDate.now().plusDays(91),
                "covering while the officer is on leave")).hasMessage("{accessError.atMostDays|90}");
        assertThatThrownBy(() -> access.grant(supervisor, id("NWP", "A2"), "lead", LocalDate.now().plusDays(5),
                "short")).hasMessage("{accessError.sayWhy|20}");
        assertThatThrownBy(() -> access.grant(supervisor, id("NWP", "A2"), "lead", LocalDate.now().plusDays(5),
                "x".repeat(AccessService.MAX_REASON + 1))).as("a reason longer than the page's count allows")
                .satisfies(e -> assertThat(messages.text(e.getMessage(), java.util.Locale.UK))
                        .isEqualTo("Reason must be 2000 characters or fewer"));
        assertThatThrownBy(() -> access.grant(supervisor, id("NWP", "A2"), "", LocalDate.now().plusDays(5),
                "covering while the officer is on leave")).hasMessage("{accessError.chooseWho}");

        var grant = access.grant(supervisor, id("NWP", "A2"), "lead", LocalDate.now().plusDays(5),
                "covering while the officer is on leave");
        assertThat(visible(lead)).containsExactly("NWP:A2");
        assertThat(investigations.access(id("NWP", "A2"), lead).orElseThrow().justification())
                .startsWith("grant from sup until ");
        access.revoke(supervisor, id("NWP", "A2"), grant.id());
        assertThat(visible(lead)).isEmpty();

        access.grant(supervisor, id("NWP", "A2"), "lead", LocalDate.now().plusDays(5),
                "covering while the officer is on leave");
        jdbc.sql("update case_access_grant set granted_at = now() - interval '2 days', "
                + "expires_at = now() - interval '1 second' where username = 'lead' and revoked_at is null")
                .update();
        assertThat(visible(lead)).as("an ended grant opens nothing").isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'sup' and action in ('GRANT', 'REVOKE')")
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void breakGlassOpensOneCrimeForAnHourWithItsReasonInTheLog() {
        assertThatThrownBy(() -> access.breakGlass(lead, "B1", "too short"))
                .satisfies(e -> assertThat(messages.text(e.getMessage(), java.util.Locale.UK))
                        .isEqualTo("Explain why you need this record now, in at least 20 characters"))
                .satisfies(e -> assertThat(messages.text(e.getMessage(), java.util.Locale.forLanguageTag("cy")))
                        .isEqualTo("Esboniwch pam mae angen y cofnod hwn arnoch nawr, mewn o leiaf 20 nod"));
        assertThatThrownBy(() -> access.breakGlass(lead, "B1", "missing child report ".repeat(200)))
                .as("a reason longer than the page's count allows").isInstanceOf(AccessService.Refused.class);
        assertThatThrownBy(() -> access.breakGlass(lead, "X1", "missing child report linked to this address"))
                .as("another force's crime").isInstanceOf(AccessService.Refused.class);
        assertThatThrownBy(() -> access.breakGlass(analyst, "B1", "missing child report linked to this address"))
                .isInstanceOf(AccessService.Refused.class);

        assertThatThrownBy(() -> access.breakGlass(otherTeam, "B1", "missing child report linked to this address"))
                .as("no break-glass for a crime already open to the user")
                .satisfies(e -> assertThat(messages.text(e.getMessage(), java.util.Locale.UK))
                        .isEqualTo("You can already open B1 without break-glass: find it in your case list"));
        assertThat(access.unreviewedBreakGlass()).isZero();

        long b1 = access.breakGlass(lead, "b1", "missing child report linked to this address");
        assertThat(b1).isEqualTo(id("NWP", "B1"));
        assertThat(visible(lead)).containsExactly("NWP:B1");
        investigations.find(b1, lead).orElseThrow();
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'lead' and break_glass "
                + "and action in ('BREAK_GLASS', 'VIEW') and justification like 'break-glass: missing child%'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(access.unreviewedBreakGlass()).isEqualTo(1);

        jdbc.sql("update break_glass set expires_at = now() - interval '1 second'").update();
        assertThat(investigations.find(b1, lead)).as("after the hour").isEmpty();
    }
}
