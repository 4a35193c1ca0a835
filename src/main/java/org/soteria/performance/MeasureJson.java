package org.soteria.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable form of kpis.md: one JSON object whose keys are the measure names. */
public final class MeasureJson {

    private MeasureJson() {
    }

    public static Map<String, Object> of(Measures m) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", m.query().from().toString());
        period.put("to", m.query().to().toString());
        out.put("period", period);
        out.put("as_of", m.query().asOf().toString());
        out.put("filters", m.query().filter().asMap());
        out.put("recorded", m.recorded());
        Map<String, Object> n100 = new LinkedHashMap<>();
        n100.put("total", m.n100Incidents().total());
        n100.put("1", m.n100Incidents().code1());
        n100.put("2", m.n100Incidents().code2());
        n100.put("3", m.n100Incidents().code3());
        out.put("n100_incidents", n100);
        out.put("third_party_share", rate(m.thirdPartyShare()));
        out.put("outcomes_assigned", m.outcomesAssigned());
        out.put("charge_rate", rate(m.chargeRate()));
        out.put("victim_does_not_support_rate", rate(m.victimDoesNotSupportRate()));
        out.put("victim_does_not_support_rate_excluding_unconsented_third_party",
                rate(m.victimDoesNotSupportRateExcludingUnconsentedThirdParty()));
        Map<String, Object> groups = new LinkedHashMap<>();
        m.outcomeGroupShares().forEach((g, s) -> {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("count", s.count());
            share.put("share", s.share());
            groups.put(g, share);
        });
        out.put("outcome_group_shares", groups);
        out.put("cohort_charge_rate", rate(m.cohortChargeRate()));
        List<Object> funnel = new ArrayList<>();
        for (Measures.FunnelStage s : m.attritionFunnel()) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("stage", s.stage());
            stage.put("count", s.count());
            stage.put("share_of_recorded", s.shareOfRecorded());
            stage.put("share_of_previous", s.shareOfPrevious());
            funnel.add(stage);
        }
        out.put("attrition_funnel", funnel);
        Map<String, Object> open = new LinkedHashMap<>();
        m.openAfterDays().forEach((n, c) -> open.put(Integer.toString(n), c));
        out.put("open_after_days", open);
        out.put("days_to_charge", distribution(m.daysToCharge()));
        out.put("days_to_outcome", distribution(m.daysToOutcome()));
        out.put("days_report_to_cps_referral", distribution(m.daysReportToCpsReferral()));
        out.put("cps_referrals", m.cpsReferrals());
        out.put("cps_charge_rate", rate(m.cpsChargeRate()));
        out.put("days_referral_to_cps_decision", distribution(m.partners().daysReferralToDecision()));
        out.put("cps_files_returned", rate(m.partners().filesReturned()));
        out.put("days_return_to_resubmission", distribution(m.partners().daysReturnToResubmission()));
        out.put("isva_referrals", rate(m.partners().isvaReferrals()));
        out.put("withdrawals_with_isva", rate(m.partners().withdrawalsWithIsva()));
        out.put("early_advice_within_target", rate(m.partners().earlyAdviceWithinTarget()));
        out.put("police_actions_overdue", rate(m.partners().policeActionsOverdue()));
        out.put("cps_actions_overdue", rate(m.partners().cpsActionsOverdue()));
        out.put("isva_supported", rate(m.partners().isvaSupported()));
        out.put("withdrawals_after_isva_support", rate(m.partners().withdrawalsAfterIsvaSupport()));
        out.put("convictions", m.convictions());
        out.put("conviction_rate", rate(m.convictionRate()));
        Map<String, Object> compliance = rate(m.victimsCodeCompliance().total());
        Map<String, Object> by = new LinkedHashMap<>();
        m.victimsCodeCompliance().by().forEach((k, r) -> by.put(k, rate(r)));
        compliance.put("by", by);
        out.put("victims_code_compliance", compliance);
        Map<String, Object> withdrawals = new LinkedHashMap<>();
        withdrawals.put("total", m.withdrawalByStageAndReason().total());
        withdrawals.put("by_reason", m.withdrawalByStageAndReason().byReason());
        withdrawals.put("by_stage", m.withdrawalByStageAndReason().byStage());
        out.put("withdrawal_by_stage_and_reason", withdrawals);
        Measures.Feedback f = m.victimFeedback();
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("responses", f.responses());
        feedback.put("dignity", f.dignity());
        feedback.put("fairness", f.fairness());
        feedback.put("voice", f.voice());
        feedback.put("safety", f.safety());
        feedback.put("trust", f.trust());
        feedback.put("months", f.months().stream().map(Object::toString).toList());
        feedback.put("months_withheld", f.monthsWithheld());
        feedback.put("includes_late_answers", f.includesLate());
        if (f.notPublished() != null) {
            feedback.put("not_published", f.notPublished());
        }
        out.put("victim_feedback", feedback);
        out.put("repeat_suspect_share", rate(m.repeatSuspectShare()));
        Map<String, Object> disruptions = new LinkedHashMap<>();
        disruptions.put("total", m.activeDisruptions().total());
        disruptions.put("by_type", m.activeDisruptions().byType());
        out.put("active_disruptions", disruptions);
        Measures.Caseload c = m.openCaseload();
        Map<String, Object> caseload = new LinkedHashMap<>();
        caseload.put("officers", c.officers());
        caseload.put("median", c.median());
        caseload.put("p90", c.p90());
        caseload.put("max", c.max());
        caseload.put("above_threshold", c.aboveThreshold());
        out.put("open_caseload", caseload);
        out.put("accredited_share", rate(m.accreditedShare()));
        out.put("abstraction_days", m.abstractionDays());
        for (Measure w : m.withheld()) {
            out.put(w.key(), Map.of("withheld", WITHHELD));
        }
        return out;
    }

    /** Why a measure is missing from a query below force level (ADR 24). */
    public static final String WITHHELD = "rests on too few crimes to show below force level";

    static Map<String, Object> rate(Measures.Rate r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("numerator", r.numerator());
        out.put("denominator", r.denominator());
        out.put("value", r.value());
        return out;
    }

    static Map<String, Object> distribution(Measures.Distribution d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", d.count());
        out.put("median", d.median());
        out.put("p25", d.p25());
        out.put("p90", d.p90());
        return out;
    }
}
