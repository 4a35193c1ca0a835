package org.soteria.security;

import java.util.Optional;
import org.soteria.reference.Choice;
import org.soteria.reference.Coded;

/** The roles of Soteria's users; the user name of each demo account is the role's code. */
public enum Role implements Choice {
    INVESTIGATOR("investigator", "Investigator"),
    SUPERVISOR("supervisor", "Supervisor"),
    VICTIM_LIAISON("victim-liaison", "Victim liaison officer"),
    ANALYST("analyst", "Analyst"),
    FORCE_LEAD("force-lead", "Force Soteria lead"),
    AUDITOR("auditor", "Auditor"),
    RESEARCHER("researcher", "Researcher"),
    ADMIN("admin", "Administrator"),
    RECORDS_MANAGER("records-manager", "Records manager"),
    NATIONAL_COORDINATOR("national-coordinator", "National coordinator"),
    /** A prosecutor of a CPS area's RASSO unit: a partner user (ADR 32). */
    CPS_PROSECUTOR("cps-prosecutor", "CPS prosecutor"),
    /** An independent sexual violence adviser of a victim service: a partner user (ADR 32). */
    ISVA("isva", "Independent sexual violence adviser");

    private final String code;
    private final String label;

    Role(String code, String label) {
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

    /**
     * The display name of the role's demo account: "Demo" and the role, the ISVA's in short. It is a name, shown as it
     * is in either language, so it carries no long English label onto Welsh pages.
     */
    public String demoName() {
        return "Demo " + (this == ISVA ? "ISVA" : label);
    }

    /** Whether the role belongs to a partner organisation, not the force: it sees only what is shared with it. */
    public boolean partner() {
        return !partnerKinds().isEmpty();
    }

    /**
     * The kinds of partner organisation (V47's partner_org.kind) a partner user of this role may belong to: a prosecutor
     * to a CPS unit; an adviser to an ISVA service or a SARC (whose crisis workers and advisers act for the victim
     * alike, on the same shared parts); none for the force's own roles.
     */
    public java.util.Set<String> partnerKinds() {
        return switch (this) {
            case CPS_PROSECUTOR -> java.util.Set.of("cps");
            case ISVA -> java.util.Set.of("isva", "sarc");
            default -> java.util.Set.of();
        };
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        return Coded.parse(Role.class, code);
    }
}
