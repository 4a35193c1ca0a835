package org.soteria.partner;

import java.util.List;
import org.soteria.reference.Choice;

/** The kinds of partner organisation a force works with in RASSO cases, and the parts of a case each may have. */
public enum PartnerKind implements Choice {
    CPS("cps", "Crown Prosecution Service (RASSO unit)", List.of(SharePart.FILE, SharePart.PLAN, SharePart.TIMELINE)),
    ISVA("isva", "ISVA service", List.of(SharePart.CONTACT_PLAN, SharePart.KEY_DATES)),
    SARC("sarc", "Sexual assault referral centre", List.of(SharePart.CONTACT_PLAN, SharePart.KEY_DATES));

    private final String code;
    private final String label;
    private final List<SharePart> parts;

    PartnerKind(String code, String label, List<SharePart> parts) {
        this.code = code;
        this.label = label;
        this.parts = parts;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The parts of a case this kind of organisation may be given. */
    public List<SharePart> parts() {
        return parts;
    }

    /** Whether sharing with this kind needs the victim's consent (victim services act for the victim). */
    public boolean needsConsent() {
        return this != CPS;
    }
}
