package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.casework.CpsService;
import org.soteria.casework.ProsecutorService;
import org.soteria.platform.Invalid;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CPS in the case (issue 27): a prosecutor of the unit a file is shared with answers early advice, accepts,
 * returns and decides on referrals (the return and the decision are CPS decision events, as the measures count
 * them), works the joint action plan with the officer, each side marking its own actions done, and both record
 * pre-charge engagement. Without the file shared, or with the sharing ended, the prosecutor reaches nothing; an
 * adviser of a victim service never sees the file's CPS records, by the application or by PostgreSQL.
 */
class CpsInTheCaseIT extends PartnerFixture {

    private static final Map<String, String> NONE = Map.of();

    @Autowired
    CpsService cps;

    @Autowired
    ProsecutorService prosecution;

    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    private CpsService.Cps officerPage(long crime) {
        return asOfficer(() -> cps.cps(crime, officer).orElseThrow());
    }

    private CpsService.Cps prosecutorPage(long crime) {
        return asPartner(prosecutor, () -> prosecution.file(prosecutor, crime).orElseThrow());
    }

    private void review(long crime, long submission, String verdict, LocalDate on, String note) {
        asPartner(prosecutor, () -> {
            prosecution.review(prosecutor, crime, submission, verdict, on, note, NONE);
            return null;
        });
    }

    private Map<String, String> refusal(Runnable change) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(change::run);
        assertThat(thrown).isInstanceOf(Invalid.class);
        return ((Invalid) thrown).errors();
    }

    private List<String> decisions(long crime) {
        return jdbc.sql("select detail from investigation_event where crime_id = ? and event_type = 'cps_decision' "
                + "order by id").param(crime).query(String.class).list();
    }

    @Test
    void aFileGoesFromEarlyAdviceThroughAReturnToACharge() {
        long before = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        long open = crime("OPEN/1");
        share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        asOfficer(() -> {
            cps.submitToCps(officer, open, "early_advice", today.minusDays(3), "Is the first account enough?", NONE);
            return null;
        });
        assertThat(asPartner(prosecutor, () -> prosecution.countAwaitingAnswer())).as("on the home page").isEqualTo(1);
        assertThat(asPartner(prosecutor, () -> sharing.sharedCases(prosecutor, 1)).rows())
                .singleElement().satisfies(r -> assertThat(r.awaitingCps()).isTrue());
        CpsService.Sent advice = prosecutorPage(open).awaiting().get(0);
        assertThat(advice.referral()).isFalse();
        long changes = measureChanges(open);
        review(open, advice.submission().id(), "advice", today.minusDays(2), "Get the friend's statement first.");
        assertThat(measureChanges(open)).as("the answer reaches the partner measures").isGreaterThan(changes);
        assertThat(officerPage(open).sent()).singleElement().satisfies(s -> {
            assertThat(s.awaiting()).isFalse();
            assertThat(s.last().orElseThrow().note()).isEqualTo("Get the friend's statement first.");
        });
        assertThat(decisions(open)).as("advice is no decision").isEmpty();
        assertThat(asPartner(prosecutor, () -> prosecution.countAwaitingAnswer())).isZero();

        asOfficer(() -> {
            cps.saveReadiness(officer, open, List.of(org.soteria.casework.Codes.ReadinessItem.values()));
            cps.submitToCps(officer, open, "referral", today.minusDays(2), "One charge of rape proposed.", NONE);
            return null;
        });
        long first = prosecutorPage(open).awaiting().get(0).submission().id();
        review(open, first, "accepted", today.minusDays(1), null);
        assertThat(prosecutorPage(open).awaiting()).singleElement().satisfies(s -> assertThat(s.accepted()).isTrue());
        review(open, first, "returned", today.minusDays(1), "The medical findings are missing.");
        assertThat(decisions(open)).containsExactly("further_evidence_requested");
        assertThat(prosecutorPage(open).awaiting()).as("a returned file waits for the police").isEmpty();

        asOfficer(() -> {
            cps.submitToCps(officer, open, "referral", today, "Medical findings added.", NONE);
            return null;
        });
        long second = prosecutorPage(open).awaiting().get(0).submission().id();
        review(open, second, "charge", today, "The evidence meets the full code test.");
        assertThat(decisions(open)).containsExactly("further_evidence_requested", "charge");
        assertThat(refusal(() -> asOfficer(() -> {
            cps.recordDecision(officer, open, org.soteria.reference.CpsDecision.CHARGE, today, NONE);
            return null;
        }))).as("recorded twice, one decision would count twice").containsOnlyKeys("decision");
        assertThat(officerPage(open).cpsUnit()).isEqualTo("CPS RASSO unit");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'cps1' and action = 'CHANGE' and seq > ?")
                .param(before).query(Long.class).single()).as("each answer is logged").isEqualTo(4);
        assertThat(jdbc.sql("select distinct justification from audit_event where username = 'cps1' and action = 'CHANGE' "
                        + "and seq > ?").param(before).query(String.class).list()).singleElement().asString().startsWith("shared: shared with CPS-X");
    }

    @Test
    void eachAnswerIsCheckedAndRefusedWithItsField() {
        long open = crime("OPEN/1");
        share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        asOfficer(() -> {
            cps.submitToCps(officer, open, "early_advice", today.minusDays(3), "Is the first account enough?", NONE);
            cps.saveReadiness(officer, open, List.of(org.soteria.casework.Codes.ReadinessItem.values()));
            cps.submitToCps(officer, open, "referral", today.minusDays(2), "One charge of rape proposed.", NONE);
            return null;
        });
        List<CpsService.Sent> waiting = prosecutorPage(open).awaiting();
        long advice = waiting.get(0).submission().id();
        long referral = waiting.get(1).submission().id();
        assertThat(refusal(() -> review(open, referral, "advice", today, "Advice"))).containsOnlyKeys("verdict")
                .containsEntry("verdict", "{caseworkError.aReferralIsDecided}");
        assertThat(refusal(() -> review(open, referral, null, today.minusDays(5), null)))
                .containsOnlyKeys("verdict", "reviewedOn");
        assertThat(refusal(() -> review(open, referral, "returned", today.plusDays(1), "Points")))
                .containsOnlyKeys("reviewedOn");
        assertThat(refusal(() -> review(open, referral, "returned", today, null))).containsOnlyKeys("note")
                .containsEntry("note", "{caseworkError.enterThePointsToFix}");
        assertThat(refusal(() -> review(open, advice, "charge", today, "Charge"))).containsEntry("verdict",
                "{caseworkError.earlyAdviceIsAdvice}");
        assertThat(refusal(() -> review(open, 999_999, "charge", today, "Charge"))).containsOnlyKeys("submission");
        review(open, referral, "no_charge", today, "The evidence does not meet the code test.");
        assertThat(refusal(() -> review(open, referral, "charge", today, "Charge after all")))
                .containsEntry("verdict", "{caseworkError.answeredAlready}");
        assertThat(decisions(open)).containsExactly("no_charge");
    }

    private long measureChanges(long crime) {
        return jdbc.sql("select count(*) from measure_change where crime_id = ?").param(crime).query(Long.class).single();
    }

    @Test
    void eachSideWorksAndFinishesItsOwnActions() {
        long open = crime("OPEN/1");
        share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        long changes = measureChanges(open);
        asPartner(prosecutor, () -> {
            prosecution.addAction(prosecutor, open, "Review the unused material schedule", today.plusDays(7), "cps", NONE);
            prosecution.addAction(prosecutor, open, "Obtain the friend's statement", today.plusDays(3), "police", NONE);
            return null;
        });
        assertThat(refusal(() -> asPartner(prosecutor, () -> {
            prosecution.addAction(prosecutor, open, null, null, "defence", NONE);
            return null;
        }))).containsOnlyKeys("action", "actionDue", "side");
        assertThat(measureChanges(open)).as("each action reaches the partner measures").isEqualTo(changes + 2);
        assertThat(refusal(() -> asOfficer(() -> {
            cps.addAction(officer, open, "Chase the CPS", today, "cps", "O1", NONE);
            return null;
        }))).containsOnlyKeys("actionOwner").containsEntry("actionOwner", "{caseworkError.cpsActionHasNoOfficer}");

        CpsService.Cps page = officerPage(open);
        assertThat(page.actions()).extracting(a -> a.side().code() + ":" + a.ownerCode())
                .containsExactly("police:O1", "cps:null");
        long policeAction = page.actions().get(0).id();
        long cpsAction = page.actions().get(1).id();
        assertThat(refusal(() -> asOfficer(() -> {
            cps.actionDone(officer, open, cpsAction);
            return null;
        }))).containsEntry("action", "{caseworkError.theOtherSidesAction}");
        assertThat(refusal(() -> asPartner(prosecutor, () -> {
            prosecution.actionDone(prosecutor, open, policeAction);
            return null;
        }))).containsEntry("action", "{caseworkError.theOtherSidesAction}");
        asOfficer(() -> {
            cps.actionDone(officer, open, policeAction);
            return null;
        });
        asPartner(prosecutor, () -> {
            prosecution.actionDone(prosecutor, open, cpsAction);
            return null;
        });
        assertThat(officerPage(open).actions()).allMatch(a -> a.doneOn() != null);

        asPartner(prosecutor, () -> {
            prosecution.engaged(prosecutor, open, today, "representative", "defence", "The defence asked for the CCTV.",
                    NONE);
            return null;
        });
        assertThat(refusal(() -> asOfficer(() -> {
            cps.engaged(officer, open, today.plusDays(1), "nobody", null, null, NONE);
            return null;
        }))).containsOnlyKeys("engagedOn", "party", "startedBy", "engagementSummary");
        assertThat(officerPage(open).engagements()).singleElement()
                .satisfies(e -> assertThat(e.summary()).isEqualTo("The defence asked for the CCTV."));
    }

    @Test
    void noFileSharedNoCpsPageAndNoRowsForAnyoneElse() {
        long open = crime("OPEN/1");
        long toCps = share("OPEN/1", "CPS-X", List.of("timeline"), "law_enforcement", null);
        share("OPEN/1", "ISVA-X", List.of("contact_plan", "key_dates"), "consent", LocalDate.of(2026, 1, 6));
        asOfficer(() -> {
            cps.submitToCps(officer, open, "early_advice", today, "Is the first account enough?", NONE);
            cps.engaged(officer, open, today, "suspect", "police", "The suspect offered the messages.", NONE);
            return null;
        });
        assertThat(asPartner(prosecutor, () -> prosecution.file(prosecutor, open))).as("the timeline alone").isEmpty();
        assertThat(refusal(() -> asPartner(prosecutor, () -> {
            prosecution.engaged(prosecutor, open, today, "suspect", "cps", "Anything", NONE);
            return null;
        }))).containsOnlyKeys("crime");
        assertThat(rows(prosecutor, "select kind from cps_submission")).isEmpty();
        assertThat(rows(prosecutor, "select event_type from event")).as("the timeline shows the CPS's events")
                .contains("cps_early_advice");

        asOfficer(() -> {
            sharing.end(officer, open, toCps, "Shared the wrong part");
            return sharing.share(officer, open, new SharingService.Request("CPS-X", List.of("file"), "law_enforcement",
                    null, false, null, NONE));
        });
        assertThat(asPartner(prosecutor, () -> prosecution.file(prosecutor, open))).isPresent();
        assertThat(rows(prosecutor, "select kind from cps_submission")).containsExactly("early_advice");
        assertThat(rows(prosecutor, "select party from cps_engagement")).containsExactly("suspect");

        assertThat(rows(adviser, "select kind from cps_submission")).as("a victim service: no CPS records").isEmpty();
        assertThat(rows(adviser, "select party from cps_engagement")).isEmpty();
        assertThat(rows(adviser, "select event_type from event")).doesNotContain("cps_early_advice");
        assertThat(asPartner(adviser, () -> prosecution.file(adviser, open))).as("a victim service's adviser").isEmpty();
        assertThat(refusal(() -> asPartner(adviser, () -> {
            prosecution.engaged(adviser, open, today, "suspect", "cps", "Anything", NONE);
            return null;
        }))).containsOnlyKeys("permission");
    }
}
