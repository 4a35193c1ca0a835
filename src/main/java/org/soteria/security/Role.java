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
        return this == CPS_PROSECUTOR || this == ISVA;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        return Coded.parse(Role.class, code);
    }
}
