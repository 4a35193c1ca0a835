package org.soteria.reference;

import java.util.List;
import java.util.Optional;

/**
 * The event types of the exchange format, with the details each accepts and whether it is a key
 * event under the Victims' Code (exchange-format.md, victims-code.md).
 */
public enum EventType implements Coded {
    FIRST_CONTACT("first_contact", "First contact", EventCategory.VICTIM_CONTACT, false, null),
    NEEDS_ASSESSMENT("needs_assessment", "Needs assessment", EventCategory.VICTIM_CONTACT, false, null),
    VICTIM_UPDATE("victim_update", "Victim updated", EventCategory.VICTIM_CONTACT, false, null),
    SUPPORT_REFERRAL("support_referral", "Support referral", EventCategory.VICTIM_CONTACT, false,
            SupportReferralDetail.class),
    /** Its detail is the event_id of the key event the victim was told about, so it is not a fixed list. */
    VICTIM_NOTIFIED("victim_notified", "Victim notified of key event", EventCategory.VICTIM_CONTACT, false, null),
    VICTIM_WITHDRAWAL("victim_withdrawal", "Victim withdrew support", EventCategory.VICTIM_CONTACT, false,
            WithdrawalReason.class),
    VICTIM_REENGAGED("victim_reengaged", "Victim re-engaged", EventCategory.VICTIM_CONTACT, false, null),
    VRR_REQUEST("vrr_request", "Victims' Right to Review request", EventCategory.VICTIM_CONTACT, false, null),
    SUSPECT_IDENTIFIED("suspect_identified", "Suspect identified", EventCategory.INVESTIGATION, false, null),
    ARREST("arrest", "Arrest", EventCategory.INVESTIGATION, true, null),
    VOLUNTARY_INTERVIEW("voluntary_interview", "Voluntary interview", EventCategory.INVESTIGATION, false, null),
    INTERVIEW_UNDER_CAUTION("interview_under_caution", "Interview under caution", EventCategory.INVESTIGATION,
            true, null),
    BAIL("bail", "Released on bail", EventCategory.INVESTIGATION, true, null),
    BAIL_CHANGE("bail_change", "Bail conditions changed", EventCategory.INVESTIGATION, true, null),
    RELEASED_UNDER_INVESTIGATION("released_under_investigation", "Released under investigation",
            EventCategory.INVESTIGATION, true, null),
    CPS_EARLY_ADVICE("cps_early_advice", "CPS early advice", EventCategory.INVESTIGATION, false, null),
    CPS_REFERRAL("cps_referral", "Referred to CPS", EventCategory.INVESTIGATION, false, null),
    CPS_DECISION("cps_decision", "CPS decision", EventCategory.INVESTIGATION, false, CpsDecision.class),
    CHARGE("charge", "Charged", EventCategory.INVESTIGATION, true, null),
    NFA_DECISION("nfa_decision", "No further action", EventCategory.INVESTIGATION, true, null),
    OUT_OF_COURT_DISPOSAL("out_of_court_disposal", "Out-of-court disposal", EventCategory.INVESTIGATION, true, null),
    DECISION_NOT_TO_INVESTIGATE("decision_not_to_investigate", "Decision not to investigate",
            EventCategory.INVESTIGATION, true, null),
    COURT_OUTCOME("court_outcome", "Court outcome", EventCategory.COURT, false, CourtOutcome.class);

    private final String code;
    private final String label;
    private final EventCategory category;
    private final boolean keyEvent;
    private final Class<? extends Enum<?>> details;

    <E extends Enum<E> & Coded> EventType(String code, String label, EventCategory category, boolean keyEvent,
            Class<E> details) {
        this.code = code;
        this.label = label;
        this.category = category;
        this.keyEvent = keyEvent;
        this.details = details;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public EventCategory category() {
        return category;
    }

    /** A key event under the Victims' Code: the victim must be told of it within the time limit. */
    public boolean isKeyEvent() {
        return keyEvent;
    }

    /** Whether the exchange format lists the details this event type accepts. */
    public boolean hasListedDetails() {
        return details != null;
    }

    /** The listed details, in their exchange spelling; empty when details are free or references. */
    public List<String> listedDetails() {
        if (details == null) {
            return List.of();
        }
        return java.util.Arrays.stream(details.getEnumConstants()).map(e -> ((Coded) e).code()).toList();
    }

    /** The canonical spelling of a listed detail, matched case-insensitively; empty when it is not listed. */
    public Optional<String> canonicalDetail(String raw) {
        String trimmed = raw.trim();
        return listedDetails().stream().filter(d -> d.equalsIgnoreCase(trimmed)).findFirst();
    }

    public static Optional<EventType> parse(String raw) {
        return Coded.parse(EventType.class, raw);
    }
}
