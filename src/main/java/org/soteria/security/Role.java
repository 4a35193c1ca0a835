package org.soteria.security;

import java.util.Optional;

/** The roles of Soteria's users; the user name of each demo account is the role's code. */
public enum Role {
    INVESTIGATOR("investigator", "Investigator"),
    SUPERVISOR("supervisor", "Supervisor"),
    VICTIM_LIAISON("victim-liaison", "Victim liaison officer"),
    ANALYST("analyst", "Analyst"),
    FORCE_LEAD("force-lead", "Force Soteria lead"),
    AUDITOR("auditor", "Auditor"),
    RESEARCHER("researcher", "Researcher"),
    ADMIN("admin", "Administrator"),
    NATIONAL_COORDINATOR("national-coordinator", "National coordinator");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (r.code.equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
