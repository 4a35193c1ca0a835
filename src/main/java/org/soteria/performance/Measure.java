package org.soteria.performance;

/** The measures of kpis.md in its order, each with its title, basis and unit as the pages and exports state them. */
public enum Measure {
    RECORDED("recorded", "Crimes recorded", "crimes recorded in the period", "crime"),
    N100_INCIDENTS("n100_incidents", "N100 incidents", "N100 incidents recorded in the period, by sub-code", "incident"),
    THIRD_PARTY_SHARE("third_party_share", "Reported by someone other than the victim",
            "of crimes recorded in the period", "crime"),
    OUTCOMES_ASSIGNED("outcomes_assigned", "Outcomes assigned", "crimes given an outcome in the period", "crime"),
    CHARGE_RATE("charge_rate", "Charge rate", "of outcomes assigned in the period: outcome 1 or 1A", "crime"),
    VICTIM_DOES_NOT_SUPPORT_RATE("victim_does_not_support_rate", "Victim does not support",
            "of outcomes assigned in the period: outcome 14 or 16", "crime"),
    VICTIM_DOES_NOT_SUPPORT_EXCLUDING("victim_does_not_support_rate_excluding_unconsented_third_party",
            "Victim does not support, unconsented third-party reports left out",
            "as victim_does_not_support_rate, without third-party reports the victim did not consent to", "crime"),
    OUTCOME_GROUP_SHARES("outcome_group_shares", "Outcome groups", "of outcomes assigned in the period", "crime"),
    COHORT_CHARGE_RATE("cohort_charge_rate", "Charged so far (cohort)",
            "of crimes recorded in the period, charged by the as-of date", "crime"),
    ATTRITION_FUNNEL("attrition_funnel", "Attrition funnel",
            "crimes recorded in the period, by the furthest stage reached by the as-of date", "crime"),
    OPEN_AFTER_DAYS("open_after_days", "Still open after 90, 180 and 365 days",
            "crimes recorded in the period that were at least N days old at as-of", "crime"),
    DAYS_TO_CHARGE("days_to_charge", "Days from report to charge", "crimes charged in the period", "days"),
    DAYS_TO_OUTCOME("days_to_outcome", "Days from report to outcome", "outcomes assigned in the period", "days"),
    DAYS_REPORT_TO_CPS_REFERRAL("days_report_to_cps_referral", "Days from report to CPS referral",
            "crimes first referred to the CPS in the period", "days"),
    CPS_REFERRALS("cps_referrals", "Referred to the CPS", "crimes first referred to the CPS in the period", "crime"),
    CPS_CHARGE_RATE("cps_charge_rate", "CPS charge rate",
            "CPS decisions in the period: charge ÷ (charge + no charge)", "event"),
    DAYS_REFERRAL_TO_CPS_DECISION("days_referral_to_cps_decision", "Days from CPS referral to charging decision",
            "charging decisions (charge or no charge) in the period, from the latest referral before each", "days"),
    CPS_FILES_RETURNED("cps_files_returned", "Files returned by the CPS",
            "CPS decisions in the period: further evidence requested ÷ all (charge, no charge, further evidence)", "event"),
    DAYS_RETURN_TO_RESUBMISSION("days_return_to_resubmission", "Days from a return to resubmission",
            "referrals in the period that follow a return, from that return", "days"),
    ISVA_REFERRALS("isva_referrals", "Victims referred to an ISVA",
            "victims' support referrals in the period: to an ISVA ÷ all (ISVA, other support, declined)", "event"),
    WITHDRAWALS_WITH_ISVA("withdrawals_with_isva", "Withdrawals after a referral to an ISVA",
            "victims' withdrawals in the period: after the victim was referred to an ISVA ÷ all withdrawals", "event"),
    EARLY_ADVICE_WITHIN_TARGET("early_advice_within_target", "Early advice answered within target",
            "requests for early advice made in the period, answered or past their target by the as-of date: "
                    + "answered within target ÷ all", "request"),
    POLICE_ACTIONS_OVERDUE("police_actions_overdue", "Police actions overdue",
            "the police's actions of joint action plans due in the period before the as-of date: not done by the due "
                    + "date ÷ all", "action"),
    CPS_ACTIONS_OVERDUE("cps_actions_overdue", "CPS actions overdue",
            "the CPS's actions of joint action plans due in the period before the as-of date: not done by the due "
                    + "date ÷ all", "action"),
    ISVA_SUPPORTED("isva_supported", "Victims referred to an ISVA and supported by one",
            "referrals to an ISVA in the period: the victim supported by an ISVA (a support contact recorded in "
                    + "Soteria) by the as-of date ÷ all", "event"),
    WITHDRAWALS_AFTER_ISVA_SUPPORT("withdrawals_after_isva_support", "Withdrawals after support from an ISVA",
            "victims' withdrawals in the period: after an ISVA's support contact recorded in Soteria ÷ all withdrawals",
            "event"),
    CONVICTIONS("convictions", "Convictions", "court results in the period: convicted", "event"),
    CONVICTION_RATE("conviction_rate", "Conviction rate",
            "court results in the period: convicted ÷ (convicted + acquitted + discontinued)", "event"),
    VICTIMS_CODE_COMPLIANCE("victims_code_compliance", "Victims' Code duties met on time",
            "obligations due in the period and by the as-of date; overdue ones count as not met", "obligation"),
    WITHDRAWAL_BY_STAGE_AND_REASON("withdrawal_by_stage_and_reason", "Victim withdrawals",
            "victim withdrawals in the period, by reason and by the furthest stage reached that day", "event"),
    VICTIM_FEEDBACK("victim_feedback", "Victim feedback (mean score 1 to 5)", "feedback returned in the period",
            "response"),
    REPEAT_SUSPECT_SHARE("repeat_suspect_share", "Crimes with a repeat suspect",
            "of crimes recorded in the period with a suspect; repeat suspect at the as-of date", "crime"),
    ACTIVE_DISRUPTIONS("active_disruptions", "Civil orders and bail conditions in force",
            "orders in force at the as-of date, by type", "order"),
    OPEN_CASELOAD("open_caseload", "Open crimes per officer",
            "officers in the case of at least one open crime at the as-of date", "crime"),
    ACCREDITED_SHARE("accredited_share", "Officers with a current accreditation",
            "officers in teams at the as-of date", "officer"),
    ABSTRACTION_DAYS("abstraction_days", "Days officers were abstracted",
            "days officers of a team were taken off RASSO work, inside the period up to the as-of date", "day");

    private final String key;
    private final String title;
    private final String basis;
    private final String unit;

    Measure(String key, String title, String basis, String unit) {
        this.key = key;
        this.title = title;
        this.basis = basis;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String basis() {
        return basis;
    }

    public String unit() {
        return unit;
    }
}
