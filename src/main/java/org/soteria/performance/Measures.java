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
        Long abstractionDays) {

    /** These measures with the victim feedback replaced. */
    public Measures withVictimFeedback(Feedback f) {
        return new Measures(query, recorded, n100Incidents, thirdPartyShare, outcomesAssigned, chargeRate,
                victimDoesNotSupportRate, victimDoesNotSupportRateExcludingUnconsentedThirdParty, outcomeGroupShares,
                cohortChargeRate, attritionFunnel, openAfterDays, daysToCharge, daysToOutcome,
                daysReportToCpsReferral, cpsReferrals, cpsChargeRate, convictions, convictionRate,
                victimsCodeCompliance, withdrawalByStageAndReason, f, repeatSuspectShare, activeDisruptions,
                openCaseload, accreditedShare, abstractionDays);
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

    /** Mean score per procedural-justice dimension; null without responses. */
    public record Feedback(long responses, Double dignity, Double fairness, Double voice, Double safety, Double trust) {

        /**
         * The same responses without their means when there are fewer than {@code minimum}: with so few,
         * a mean could give away one victim's answers, and nobody may see those.
         */
        public Feedback withheldBelow(int minimum) {
            return responses > 0 && responses < minimum ? new Feedback(responses, null, null, null, null, null) : this;
        }

        /** Whether the means are withheld because there are too few responses. */
        public boolean withheld() {
            return responses > 0 && dignity == null && fairness == null && voice == null && safety == null
                    && trust == null;
        }
    }

    public record Disruptions(long total, Map<String, Long> byType) {
    }

    public record Caseload(long officers, Integer median, Integer p90, Integer max, long aboveThreshold) {
    }
}
