package org.soteria.performance;

import java.util.List;
import java.util.Map;

/**
 * Every measure of kpis.md for one query. Counts are longs; rates keep their numerator and
 * denominator so that "no data" (an empty denominator) is never shown as 0.
 */
public record Measures(
        MeasureQuery query,
        long recorded,
        N100 n100Incidents,
        Rate thirdPartyShare,
        long outcomesAssigned,
        Rate chargeRate,
        Rate victimDoesNotSupportRate,
        Rate victimDoesNotSupportRateExcludingUnconsentedThirdParty,
        Map<String, GroupShare> outcomeGroupShares,
        Rate cohortChargeRate,
        List<FunnelStage> attritionFunnel,
        Map<Integer, Long> openAfterDays,
        Distribution daysToCharge,
        Distribution daysToOutcome,
        Distribution daysReportToCpsReferral,
        long cpsReferrals,
        Rate cpsChargeRate,
        long convictions,
        Rate convictionRate,
        Breakdown victimsCodeCompliance,
        Withdrawals withdrawalByStageAndReason,
        Feedback victimFeedback,
        Rate repeatSuspectShare,
        Disruptions activeDisruptions,
        Caseload openCaseload,
        Rate accreditedShare,
        Long abstractionDays,
        Partners partners,
        java.util.Set<Measure> withheld) {

    public Measures {
        withheld = withheld == null ? java.util.Set.of() : java.util.Set.copyOf(withheld);
    }

    /** The measures as the engine gives them: nothing withheld. */
    public Measures(MeasureQuery query, long recorded, N100 n100Incidents, Rate thirdPartyShare, long outcomesAssigned,
            Rate chargeRate, Rate victimDoesNotSupportRate, Rate victimDoesNotSupportRateExcludingUnconsentedThirdParty,
            Map<String, GroupShare> outcomeGroupShares, Rate cohortChargeRate, List<FunnelStage> attritionFunnel,
            Map<Integer, Long> openAfterDays, Distribution daysToCharge, Distribution daysToOutcome,
            Distribution daysReportToCpsReferral, long cpsReferrals, Rate cpsChargeRate, long convictions,
            Rate convictionRate, Breakdown victimsCodeCompliance, Withdrawals withdrawalByStageAndReason,
            Feedback victimFeedback, Rate repeatSuspectShare, Disruptions activeDisruptions, Caseload openCaseload,
            Rate accreditedShare, Long abstractionDays, Partners partners) {
        this(query, recorded, n100Incidents, thirdPartyShare, outcomesAssigned, chargeRate, victimDoesNotSupportRate,
                victimDoesNotSupportRateExcludingUnconsentedThirdParty, outcomeGroupShares, cohortChargeRate,
                attritionFunnel, openAfterDays, daysToCharge, daysToOutcome, daysReportToCpsReferral, cpsReferrals,
                cpsChargeRate, convictions, convictionRate, victimsCodeCompliance, withdrawalByStageAndReason,
                victimFeedback, repeatSuspectShare, activeDisruptions, openCaseload, accreditedShare, abstractionDays,
                partners, java.util.Set.of());
    }

    /** These measures with the victim feedback replaced. */
    public Measures withVictimFeedback(Feedback f) {
        return new Measures(query, recorded, n100Incidents, thirdPartyShare, outcomesAssigned, chargeRate,
                victimDoesNotSupportRate, victimDoesNotSupportRateExcludingUnconsentedThirdParty, outcomeGroupShares,
                cohortChargeRate, attritionFunnel, openAfterDays, daysToCharge, daysToOutcome,
                daysReportToCpsReferral, cpsReferrals, cpsChargeRate, convictions, convictionRate,
                victimsCodeCompliance, withdrawalByStageAndReason, f, repeatSuspectShare, activeDisruptions,
                openCaseload, accreditedShare, abstractionDays, partners, withheld);
    }

    /** Whether a measure is withheld from this user because it rests on too few crimes (ADR 24). */
    public boolean isWithheld(Measure m) {
        return withheld.contains(m);
    }

    /**
     * These measures with {@code which} withheld (ADR 24): their figures emptied, so that no table or chart drawn
     * from them can show what they were, and named, so that pages and files say why they are missing.
     */
    public Measures withholding(java.util.Set<Measure> which) {
        if (which.isEmpty()) {
            return this;
        }
        java.util.Set<Measure> all = java.util.EnumSet.noneOf(Measure.class);
        all.addAll(withheld);
        all.addAll(which);
        Rate none = new Rate(0, 0);
        Distribution noDays = new Distribution(0, null, null, null);
        boolean cohort = all.contains(Measure.RECORDED);
        boolean outcomes = all.contains(Measure.OUTCOMES_ASSIGNED);
        Map<String, GroupShare> groups = outcomeGroupShares;
        if (outcomes) {
            groups = new java.util.LinkedHashMap<>();
            for (String k : outcomeGroupShares.keySet()) {
                groups.put(k, new GroupShare(0, null));
            }
        }
        List<FunnelStage> funnel = attritionFunnel;
        Map<Integer, Long> open = openAfterDays;
        if (cohort) {
            funnel = attritionFunnel.stream().map(s -> new FunnelStage(s.stage(), 0, null, null)).toList();
            open = new java.util.LinkedHashMap<>();
            for (Integer k : openAfterDays.keySet()) {
                open.put(k, 0L);
            }
        }
        Breakdown compliance = victimsCodeCompliance;
        if (all.contains(Measure.VICTIMS_CODE_COMPLIANCE)) {
            Map<String, Rate> by = new java.util.LinkedHashMap<>();
            victimsCodeCompliance.by().keySet().forEach(k -> by.put(k, none));
            compliance = new Breakdown(none, by);
        }
        Withdrawals withdrawals = withdrawalByStageAndReason;
        if (all.contains(Measure.WITHDRAWAL_BY_STAGE_AND_REASON)) {
            Map<String, Long> reasons = new java.util.LinkedHashMap<>();
            withdrawals.byReason().keySet().forEach(k -> reasons.put(k, 0L));
            Map<String, Long> stages = new java.util.LinkedHashMap<>();
            withdrawals.byStage().keySet().forEach(k -> stages.put(k, 0L));
            withdrawals = new Withdrawals(0, reasons, stages);
        }
        Disruptions disruptions = activeDisruptions;
        if (all.contains(Measure.ACTIVE_DISRUPTIONS) && disruptions != null) {
            Map<String, Long> types = new java.util.LinkedHashMap<>();
            disruptions.byType().keySet().forEach(k -> types.put(k, 0L));
            disruptions = new Disruptions(0, types);
        }
        return new Measures(query, cohort ? 0 : recorded,
                all.contains(Measure.N100_INCIDENTS) ? new N100(0, 0, 0, 0) : n100Incidents,
                cohort ? none : thirdPartyShare, outcomes ? 0 : outcomesAssigned, outcomes ? none : chargeRate,
                outcomes ? none : victimDoesNotSupportRate,
                outcomes ? none : victimDoesNotSupportRateExcludingUnconsentedThirdParty, groups,
                cohort ? none : cohortChargeRate, funnel, open,
                all.contains(Measure.DAYS_TO_CHARGE) ? noDays : daysToCharge,
                all.contains(Measure.DAYS_TO_OUTCOME) ? noDays : daysToOutcome,
                all.contains(Measure.DAYS_REPORT_TO_CPS_REFERRAL) ? noDays : daysReportToCpsReferral,
                all.contains(Measure.CPS_REFERRALS) ? 0 : cpsReferrals,
                all.contains(Measure.CPS_CHARGE_RATE) ? none : cpsChargeRate,
                all.contains(Measure.CONVICTIONS) ? 0 : convictions,
                all.contains(Measure.CONVICTION_RATE) ? none : convictionRate, compliance, withdrawals,
                victimFeedback, cohort && repeatSuspectShare != null ? none : repeatSuspectShare, disruptions,
                openCaseload, accreditedShare, abstractionDays, new Partners(
                        all.contains(Measure.DAYS_REFERRAL_TO_CPS_DECISION) ? noDays : partners.daysReferralToDecision(),
                        all.contains(Measure.CPS_FILES_RETURNED) ? none : partners.filesReturned(),
                        all.contains(Measure.DAYS_RETURN_TO_RESUBMISSION) ? noDays
                                : partners.daysReturnToResubmission(),
                        all.contains(Measure.ISVA_REFERRALS) ? none : partners.isvaReferrals(),
                        all.contains(Measure.WITHDRAWALS_WITH_ISVA) ? none : partners.withdrawalsWithIsva(),
                        all.contains(Measure.EARLY_ADVICE_WITHIN_TARGET) ? none : partners.earlyAdviceWithinTarget(),
                        all.contains(Measure.POLICE_ACTIONS_OVERDUE) ? none : partners.policeActionsOverdue(),
                        all.contains(Measure.CPS_ACTIONS_OVERDUE) ? none : partners.cpsActionsOverdue(),
                        all.contains(Measure.ISVA_SUPPORTED) ? none : partners.isvaSupported(),
                        all.contains(Measure.WITHDRAWALS_AFTER_ISVA_SUPPORT) ? none
                                : partners.withdrawalsAfterIsvaSupport()), all);
    }

    /**
     * How the police and their partners work a case (docs/partner-measures.md): days from the latest CPS referral to
     * each charging decision in the period; of the CPS's decisions in the period, the files returned for further work;
     * days from a return to the file's resubmission, for resubmissions in the period; of victims' support referrals in
     * the period, those to an ISVA; of victims' withdrawals in the period, those after a referral to an ISVA; of
     * requests for early advice in the period, those answered within target; of each side's actions of the joint
     * action plan due in the period, those overdue; of referrals to an ISVA in the period, those whose victim an ISVA
     * supported; and of victims' withdrawals in the period, those after an ISVA's support.
     */
    public record Partners(Distribution daysReferralToDecision, Rate filesReturned,
            Distribution daysReturnToResubmission, Rate isvaReferrals, Rate withdrawalsWithIsva,
            Rate earlyAdviceWithinTarget, Rate policeActionsOverdue, Rate cpsActionsOverdue, Rate isvaSupported,
            Rate withdrawalsAfterIsvaSupport) {
    }

    /** A share: numerator ÷ denominator, with no value when the denominator is 0. */
    public record Rate(long numerator, long denominator) {

        public Double value() {
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }

    /** A rate with the same rate for each of its parts. */
    public record Breakdown(Rate total, Map<String, Rate> by) {
    }

    /** A distribution of whole days: count, median, 25th and 90th percentiles (nearest rank). */
    public record Distribution(long count, Integer median, Integer p25, Integer p90) {
    }

    public record N100(long total, long code1, long code2, long code3) {
    }

    public record GroupShare(long count, Double share) {
    }

    public record FunnelStage(String stage, long count, Double shareOfRecorded, Double shareOfPrevious) {
    }

    public record Withdrawals(long total, Map<String, Long> byReason, Map<String, Long> byStage) {
    }

    /**
     * Mean score per procedural-justice dimension; null without responses. As the engine computes it, every form
     * returned in the period; as it is shown (ADR 24), the published whole months of the period only: {@code months}
     * lists them, {@code monthsWithheld} counts months whose answers were too few to show, {@code includesLate} says
     * that some forms arrived after their own month was published and count in the month they came, and
     * {@code notPublished} says why nothing at all is published for the query (null otherwise), in English for the
     * API and the command line, and {@code notShown} the same as a message code for pages ({@code platform.Fault}).
     */
    public record Feedback(long responses, Double dignity, Double fairness, Double voice, Double safety, Double trust,
            List<java.time.YearMonth> months, int monthsWithheld, boolean includesLate, String notPublished,
            String notShown) {

        public Feedback(long responses, Double dignity, Double fairness, Double voice, Double safety, Double trust) {
            this(responses, dignity, fairness, voice, safety, trust, List.of(), 0, false, null, null);
        }

        public Feedback {
            months = List.copyOf(months);
        }

        /** Nothing published for this query, with the reason in English and as a message code. */
        public static Feedback notPublished(String why, String fault) {
            return new Feedback(0, null, null, null, null, null, List.of(), 0, false, why, fault);
        }

        /** Whether some answers of the period are left out because there were too few of them. */
        public boolean withheld() {
            return monthsWithheld > 0;
        }
    }

    public record Disruptions(long total, Map<String, Long> byType) {
    }

    public record Caseload(long officers, Integer median, Integer p90, Integer max, long aboveThreshold) {
    }
}
