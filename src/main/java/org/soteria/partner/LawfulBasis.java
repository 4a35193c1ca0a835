package org.soteria.partner;

import org.soteria.reference.Choice;

/** The lawful basis on which an officer shares a case with a partner (Data Protection Act 2018, UK GDPR). */
public enum LawfulBasis implements Choice {
    LAW_ENFORCEMENT("law_enforcement", "Law enforcement purposes (Data Protection Act 2018, Part 3)"),
    CONSENT("consent", "The victim's consent"),
    VITAL_INTERESTS("vital_interests", "To protect someone's life (vital interests)"),
    LEGAL_OBLIGATION("legal_obligation", "A legal obligation to share");

    private final String code;
    private final String label;

    LawfulBasis(String code, String label) {
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
