package org.soteria.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in user: the account, its role and, for officers, the force and team they work in. */
public class SoteriaUser extends User {

    private final String displayName;
    private final Role role;
    private final String forceCode;
    private final String teamCode;

    public SoteriaUser(String username, String passwordHash, boolean enabled, String displayName, Role role,
            String forceCode, String teamCode) {
        super(username, passwordHash, enabled, true, true, true,
                List.of(new SimpleGrantedAuthority(role.authority())));
        this.displayName = displayName;
        this.role = role;
        this.forceCode = forceCode;
        this.teamCode = teamCode;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String forceCode() {
        return forceCode;
    }

    public String teamCode() {
        return teamCode;
    }

    public boolean can(Permission permission) {
        return permission.grantedTo(role);
    }
}
