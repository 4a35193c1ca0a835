package org.soteria.assessment;

import java.util.function.Function;
import org.soteria.performance.Measures;

/**
 * The measures an improvement action can be linked to (any number of them), each a rate the measures engine reads, so
 * that it can be compared before and after the action went live and read month by month; the code is the measure's
 * key, which marks the action on that measure's charts.
 */
public enum PlanMeasure {
    CHARGE_RATE("charge_rate", "Charge rate", m -> m.chargeRate()),
    VICTIM_DOES_NOT_SUPPORT_RATE("victim_does_not_support_rate", "Victim does not support rate",
            m -> m.victimDoesNotSupportRate()),
    CPS_CHARGE_RATE("cps_charge_rate", "CPS charge rate", m -> m.cpsChargeRate()),
    VICTIMS_CODE_COMPLIANCE("victims_code_compliance", "Victims' Code duties met on time",
            m -> m.victimsCodeCompliance().total()),
    REPEAT_SUSPECT_SHARE("repeat_suspect_share", "Crimes with a repeat suspect", m -> m.repeatSuspectShare()),
    CONVICTION_RATE("conviction_rate", "Conviction rate", m -> m.convictionRate()),
    CPS_FILES_RETURNED("cps_files_returned", "Files returned by the CPS", m -> m.partners().filesReturned()),
    ISVA_REFERRALS("isva_referrals", "Victims referred to an ISVA", m -> m.partners().isvaReferrals()),
    WITHDRAWALS_WITH_ISVA("withdrawals_with_isva", "Withdrawals after a referral to an ISVA",
            m -> m.partners().withdrawalsWithIsva()),
    ISVA_SUPPORTED("isva_supported", "Victims referred to an ISVA and supported by one",
            m -> m.partners().isvaSupported()),
    WITHDRAWALS_AFTER_ISVA_SUPPORT("withdrawals_after_isva_support", "Withdrawals after support from an ISVA",
            m -> m.partners().withdrawalsAfterIsvaSupport()),
    EARLY_ADVICE_WITHIN_TARGET("early_advice_within_target", "Early advice answered within target",
            m -> m.partners().earlyAdviceWithinTarget()),
    POLICE_ACTIONS_OVERDUE("police_actions_overdue", "Police actions overdue", m -> m.partners().policeActionsOverdue()),
    CPS_ACTIONS_OVERDUE("cps_actions_overdue", "CPS actions overdue", m -> m.partners().cpsActionsOverdue());

    private final String code;
    private final String label;
    private final Function<Measures, Measures.Rate> rate;

    PlanMeasure(String code, String label, Function<Measures, Measures.Rate> rate) {
        this.code = code;
        this.label = label;
        this.rate = rate;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    Measures.Rate of(Measures m) {
        return rate.apply(m);
    }

    static PlanMeasure of(String code) {
        for (PlanMeasure p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        return null;
    }
}
