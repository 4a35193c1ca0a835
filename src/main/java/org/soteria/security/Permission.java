package org.soteria.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do. Until need-to-know per crime arrives, case pages are limited to the roles whose
 * work is with named people; analysts, researchers and the national team see no names.
 */
public enum Permission {
    VIEW_CASES(EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.FORCE_LEAD, Role.AUDITOR,
            Role.ADMIN)),
    VIEW_RESTRICTED_CASES(EnumSet.of(Role.FORCE_LEAD, Role.ADMIN)),
    VIEW_IMPORT_RUNS(EnumSet.of(Role.FORCE_LEAD, Role.ADMIN, Role.AUDITOR));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public String[] roleNames() {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
