package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.investigation.CaseDetail;
import org.soteria.platform.DataScope;
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
 * Sharing a case with partners (issue 27, ADR 32), against the database: what each partner sees, by the application
 * and by PostgreSQL's policies alone; consent withdrawn and sharing ended stop access at once; a closed or restricted
 * case stops sharing unless re-authorised; another organisation never sees; every refusal says which field and why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:partners", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class PartnerSharingIT {

    private static final String DB = ":temporary:partners";

    @Autowired
    SharingService sharing;

    @Autowired
    PartnerOrgService orgs;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    DataScope scope;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private SoteriaUser officer;
    private SoteriaUser admin;
    private SoteriaUser prosecutor;
    private SoteriaUser adviser;
    private SoteriaUser otherAdviser;

    @BeforeEach
    void load() {
        DatabaseReset.empty(DB);
        new Bundles(dir).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,team_code,officer_code,"
                        + "outcome_code,outcome_date",
                        "OPEN/1,NWP,19C,2026-01-05,T1,O1,,",
                        "NFA/2,NWP,19C,2025-06-01,T1,O1,16,2025-11-01",
                        "CHARGED/3,NWP,19C,2025-07-01,T1,O1,1,2025-12-01",
                        "OTHER/4,NWP,19C,2026-02-01,T2,O2,,")
                .file("people.csv", "person_id,given_name,family_name,date_of_birth,sex",
                        "S1,Kenver,Tregarthen,1990-05-01,male",
                        "V1,Morwenna,Pascoe,1995-02-03,female",
                        "V2,Demelza,Trelawny,1992-01-01,female",
                        "V3,Tamsin,Penrose,2001-07-07,female",
                        "V4,Loveday,Hocking,1999-09-09,female")
                .file("case_people.csv", "crime_ref,person_id,role,relationship,age_at_offence",
                        "OPEN/1,S1,suspect,acquaintance,35", "OPEN/1,V1,victim,acquaintance,30",
                        "NFA/2,S1,suspect,stranger,35", "NFA/2,V2,victim,stranger,33",
                        "CHARGED/3,S1,suspect,stranger,35", "CHARGED/3,V3,victim,stranger,24",
                        "OTHER/4,V4,victim,stranger,26")
                .file("events.csv", "crime_ref,event_type,occurred_at,person_id,detail",
                        "OPEN/1,arrest,2026-01-10,S1,Arrested at home",
                        "OPEN/1,victim_update,2026-01-12,V1,Told of the arrest")
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("inv", "DC Inv", Role.INVESTIGATOR, "NWP", "O1",
                List.of("T1"), List.of()));
        users.createAccount("test", new UserService.NewAccount("adm", "Admin", Role.ADMIN, "NWP", null, List.of(),
                List.of()));
        officer = user("inv");
        admin = user("adm");
        orgs.add(admin, "cps-x", "cps", "CPS RASSO unit");
        orgs.add(admin, "ISVA-X", "isva", "ISVA service X");
        orgs.add(admin, "ISVA-Y", "isva", "ISVA service Y");
        users.createAccount("test", new UserService.NewAccount("cps1", "Prosecutor", Role.CPS_PROSECUTOR, "NWP", null,
                List.of(), List.of(), "CPS-X"));
        users.createAccount("test", new UserService.NewAccount("isva1", "Adviser", Role.ISVA, "NWP", null, List.of(),
                List.of(), "ISVA-X"));
        users.createAccount("test", new UserService.NewAccount("isva2", "Other adviser", Role.ISVA, "NWP", null,
                List.of(), List.of(), "ISVA-Y"));
        prosecutor = user("cps1");
        adviser = user("isva1");
        otherAdviser = user("isva2");
        long open = crime("OPEN/1");
        long victim = Long.parseLong(DatabaseReset.ownerQuery(DB, "select id::text from person where person_id = 'V1'"));
        DatabaseReset.owner(DB, "insert into victim_contact_plan (crime_id, person_ref, preferred_channel, "
                + "update_every_days, agreed_on, updated_by) values (" + open + ", " + victim + ", 'phone', 14, "
                + "'2026-01-06', 'inv')");
    }

    private SoteriaUser user(String name) {
        return (SoteriaUser) users.loadUserByUsername(name);
    }

    private long crime(String ref) {
        return Long.parseLong(DatabaseReset.ownerQuery(DB, "select id::text from crime where crime_ref = '" + ref + "'"));
    }

    private <T> T asPartner(SoteriaUser user, Supplier<T> work) {
        return scope.asUser(user.getUsername(), DataScope.Cases.PARTNER, work);
    }

    private <T> T asOfficer(Supplier<T> work) {
        return scope.asUser(officer.getUsername(), true, work);
    }

    private long share(String ref, String org, List<String> parts, String basis, LocalDate consent) {
        return asOfficer(() -> sharing.share(officer, crime(ref), new SharingService.Request(org, parts, basis, consent,
                false, null, Map.of())));
    }

    private List<String> rows(SoteriaUser user, String sql) {
        return asPartner(user, () -> jdbc.sql(sql).query(String.class).list());
    }

    @Test
    void eachPartnerSeesOnlyThePartsSharedWithItsOrganisation() {
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        long open = crime("OPEN/1");
        share("OPEN/1", "CPS-X", List.of("file", "plan", "timeline"), "law_enforcement", null);
        share("OPEN/1", "ISVA-X", List.of("contact_plan", "key_dates"), "consent", LocalDate.of(2026, 1, 6));

        SharingService.SharedCase forCps = asPartner(prosecutor, () -> sharing.open(prosecutor, open)).orElseThrow();
        assertThat(forCps.crime().people()).extracting(CaseDetail.CasePerson::role).containsExactlyInAnyOrder("victim",
                "suspect");
        assertThat(forCps.crime().timeline()).extracting(CaseDetail.TimelineEvent::eventType)
                .containsExactlyInAnyOrder("arrest", "victim_update");
        assertThat(forCps.plans()).as("the contact plan was not shared with the CPS").isEmpty();

        SharingService.SharedCase forIsva = asPartner(adviser, () -> sharing.open(adviser, open)).orElseThrow();
        assertThat(forIsva.crime().people()).as("a victim service sees the victim, never the suspect")
                .extracting(CaseDetail.CasePerson::name).containsExactly("Morwenna Pascoe");
        assertThat(forIsva.crime().timeline()).extracting(CaseDetail.TimelineEvent::eventType).containsExactly("arrest");
        assertThat(forIsva.crime().timeline().get(0).personName()).as("the arrest's suspect stays hidden").isNull();
        assertThat(forIsva.plans()).extracting(p -> p.preferredChannel()).containsExactly("phone");

        assertThat(asPartner(otherAdviser, () -> sharing.open(otherAdviser, open))).as("another organisation").isEmpty();
        assertThat(asPartner(adviser, () -> sharing.open(adviser, crime("OTHER/4")))).as("a crime not shared").isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'isva2' and action = 'DENIED' and seq > ?")
                .param(before).query(Long.class).single()).as("the attempt is logged").isEqualTo(1);
        assertThat(jdbc.sql("select justification from audit_event where username = 'isva1' and action = 'VIEW' and seq > ?")
                .param(before).query(String.class).list()).singleElement().asString().contains("shared with ISVA-X");

        // PostgreSQL alone, with no rule of the application's: the same parts and nothing more.
        assertThat(rows(adviser, "select crime_ref from crime")).containsExactly("OPEN/1");
        assertThat(rows(adviser, "select role from case_person")).containsExactly("victim");
        assertThat(rows(adviser, "select person_id from person")).containsExactly("V1");
        assertThat(rows(adviser, "select event_type from event")).containsExactly("arrest");
        assertThat(rows(adviser, "select preferred_channel from victim_contact_plan")).containsExactly("phone");
        assertThat(rows(prosecutor, "select role from case_person")).containsExactlyInAnyOrder("victim", "suspect");
        assertThat(rows(prosecutor, "select preferred_channel from victim_contact_plan")).isEmpty();
        assertThat(rows(otherAdviser, "select crime_ref from crime")).isEmpty();
        assertThat(rows(otherAdviser, "select partner_org from case_share")).as("nor another's shares").isEmpty();
        assertThat(rows(adviser, "select partner_org from case_share")).containsExactly("ISVA-X");

        SharingService.SharedList list = asPartner(prosecutor, () -> sharing.sharedCases(prosecutor, 1));
        assertThat(list.rows()).extracting(r -> r.crime().crimeRef()).containsExactly("OPEN/1");
        assertThat(list.orgName()).isEqualTo("CPS RASSO unit");
    }

    @Test
    void withdrawnConsentAndEndedSharingStopAccessAtOnce() {
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        long open = crime("OPEN/1");
        long toIsva = share("OPEN/1", "ISVA-X", List.of("contact_plan", "key_dates"), "consent", LocalDate.of(2026, 1, 6));
        long toCps = share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        assertThat(asPartner(adviser, () -> sharing.open(adviser, open))).isPresent();

        asOfficer(() -> {
            sharing.withdrawConsent(officer, open, toIsva);
            return null;
        });
        assertThat(asPartner(adviser, () -> sharing.open(adviser, open))).isEmpty();
        assertThat(rows(adviser, "select crime_ref from crime")).isEmpty();
        assertThat(rows(adviser, "select person_id from person")).isEmpty();

        assertThatThrownBy(() -> asOfficer(() -> {
            sharing.end(officer, open, toCps, "x");
            return null;
        })).isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors()).containsOnlyKeys("endReason"));
        asOfficer(() -> {
            sharing.end(officer, open, toCps, "The CPS returned the file");
            return null;
        });
        assertThat(asPartner(prosecutor, () -> sharing.open(prosecutor, open))).isEmpty();
        assertThat(rows(prosecutor, "select crime_ref from crime")).isEmpty();
        assertThat(asOfficer(() -> sharing.sharesOf(open))).allMatch(share -> !share.lasting());
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'inv' and action = 'SHARE' and seq > ?")
                .param(before).query(Long.class).single()).as("two shares, a withdrawal and an end").isEqualTo(4);
    }

    @Test
    void aClosedOrRestrictedCaseIsSharedOnlyWhenReauthorised() {
        long nfa = crime("NFA/2");
        assertThatThrownBy(() -> share("NFA/2", "CPS-X", List.of("file"), "law_enforcement", null))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsOnlyKeys("reauthorise", "reason"));
        asOfficer(() -> sharing.share(officer, nfa, new SharingService.Request("CPS-X", List.of("file"),
                "law_enforcement", null, true, "The victim asked for a review of the decision", Map.of())));
        assertThat(asPartner(prosecutor, () -> sharing.open(prosecutor, nfa))).isPresent();

        long charged = crime("CHARGED/3");
        share("CHARGED/3", "CPS-X", List.of("file"), "law_enforcement", null);
        assertThat(asPartner(prosecutor, () -> sharing.open(prosecutor, charged))).as("a charged case goes on").isPresent();
        DatabaseReset.owner(DB, "update crime set restricted = true where id = " + charged);
        assertThat(asPartner(prosecutor, () -> sharing.open(prosecutor, charged))).as("restricted since").isEmpty();
        assertThat(rows(prosecutor, "select crime_ref from crime")).containsExactly("NFA/2");
    }

    @Test
    void eachRefusalNamesItsField() {
        share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        assertThatThrownBy(() -> share("OPEN/1", "ISVA-X", List.of("file", "key_dates"), null, null))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsOnlyKeys("parts", "basis", "consentOn"));
        assertThatThrownBy(() -> share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsEntry("org", "{sharingError.alreadyShared}"));
        assertThatThrownBy(() -> share("OPEN/1", "NOWHERE", List.of(), "consent", LocalDate.now().plusDays(2)))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsEntry("org", "{sharingError.chooseAPartner}")
                        .containsEntry("parts", "{sharingError.chooseWhatToShare}")
                        .containsEntry("consentOn", "{sharingError.consentInTheFuture}"));
        assertThatThrownBy(() -> share("OTHER/4", "CPS-X", List.of("file"), "law_enforcement", null))
                .as("a crime the officer has no need-to-know of").isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void thePartnerPoliciesAreThePartnerRolesAloneWhichTheApplicationDoesNotInherit() {
        assertThat(jdbc.sql("select policyname || ' ' || array_to_string(roles, ',') from pg_policies "
                + "where policyname like '%\\_partner' escape '\\' order by 1").query(String.class).list())
                .as("officers and whole-force readers never meet them (V48)").hasSize(27)
                .allMatch(p -> p.endsWith(" soteria_partner"));
        assertThat(jdbc.sql("select pg_has_role(session_user, 'soteria_partner', 'usage')").query(Boolean.class)
                .single()).as("membership without inheritance").isFalse();
        assertThat(asPartner(adviser, () -> jdbc.sql("select current_user").query(String.class).single()))
                .isEqualTo("soteria_partner");
    }

    @Test
    void aPartnerAccountBelongsToAnActiveOrganisationOfItsForce() {
        assertThatThrownBy(() -> users.createAccount("test", new UserService.NewAccount("isva3", "x", Role.ISVA, "NWP",
                null, List.of(), List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--partner");
        assertThatThrownBy(() -> users.createAccount("test", new UserService.NewAccount("inv2", "x", Role.INVESTIGATOR,
                "NWP", null, List.of(), List.of(), "ISVA-X"))).isInstanceOf(IllegalArgumentException.class);
        orgs.retire(admin, "ISVA-Y");
        assertThatThrownBy(() -> users.createAccount("test", new UserService.NewAccount("isva4", "x", Role.ISVA, "NWP",
                null, List.of(), List.of(), "ISVA-Y"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none called ISVA-Y");
        assertThatThrownBy(() -> orgs.add(admin, "cps-x", "nothing", "")).isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsOnlyKeys("code", "kind", "name"));

        share("OPEN/1", "ISVA-X", List.of("key_dates"), "consent", LocalDate.of(2026, 1, 6));
        orgs.retire(admin, "ISVA-X");
        assertThat(asPartner(adviser, () -> sharing.open(adviser, crime("OPEN/1")))).as("retiring ends its sharing")
                .isEmpty();
    }
}
