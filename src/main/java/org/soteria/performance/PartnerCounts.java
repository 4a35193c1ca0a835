package org.soteria.performance;

import java.util.List;

/**
 * The partner measures that rest on what the police and their partners record in Soteria (docs/partner-measures.md):
 * early advice and its answer, the joint action plan's actions, and ISVAs' support contacts. Each is settled at the
 * as-of date: what had not happened by then has not happened, and what is still within its time is not counted yet.
 */
final class PartnerCounts {

    private PartnerCounts() {
    }

    /**
     * Requests for early advice made in the period: answered within {@code targetDays} of the request, of those answered
     * by the as-of date or whose target had passed by then (the rest are still within their target and not counted).
     */
    static Measures.Rate earlyAdviceWithinTarget(List<MeasureEngine.Matcher> matchers, int from, int last, int asOf,
            int targetDays) {
        long within = 0;
        long settled = 0;
        for (MeasureEngine.Matcher m : matchers) {
            MeasureFacts.Marks marks = m.f.marks[CrimeRecord.EARLY_ADVICE];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                if (!m.isCrime(marks.slot()[k])) {
                    continue;
                }
                int asked = marks.day()[k];
                int days = marks.detail()[k];
                boolean answered = days != CrimeRecord.NEVER && asked + days <= asOf;
                if (answered || asOf > asked + targetDays) {
                    settled++;
                    within += answered && days <= targetDays ? 1 : 0;
                }
            }
        }
        return new Measures.Rate(within, settled);
    }

    /**
     * Actions of one side (police or CPS) due in the period and before the as-of date: those not done by their due
     * date, of all of them.
     */
    static Measures.Rate actionsOverdue(List<MeasureEngine.Matcher> matchers, boolean cps, int from, int last,
            int asOf) {
        int lastDue = Math.min(last, asOf - 1);
        long overdue = 0;
        long due = 0;
        for (MeasureEngine.Matcher m : matchers) {
            MeasureFacts.Marks marks = m.f.marks[cps ? CrimeRecord.CPS_ACTION : CrimeRecord.POLICE_ACTION];
            for (int k = marks.from(from), end = lastDue < from ? k : marks.to(lastDue); k < end; k++) {
                if (m.isCrime(marks.slot()[k])) {
                    due++;
                    overdue += marks.detail()[k] == 1 ? 0 : 1;
                }
            }
        }
        return new Measures.Rate(overdue, due);
    }

    /** Referrals to an ISVA in the period: those whose victim an ISVA had a support contact with by the as-of date. */
    static Measures.Rate isvaSupported(List<MeasureEngine.Matcher> matchers, int from, int last, int asOf) {
        long supported = 0;
        long referred = 0;
        for (MeasureEngine.Matcher m : matchers) {
            MeasureFacts.Marks marks = m.f.marks[CrimeRecord.ISVA_REFERRAL_SUPPORTED];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                if (m.isCrime(marks.slot()[k])) {
                    referred++;
                    int contact = marks.detail()[k];
                    supported += contact != CrimeRecord.NEVER && contact <= asOf ? 1 : 0;
                }
            }
        }
        return new Measures.Rate(supported, referred);
    }
}
