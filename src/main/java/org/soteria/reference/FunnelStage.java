package org.soteria.reference;

import java.util.Optional;

/**
 * The stages of the attrition funnel (kpis.md), in order, and which event evidences each. A crime
 * reaches a stage on the first day of its own evidence or of any later stage's (stages are cumulative).
 * The crime's suspect link (from recording) and a charged outcome (on its date) are evidence too.
 */
public enum FunnelStage implements Choice {
    RECORDED("recorded", "Recorded"),
    SUSPECT_IDENTIFIED("suspect_identified", "Suspect identified"),
    ARRESTED_OR_INTERVIEWED("arrested_or_interviewed", "Suspect arrested or interviewed"),
    REFERRED_TO_CPS("referred_to_cps", "Referred to the CPS"),
    CHARGED("charged", "Charged"),
    CONVICTED("convicted", "Convicted");

    private final String code;
    private final String label;

    FunnelStage(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The stage an event of this type and detail evidences, if any. */
    public static Optional<FunnelStage> evidencedBy(EventType type, String detail) {
        return Optional.ofNullable(switch (type) {
            case SUSPECT_IDENTIFIED -> SUSPECT_IDENTIFIED;
            case ARREST, VOLUNTARY_INTERVIEW, INTERVIEW_UNDER_CAUTION -> ARRESTED_OR_INTERVIEWED;
            case CPS_REFERRAL -> REFERRED_TO_CPS;
            case CPS_DECISION -> CpsDecision.CHARGE.code().equals(detail) ? CHARGED : null;
            case CHARGE -> CHARGED;
            case COURT_OUTCOME -> CourtOutcome.CONVICTED.code().equals(detail) ? CONVICTED : null;
            default -> null;
        });
    }
}
