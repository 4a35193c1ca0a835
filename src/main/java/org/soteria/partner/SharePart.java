package org.soteria.partner;

import org.soteria.reference.Choice;

/**
 * A part of a case an officer may share. The CPS may have the file (the crime, the people in it, the file's
 * readiness and the CPS actions), the investigation plan and the timeline; a victim service the victim's contact plan
 * and the key dates (arrest, bail, charge, no further action, court), never the suspect's details. PostgreSQL holds
 * the same map (V47): each table of the case belongs to its parts.
 */
public enum SharePart implements Choice {
    FILE("file", "The file: the crime, the people in it, readiness and CPS actions"),
    PLAN("plan", "The investigation plan: stage, lines of enquiry, bail"),
    TIMELINE("timeline", "The timeline of events"),
    CONTACT_PLAN("contact_plan", "The victim's contact plan and wishes"),
    KEY_DATES("key_dates", "Key dates and decisions: arrest, bail, charge, no further action, court");

    private final String code;
    private final String label;

    SharePart(String code, String label) {
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
}
