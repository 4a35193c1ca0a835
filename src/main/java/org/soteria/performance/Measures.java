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

    /**
     * Mean score per procedural-justice dimension; null without responses. As the engine computes it, every form
     * returned in the period; as it is shown (ADR 24), the published whole months of the period only: {@code months}
     * lists them, {@code monthsWithheld} counts months whose answers were too few to show, {@code includesLate} says
     * that some forms arrived after their own month was published and count in the month they came, and
     * {@code notPublished} says why nothing at all is published for the query (null otherwise).
     */
    public record Feedback(long responses, Double dignity, Double fairness, Double voice, Double safety, Double trust,
            List<java.time.YearMonth> months, int monthsWithheld, boolean includesLate, String notPublished) {

        public Feedback(long responses, Double dignity, Double fairness, Double voice, Double safety, Double trust) {
            this(responses, dignity, fairness, voice, safety, trust, List.of(), 0, false, null);
        }

        public Feedback {
            months = List.copyOf(months);
        }

        /** Nothing published for this query, with the reason. */
        public static Feedback notPublished(String why) {
            return new Feedback(0, null, null, null, null, null, List.of(), 0, false, why);
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
