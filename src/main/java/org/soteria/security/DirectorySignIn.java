package org.soteria.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in a user whom the force's directory has authenticated (OpenID Connect): their role comes from
 * their directory groups ({@code soteria.oidc.role-groups.<role>=<group id>,…}), their force from
 * {@code soteria.oidc.force}; the directory must say it checked a second factor (the {@code amr}
 * claim holds {@code mfa}) unless {@code soteria.oidc.require-mfa=false}. The Soteria account is
 * created or updated to match, keeping its officer code and teams, which administrators set.
 */
final class DirectorySignIn extends OidcUserService {

    private final UserService users;
    private final Map<String, Role> groupRoles;
    private final String force;
    private final String groupsClaim;
    private final boolean requireMfa;

    DirectorySignIn(UserService users, Environment env) {
        this.users = users;
        this.force = env.getProperty("soteria.oidc.force");
        this.groupsClaim = env.getProperty("soteria.oidc.groups-claim", "groups");
        this.requireMfa = env.getProperty("soteria.oidc.require-mfa", Boolean.class, true);
        this.groupRoles = new java.util.HashMap<>();
        for (Role role : Role.values()) {
            String groups = env.getProperty("soteria.oidc.role-groups." + role.code());
            if (groups != null) {
                for (String g : groups.split(",")) {
                    if (!g.isBlank()) {
                        groupRoles.put(g.trim(), role);
                    }
                }
            }
        }
        if (force == null || force.isBlank()) {
            throw new IllegalStateException("OpenID Connect sign-in needs soteria.oidc.force (SOTERIA_OIDC_FORCE)");
        }
        if (groupRoles.isEmpty()) {
            throw new IllegalStateException("OpenID Connect sign-in needs at least one soteria.oidc.role-groups.<role> "
                    + "mapping a directory group to a role");
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = super.loadUser(request);
        String username = username(oidc);
        if (requireMfa) {
            Object amr = oidc.getClaims().get("amr");
            boolean mfa = amr instanceof Collection<?> c && c.stream().anyMatch(v -> "mfa".equals(String.valueOf(v)));
            if (!mfa) {
                throw refuse(username, "the directory did not check a second factor (no 'mfa' in amr)");
            }
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String group : groups(oidc)) {
            Role r = groupRoles.get(group);
            if (r != null) {
                roles.add(r);
            }
        }
        if (roles.isEmpty()) {
            throw refuse(username, "not in any directory group mapped to a Soteria role");
        }
        if (roles.size() > 1) {
            throw refuse(username, "in directory groups for more than one Soteria role " + roles);
        }
        String name = oidc.getFullName() != null ? oidc.getFullName() : username;
        SoteriaUser account = users.directoryAccount(username, name, roles.iterator().next(), force);
        if (!account.isEnabled()) {
            throw refuse(username, "the Soteria account is disabled");
        }
        return new DirectoryUser(account, oidc.getIdToken(), oidc.getUserInfo());
    }

    private OAuth2AuthenticationException refuse(String username, String why) {
        users.signInFailed(username, null, "OpenID Connect: " + why);
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null));
    }

    private static String username(OidcUser oidc) {
        String u = oidc.getPreferredUsername();
        if (u == null || u.isBlank()) {
            u = oidc.getEmail();
        }
        if (u == null || u.isBlank()) {
            u = oidc.getSubject();
        }
        return u.toLowerCase(Locale.ROOT);
    }

    private List<String> groups(OidcUser oidc) {
        Object claim = oidc.getClaims().get(groupsClaim);
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
