package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.investigation.CaseDetail;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.UserService;
import org.soteria.support.DatabaseReset;

/**
 * Sharing a case with partners (issue 27, ADR 32), against the database: what each partner sees, by the application
 * and by PostgreSQL's policies alone; consent withdrawn and sharing ended stop access at once; a closed or restricted
 * case stops sharing unless re-authorised; another organisation never sees; every refusal says which field and why.
 */
class PartnerSharingIT extends PartnerFixture {

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
                .as("officers and whole-force readers never meet them (V48; V63 case_file_answer)").hasSize(33)
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
