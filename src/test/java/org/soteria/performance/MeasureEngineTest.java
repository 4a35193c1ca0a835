package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.performance.Measures.Distribution;
import org.soteria.performance.Measures.Rate;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.RecordType;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;

/** Every measure of kpis.md pinned on small data sets whose answers were worked out by hand. */
class MeasureEngineTest {

    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    private final FactsBuilder b = new FactsBuilder(org.soteria.victim.CodeFixture.code(), java.time.LocalDate.of(2030, 1, 1));
    private final MeasureEngine engine = new MeasureEngine(new MeasureEngine.Settings(2, 10, 2));

    private FactsBuilder crime(long id, String recorded, OutcomeCode outcome, String outcomeDate) {
        return crime(id, RecordType.CRIME, recorded, ReportSource.VICTIM, null, outcome, outcomeDate);
    }

    private FactsBuilder crime(long id, RecordType type, String recorded, ReportSource source, Boolean consented,
            OutcomeCode outcome, String outcomeDate) {
        return b.crime(id, "NWP", "T" + (id % 2), "O" + (id % 3), type, type == RecordType.N100 ? 2 : null,
                OffenceCode.C19C, LocalDate.parse(recorded), source, consented, outcome,
                outcomeDate == null ? null : LocalDate.parse(outcomeDate));
    }

    private Measures measures() {
        return measures(MeasureFilter.NONE);
    }

    private Measures measures(MeasureFilter filter) {
        b.finishAll();
        return engine.compute(b.build(0), new MeasureQuery(FROM, TO, AS_OF, filter));
    }

    @Test
    void cancelledCrimesLeaveEveryCountAndN100sCountOnlyAsN100() {
        crime(1, "2025-02-01", OutcomeCode.O1, "2025-03-01");
        crime(2, RecordType.CANCELLED, "2025-02-01", ReportSource.VICTIM, null, OutcomeCode.O1, "2025-03-01");
        crime(3, RecordType.N100, "2025-02-01", ReportSource.VICTIM, null, null, null);
        b.event(2, EventType.CPS_DECISION, LocalDate.parse("2025-02-10"), null, null, "charge");
        b.event(3, EventType.CPS_DECISION, LocalDate.parse("2025-02-10"), null, null, "charge");
        Measures m = measures();
        assertThat(m.recorded()).isEqualTo(1);
        assertThat(m.outcomesAssigned()).isEqualTo(1);
        assertThat(m.n100Incidents()).isEqualTo(new Measures.N100(1, 0, 1, 0));
        assertThat(m.cpsChargeRate()).isEqualTo(new Rate(0, 0));
        assertThat(m.cpsChargeRate().value()).isNull();
    }

    @Test
    void theFunnelIsCumulative() {
        // 1: suspect linked (counts from recording), nothing else.
        crime(1, "2025-01-10", null, null);
        b.person(1, 100, "suspect", Relationship.PARTNER, null, null);
        // 2: charged by outcome with no arrest or referral recorded: counts at every stage up to charged.
        crime(2, "2025-02-10", OutcomeCode.O1A, "2025-05-01");
        // 3: arrest, then referral after as-of (ignored), conviction event before as-of: counts as convicted.
        crime(3, "2025-03-10", null, null);
        b.event(3, EventType.ARREST, LocalDate.parse("2025-03-11"), "A3", null, null);
        b.event(3, EventType.CPS_REFERRAL, LocalDate.parse("2026-07-01"), null, null, null);
        b.event(3, EventType.COURT_OUTCOME, LocalDate.parse("2026-01-15"), null, null, "convicted");
        // 4: nothing at all.
        crime(4, "2025-04-10", null, null);
        Measures m = measures();
        assertThat(m.attritionFunnel()).extracting(Measures.FunnelStage::count).containsExactly(4L, 3L, 2L, 2L, 2L, 1L);
        assertThat(m.attritionFunnel().get(1).shareOfRecorded()).isEqualTo(0.75);
        assertThat(m.attritionFunnel().get(2).shareOfPrevious()).isEqualTo(2.0 / 3);
        assertThat(m.attritionFunnel().get(5).shareOfPrevious()).isEqualTo(0.5);
        assertThat(m.cohortChargeRate()).isEqualTo(new Rate(1, 4));
    }

    @Test
    void percentilesUseTheNearestRank() {
        // Days to charge: 10, 20, 30, 40 → p25 rank 1, median rank 2, p90 rank ⌈3.6⌉ = 4.
        crime(1, "2025-01-01", OutcomeCode.O1, "2025-01-11");
        crime(2, "2025-01-01", OutcomeCode.O1, "2025-01-21");
        crime(3, "2025-01-01", OutcomeCode.O1, "2025-01-31");
        crime(4, "2025-01-01", OutcomeCode.O1, "2025-02-10");
        // One more outcome (not a charge) of 100 days: days to outcome 10, 20, 30, 40, 100.
        crime(5, "2025-01-01", OutcomeCode.O18, "2025-04-11");
        Measures m = measures();
        assertThat(m.daysToCharge()).isEqualTo(new Distribution(4, 20, 10, 40));
        // n = 5: median rank 3, p25 rank ⌈1.25⌉ = 2, p90 rank ⌈4.5⌉ = 5.
        assertThat(m.daysToOutcome()).isEqualTo(new Distribution(5, 30, 20, 100));
        assertThat(m.chargeRate()).isEqualTo(new Rate(4, 5));
        assertThat(m.outcomeGroupShares().get("charged")).isEqualTo(new Measures.GroupShare(4, 0.8));
        assertThat(m.outcomeGroupShares().get("no_suspect_identified")).isEqualTo(new Measures.GroupShare(1, 0.2));
        assertThat(m.outcomeGroupShares().get("out_of_court")).isEqualTo(new Measures.GroupShare(0, 0.0));
    }

    @Test
    void nothingDatedAfterAsOfCounts() {
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        crime(1, "2025-01-10", OutcomeCode.O1, "2025-07-01"); // outcome after as-of: no outcome yet
        crime(2, "2025-07-10", null, null); // recorded after as-of: not known
        crime(3, "2025-01-10", OutcomeCode.O16, "2025-06-30"); // on the as-of date: counts
        b.event(3, EventType.COURT_OUTCOME, LocalDate.parse("2025-07-01"), null, null, "convicted");
        b.finishAll();
        Measures m = engine.compute(b.build(0), new MeasureQuery(FROM, TO, asOf, MeasureFilter.NONE));
        assertThat(m.recorded()).isEqualTo(2);
        assertThat(m.outcomesAssigned()).isEqualTo(1);
        assertThat(m.cohortChargeRate()).isEqualTo(new Rate(0, 2));
        assertThat(m.convictions()).isZero();
        assertThat(m.openCaseload().officers()).isEqualTo(1); // crime 1 was open at as-of
    }

    @Test
    void openAfterDaysCountsOnlyCrimesOldEnough() {
        crime(1, "2025-01-01", OutcomeCode.O1, "2025-04-01"); // day 90 exactly: not open at 90
        crime(2, "2025-01-01", OutcomeCode.O1, "2025-04-02"); // open at 90, closed before 180
        crime(3, "2025-01-01", null, null); // open throughout
        crime(4, "2025-12-31", null, null); // 181 days old at as-of: counts for 90 and 180 only
        Measures m = measures();
        assertThat(m.openAfterDays()).isEqualTo(Map.of(90, 3L, 180, 2L, 365, 1L));
    }

    @Test
    void theThirdPartyConsentVariant() {
        crime(1, RecordType.CRIME, "2025-01-01", ReportSource.THIRD_PARTY, false, OutcomeCode.O16, "2025-03-01");
        crime(2, RecordType.CRIME, "2025-01-01", ReportSource.THIRD_PARTY, null, OutcomeCode.O14, "2025-03-01");
        crime(3, RecordType.CRIME, "2025-01-01", ReportSource.VICTIM, false, OutcomeCode.O16, "2025-03-01");
        crime(4, RecordType.CRIME, "2025-01-01", ReportSource.PROFESSIONAL, true, OutcomeCode.O1, "2025-03-01");
        Measures m = measures();
        assertThat(m.victimDoesNotSupportRate()).isEqualTo(new Rate(3, 4));
        // Crime 1 leaves both sides; crime 2 (consent not known) and crime 3 (the victim reported) stay.
        assertThat(m.victimDoesNotSupportRateExcludingUnconsentedThirdParty()).isEqualTo(new Rate(2, 3));
        assertThat(m.thirdPartyShare()).isEqualTo(new Rate(3, 4));
    }

    @Test
    void emptyDenominatorsAreNoDataNotZero() {
        Measures m = measures();
        assertThat(m.recorded()).isZero();
        assertThat(m.chargeRate().value()).isNull();
        assertThat(m.cohortChargeRate().value()).isNull();
        assertThat(m.outcomeGroupShares().values()).allSatisfy(g -> assertThat(g.share()).isNull());
        assertThat(m.attritionFunnel()).allSatisfy(s -> assertThat(s.shareOfRecorded()).isNull());
        assertThat(m.daysToCharge()).isEqualTo(new Distribution(0, null, null, null));
        assertThat(m.victimFeedback()).isEqualTo(new Measures.Feedback(0, null, null, null, null, null));
        assertThat(m.victimsCodeCompliance().by()).containsOnlyKeys("key_event_notification", "support_referral",
                "needs_assessment");
        assertThat(m.openCaseload()).isEqualTo(new Measures.Caseload(0, null, null, null, 0));
        assertThat(m.accreditedShare().value()).isNull();
    }

    @Test
    void cpsAndCourtCountEventsInThePeriod() {
        crime(1, "2024-06-01", null, null);
        b.event(1, EventType.CPS_REFERRAL, LocalDate.parse("2024-12-01"), null, null, null);
        b.event(1, EventType.CPS_REFERRAL, LocalDate.parse("2025-02-01"), null, null, null); // not the first
        b.event(1, EventType.CPS_DECISION, LocalDate.parse("2025-03-01"), null, 1L, "charge");
        b.event(1, EventType.CPS_DECISION, LocalDate.parse("2025-03-01"), null, 2L, "no_charge");
        b.event(1, EventType.CPS_DECISION, LocalDate.parse("2025-03-02"), null, 2L, "further_evidence_requested");
        b.event(1, EventType.COURT_OUTCOME, LocalDate.parse("2025-09-01"), null, 1L, "convicted");
        b.event(1, EventType.COURT_OUTCOME, LocalDate.parse("2025-09-01"), null, 2L, "acquitted");
        crime(2, "2025-01-01", null, null);
        b.event(2, EventType.CPS_REFERRAL, LocalDate.parse("2025-01-31"), null, null, null);
        Measures m = measures();
        assertThat(m.cpsReferrals()).isEqualTo(1);
        assertThat(m.daysReportToCpsReferral()).isEqualTo(new Distribution(1, 30, 30, 30));
        assertThat(m.cpsChargeRate()).isEqualTo(new Rate(1, 2));
        assertThat(m.convictions()).isEqualTo(1);
        assertThat(m.convictionRate()).isEqualTo(new Rate(1, 2));
    }

    @Test
    void cpsTimelinessPairsEachDecisionWithItsReferralAndEachResubmissionWithItsReturn() {
        // Given in any order, as the loader gives them.
        crime(1, "2024-06-01", null, null);
        b.event(1, EventType.CPS_DECISION, LocalDate.parse("2025-04-20"), null, null, "charge");
        b.event(1, EventType.CPS_REFERRAL, LocalDate.parse("2025-04-01"), null, null, null); // resubmitted 21 days on
        b.event(1, EventType.CPS_DECISION, LocalDate.parse("2025-03-11"), null, null, "further_evidence_requested");
        b.event(1, EventType.CPS_REFERRAL, LocalDate.parse("2025-03-01"), null, null, null);
        b.event(1, EventType.CPS_REFERRAL, LocalDate.parse("2025-04-05"), null, null, null); // no return before it
        crime(2, "2025-01-01", null, null);
        b.event(2, EventType.CPS_DECISION, LocalDate.parse("2025-02-01"), null, null, "no_charge"); // no referral yet
        b.event(2, EventType.CPS_REFERRAL, LocalDate.parse("2025-03-01"), null, null, null);
        b.event(2, EventType.CPS_DECISION, LocalDate.parse("2025-03-01"), null, null, "no_charge"); // same day: 0
        crime(3, "2025-01-01", null, null);
        b.event(3, EventType.CPS_REFERRAL, LocalDate.parse("2025-02-01"), null, null, null);
        b.event(3, EventType.CPS_DECISION, LocalDate.parse("2025-02-10"), null, null, "further_evidence_requested");
        b.event(3, EventType.CPS_DECISION, LocalDate.parse("2025-02-15"), null, null, "further_evidence_requested");
        b.event(3, EventType.CPS_REFERRAL, LocalDate.parse("2025-02-15"), null, null, null); // before that day's return
        b.event(3, EventType.CPS_REFERRAL, LocalDate.parse("2025-02-25"), null, null, null); // 10 days from 15 Feb
        Measures.Partners t = measures().partners();
        assertThat(t.daysReferralToDecision()).as("15 (crime 1: 5 April to 20 April) and 0 (crime 2)")
                .isEqualTo(new Distribution(2, 0, 0, 15));
        assertThat(t.filesReturned()).as("3 returns of 6 decisions").isEqualTo(new Rate(3, 6));
        assertThat(t.daysReturnToResubmission()).as("21 (crime 1), 5 (crime 3: 10 to 15 February), 10 (crime 3)")
                .isEqualTo(new Distribution(3, 10, 5, 21));
    }

    @Test
    void isvaReferralsAndWithdrawalsAfterOne() {
        crime(1, "2025-01-01", null, null);
        b.event(1, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-02-01"), null, null, "fear_of_suspect");
        b.event(1, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-01-02"), null, null, "victim_support");
        b.event(1, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-02-01"), null, null, "isva"); // same day: counts
        crime(2, "2025-01-01", null, null);
        b.event(2, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-03-01"), null, null, "");
        b.event(2, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-03-02"), null, null, "isva"); // after: does not
        b.event(2, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-01-03"), null, null, "declined");
        crime(3, "2025-01-01", null, null);
        b.event(3, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-04-01"), null, null, "");
        Measures.Partners p = measures().partners();
        assertThat(p.isvaReferrals()).isEqualTo(new Rate(2, 4));
        assertThat(p.withdrawalsWithIsva()).isEqualTo(new Rate(1, 3));
    }

    @Test
    void earlyAdviceAnsweredWithinTargetIsSettledAtTheAsOfDate() {
        // Target 28 days (the default); as-of 30 June 2026, period 2025.
        crime(1, "2025-01-01", null, null);
        b.earlyAdvice(1, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-01")); // 28 days: within
        b.earlyAdvice(1, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-03-02")); // 29 days: not within
        b.earlyAdvice(1, LocalDate.parse("2025-05-01"), null); // never answered, target long past: not within
        b.earlyAdvice(1, LocalDate.parse("2024-12-31"), LocalDate.parse("2025-01-02")); // asked before the period
        crime(2, "2025-01-01", null, null);
        b.earlyAdvice(2, LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-05")); // asked in the period: within
        Measures.Partners p = measures().partners();
        assertThat(p.earlyAdviceWithinTarget()).as("2 of 4").isEqualTo(new Rate(2, 4));
        // As of 10 January 2026: the request of 31 December is answered (5 January) and within; as of 2 January 2026
        // it is neither answered nor past its target, so it is not counted yet.
        assertThat(engine.compute(b.build(0), new MeasureQuery(FROM, TO, LocalDate.parse("2026-01-10"),
                MeasureFilter.NONE)).partners().earlyAdviceWithinTarget()).isEqualTo(new Rate(2, 4));
        assertThat(engine.compute(b.build(0), new MeasureQuery(FROM, TO, LocalDate.parse("2026-01-02"),
                MeasureFilter.NONE)).partners().earlyAdviceWithinTarget()).isEqualTo(new Rate(1, 3));
        // With a target of 30 days, the 29-day answer is within.
        MeasureEngine generous = new MeasureEngine(new MeasureEngine.Settings(2, 10, 2, 30));
        assertThat(generous.compute(b.build(0), new MeasureQuery(FROM, TO, AS_OF, MeasureFilter.NONE)).partners()
                .earlyAdviceWithinTarget()).isEqualTo(new Rate(3, 4));
    }

    @Test
    void actionsOverdueBySideAreThoseDueInThePeriodNotDoneByTheirDueDate() {
        crime(1, "2025-01-01", null, null);
        b.action(1, false, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-01")); // done on the day
        b.action(1, false, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-02")); // a day late: overdue
        b.action(1, false, LocalDate.parse("2025-04-01"), null); // never done: overdue
        b.action(1, false, LocalDate.parse("2026-01-01"), null); // due after the period
        crime(2, "2025-01-01", null, null);
        b.action(2, true, LocalDate.parse("2025-06-01"), LocalDate.parse("2025-05-20")); // early
        b.action(2, true, LocalDate.parse("2025-12-31"), null); // overdue
        Measures.Partners p = measures().partners();
        assertThat(p.policeActionsOverdue()).as("police: 2 of 3").isEqualTo(new Rate(2, 3));
        assertThat(p.cpsActionsOverdue()).as("CPS: 1 of 2").isEqualTo(new Rate(1, 2));
        // As of 31 December 2025 the action due that day is not yet overdue, nor counted.
        assertThat(engine.compute(b.build(0), new MeasureQuery(FROM, TO, LocalDate.parse("2025-12-31"),
                MeasureFilter.NONE)).partners().cpsActionsOverdue()).isEqualTo(new Rate(0, 1));
        // Only the crimes that pass the filter: crime 1 is team T1.
        assertThat(measures(MeasureFilter.parse(List.of("team=T0"))).partners().policeActionsOverdue())
                .isEqualTo(new Rate(0, 0));
    }

    @Test
    void referralsToAnIsvaSupportedByOneByTheAsOfDate() {
        crime(1, "2025-01-01", null, null);
        b.isvaSupport(1, LocalDate.parse("2025-02-10"));
        b.isvaSupport(1, LocalDate.parse("2025-02-03"));
        b.event(1, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-02-01"), null, null, "isva");
        b.event(1, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-02-01"), null, null, "victim_support");
        crime(2, "2025-01-01", null, null);
        b.event(2, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-03-01"), null, null, "isva"); // no support
        crime(3, "2025-01-01", null, null);
        b.isvaSupport(3, LocalDate.parse("2026-03-01"));
        b.event(3, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-12-01"), null, null, "isva");
        b.event(1, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-02-03"), null, null, ""); // support that day
        b.event(2, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-04-01"), null, null, ""); // referred, no support
        b.event(3, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-12-20"), null, null, ""); // support came later
        Measures.Partners p = measures().partners();
        assertThat(p.isvaSupported()).as("crimes 1 and 3 of 3 referrals to an ISVA").isEqualTo(new Rate(2, 3));
        assertThat(p.withdrawalsAfterIsvaSupport()).as("crime 1's of 3").isEqualTo(new Rate(1, 3));
        assertThat(p.withdrawalsWithIsva()).as("all three after a referral").isEqualTo(new Rate(3, 3));
        assertThat(engine.compute(b.build(0), new MeasureQuery(FROM, TO, LocalDate.parse("2026-02-01"),
                MeasureFilter.NONE)).partners().isvaSupported()).as("crime 3's support came after 1 February 2026")
                .isEqualTo(new Rate(1, 3));
    }

    @Test
    void withdrawalsByReasonAndTheStageReachedOnTheDay() {
        crime(1, "2025-01-01", null, null);
        b.event(1, EventType.ARREST, LocalDate.parse("2025-02-01"), "A1", null, null);
        b.event(1, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-02-01"), null, null, "fear_of_suspect");
        crime(2, "2025-01-01", null, null);
        b.event(2, EventType.VICTIM_WITHDRAWAL, LocalDate.parse("2025-01-05"), null, null, "");
        b.event(2, EventType.ARREST, LocalDate.parse("2025-02-01"), "A2", null, null);
        Measures m = measures();
        assertThat(m.withdrawalByStageAndReason().total()).isEqualTo(2);
        assertThat(m.withdrawalByStageAndReason().byReason()).containsEntry("fear_of_suspect", 1L)
                .containsEntry("not_recorded", 1L);
        assertThat(m.withdrawalByStageAndReason().byStage()).containsEntry("arrested_or_interviewed", 1L)
                .containsEntry("recorded", 1L).containsEntry("suspect_identified", 0L);
    }

    @Test
    void victimsCodeComplianceCountsObligationsDueInThePeriodAndByAsOf() {
        crime(1, "2025-03-03", null, null); // Monday
        b.person(1, 10, "victim", null, 30, null);
        b.event(1, EventType.ARREST, LocalDate.parse("2025-03-04"), "A1", null, null); // due Wed 5 March
        b.event(1, EventType.VICTIM_NOTIFIED, LocalDate.parse("2025-03-05"), null, null, "A1"); // met
        b.event(1, EventType.SUPPORT_REFERRAL, LocalDate.parse("2025-03-06"), null, 10L, "isva"); // due 5 March: late
        b.event(1, EventType.FIRST_CONTACT, LocalDate.parse("2025-03-03"), null, 10L, null); // no assessment: overdue
        Measures m = measures();
        assertThat(m.victimsCodeCompliance().total()).isEqualTo(new Rate(1, 3));
        assertThat(m.victimsCodeCompliance().by()).containsEntry("key_event_notification", new Rate(1, 1))
                .containsEntry("support_referral", new Rate(0, 1)).containsEntry("needs_assessment", new Rate(0, 1));
    }

    @Test
    void repeatSuspectsByPersonOrPncWithinTheLookback() {
        // Person 100 is suspect in crimes 1 and 2 (both in the window): a repeat suspect.
        crime(1, "2025-01-10", null, null);
        b.person(1, 100, "suspect", null, null, null);
        crime(2, "2025-02-10", null, null);
        b.person(2, 100, "suspect", null, null, null);
        // Persons 200 and 201 share a PNC id: one identity, two crimes.
        crime(3, "2025-03-10", null, null);
        b.person(3, 200, "suspect", null, null, "2001/0000001A");
        crime(4, "2014-01-10", null, null); // outside the ten-year window before as-of 2026-06-30
        b.person(4, 201, "suspect", null, null, "2001/0000001A");
        crime(5, "2025-03-11", null, null);
        b.person(5, 201, "suspect", null, null, "2001/0000001A");
        // Person 300 linked twice to one crime (two roles do not exist, so two person records with no PNC): not repeat.
        crime(6, "2025-04-10", null, null);
        b.person(6, 300, "suspect", null, null, null);
        crime(7, "2025-05-10", null, null); // no suspect: outside the denominator
        Measures m = measures();
        assertThat(m.repeatSuspectShare()).isEqualTo(new Rate(4, 5));
        // Filters choose the denominator only: crime 2's team filter still sees person 100 as repeat.
        Measures filtered = measures(MeasureFilter.parse(List.of("team=T0")));
        assertThat(filtered.repeatSuspectShare()).isEqualTo(new Rate(1, 2)); // crimes 2 and 6 are team T0
    }

    @Test
    void filtersCombineWithAndAcrossKeysAndOrWithinAKey() {
        b.crime(1, "NWP", "T1", "O1", RecordType.CRIME, null, OffenceCode.C19C, LocalDate.parse("2025-01-01"),
                ReportSource.VICTIM, null, null, null);
        b.person(1, 10, "victim", null, 14, null);
        b.person(1, 11, "suspect", Relationship.EX_PARTNER, null, null);
        b.crime(2, "NWP", "T2", "O2", RecordType.CRIME, null, OffenceCode.C20A, LocalDate.parse("2025-01-01"),
                ReportSource.THIRD_PARTY, null, null, null);
        b.person(2, 20, "victim", null, null, null);
        b.crime(3, "DYF", "T1", "O1", RecordType.CRIME, null, OffenceCode.C19D, LocalDate.parse("2025-01-01"),
                ReportSource.VICTIM, null, null, null);
        assertThat(measures(MeasureFilter.parse(List.of("team=T1", "team=T2"))).recorded()).isEqualTo(3);
        assertThat(measures(MeasureFilter.parse(List.of("team=T1", "force=NWP"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("offence_group=adult_rape"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("offence_code=19d", "offence_group=child_rape"))).recorded())
                .isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("victim_age_band=13_15"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("victim_age_band=unknown"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("relationship=ex_partner"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("report_source=third_party"))).recorded()).isEqualTo(1);
        assertThat(measures(MeasureFilter.parse(List.of("officer=nobody"))).recorded()).isZero();
    }

    @Test
    void badFiltersSayWhatIsWrong() {
        assertThatThrownBy(() -> MeasureFilter.parse(List.of("colour=red")))
                .hasMessage("filter key 'colour' is not one of force, team, officer, offence_code, offence_group, "
                        + "report_source, relationship, victim_age_band");
        assertThatThrownBy(() -> MeasureFilter.parse(List.of("offence_group=burglary")))
                .hasMessage("filter offence_group: 'burglary' is not one of adult_rape, child_rape, sexual_assault, "
                        + "other_sexual");
        assertThatThrownBy(() -> MeasureFilter.parse(List.of("team"))).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> new MeasureQuery(TO, FROM, AS_OF, null))
                .hasMessage("the period ends (2025-01-01) before it starts (2025-12-31)");
    }

    /**
     * An officer cannot weigh their own feedback: forms from links they made for their own case count for the force
     * and the team, never in that officer's own measures.
     */
    @Test
    void feedbackFromAnOfficersOwnLinksIsLeftOutOfTheirOwnMeasures() {
        crime(1, "2025-01-01", null, null); // O1, T1
        b.feedback(1, LocalDate.parse("2025-05-01"), true, 5, 5, 5, 5, 5);
        b.feedback(1, LocalDate.parse("2025-06-01"), false, 1, 1, 1, 1, 1);
        assertThat(measures().victimFeedback().responses()).isEqualTo(2);
        assertThat(measures(MeasureFilter.parse(List.of("team=T1"))).victimFeedback().responses()).isEqualTo(2);
        Measures officer = measures(MeasureFilter.parse(List.of("officer=O1")));
        assertThat(officer.victimFeedback().responses()).isOne();
        assertThat(officer.victimFeedback().dignity()).isEqualTo(1.0);
    }

    @Test
    void feedbackDisruptionsCaseloadAndAccreditation() {
        crime(1, "2025-01-01", null, null);
        b.person(1, 10, "suspect", null, null, null);
        b.feedback(1, LocalDate.parse("2025-05-01"), 4, 3, 2, 5, null);
        b.feedback(1, LocalDate.parse("2025-06-01"), 2, 3, 4, 5, 1);
        b.feedback(1, LocalDate.parse("2026-01-01"), 1, 1, 1, 1, 1); // outside the period
        crime(2, "2025-01-01", null, null); // O2
        crime(3, "2025-01-01", null, null); // O0
        crime(4, "2025-01-02", null, null); // O1: three open crimes for O1, above threshold 2
        crime(7, "2025-01-03", null, null); // O1
        b.order("NWP", 10, OrderType.SRO, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-06-30"));
        b.order("NWP", 10, OrderType.SHPO, LocalDate.parse("2025-01-01"), LocalDate.parse("2026-06-29")); // expired
        b.order("NWP", 11, OrderType.PRE_CHARGE_BAIL_CONDITIONS, LocalDate.parse("2026-06-01"), null);
        b.officer("NWP", "O1", "T1", LocalDate.parse("2026-06-30"));
        b.officer("NWP", "O2", "T1", LocalDate.parse("2026-06-29"));
        b.officer("NWP", "O3", null, LocalDate.parse("2030-01-01")); // not in a team
        Measures m = measures();
        assertThat(m.victimFeedback()).isEqualTo(new Measures.Feedback(2, 3.0, 3.0, 3.0, 5.0, 1.0));
        assertThat(m.activeDisruptions().total()).isEqualTo(2);
        assertThat(m.activeDisruptions().byType()).containsEntry("SRO", 1L).containsEntry("SHPO", 0L)
                .containsEntry("pre_charge_bail_conditions", 1L);
        // With a crime filter, only orders on suspects of matching crimes count (person 11 has none).
        assertThat(measures(MeasureFilter.parse(List.of("team=T1"))).activeDisruptions().total()).isEqualTo(1);
        // Open crimes per officer: O1 → 3 (crimes 1, 4, 7), O2 → 1 (crime 2), O0 → 1 (crime 3).
        assertThat(m.openCaseload()).isEqualTo(new Measures.Caseload(3, 1, 3, 3, 1));
        assertThat(m.accreditedShare()).isEqualTo(new Rate(1, 2));
        assertThat(m.abstractionDays()).isZero();
    }

    @Test
    void abstractionDaysCountInsideThePeriodUpToTheAsOfDate() {
        // The period is FROM..TO, known on AS_OF; a span counts its days inside the period, inclusive.
        b.abstraction("NWP", "O1", "T1", FROM.minusDays(3), FROM.plusDays(1)); // 2 days inside
        b.abstraction("NWP", "O2", "T2", FROM.plusDays(10), FROM.plusDays(19)); // 10 days
        b.abstraction("NWP", "O9", null, FROM, FROM.plusDays(5)); // not in a RASSO team: not counted
        b.abstraction("NWP", "O1", "T1", TO.plusDays(1), TO.plusDays(9)); // after the period
        assertThat(measures().abstractionDays()).isEqualTo(12);
        assertThat(measures(MeasureFilter.parse(List.of("team=T2"))).abstractionDays()).isEqualTo(10);
        assertThat(measures(MeasureFilter.parse(List.of("officer=O1"))).abstractionDays()).isEqualTo(2);
    }
}
