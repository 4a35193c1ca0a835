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
 * Signs in a user whom the force's directory has authenticated (OpenID Connect, Microsoft Entra ID as forces run it).
 *
 * <ul>
 * <li><b>Role</b>: from the directory's app roles ({@code roles} claim, {@code soteria.oidc.role-values.<role>=<app
 * role value>,…}) and groups ({@code soteria.oidc.role-groups.<role>=<group id>,…}); exactly one Soteria role. A
 * groups overage (too many groups to list: {@code _claim_names} names {@code groups}) is refused with what to do.</li>
 * <li><b>Second factor</b>: {@code soteria.oidc.mfa} lists what proves it, any one sufficing: {@code amr} (the
 * {@code amr} claim holds {@code mfa}: v1.0 tokens and most providers), {@code acrs:<id>} (Entra's Conditional
 * Access authentication context {@code id} in the {@code acrs} claim; v2.0 ID tokens carry no {@code amr}), or
 * {@code directory-enforced} (the force states that a Conditional Access policy requires MFA for this application;
 * said at start and written into every sign-in's audit record).</li>
 * <li><b>Accounts</b>: the force from {@code soteria.oidc.force}; a directory account never takes over a local
 * account of the same name (the sign-in is refused).</li>
 * </ul>
 */
final class DirectorySignIn extends OidcUserService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectorySignIn.class);

    private final UserService users;
    private final Map<String, Role> groupRoles;
    private final Map<String, Role> appRoles;
    private final String force;
    private final String groupsClaim;
    private final List<String> mfaEvidence;

    DirectorySignIn(UserService users, Environment env) {
        this.users = users;
        this.force = env.getProperty("soteria.oidc.force");
        this.groupsClaim = env.getProperty("soteria.oidc.groups-claim", "groups");
        if (env.getProperty("soteria.oidc.require-mfa") != null) {
            throw new IllegalStateException("soteria.oidc.require-mfa is gone: say what proves the second factor with "
                    + "soteria.oidc.mfa (amr, acrs:<authentication context id>, or directory-enforced)");
        }
        this.mfaEvidence = new ArrayList<>();
        for (String e : env.getProperty("soteria.oidc.mfa", "amr").split(",")) {
            String v = e.trim();
            if (!v.equals("amr") && !v.equals("directory-enforced") && !v.matches("acrs:[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalStateException("soteria.oidc.mfa: '" + v + "' is not amr, acrs:<authentication "
                        + "context id> or directory-enforced");
            }
            mfaEvidence.add(v);
        }
        if (mfaEvidence.contains("directory-enforced")) {
            LOG.warn("Directory sign-in: the second factor is taken as enforced by the directory for this application "
                    + "(soteria.oidc.mfa=directory-enforced). The force must keep a Conditional Access policy requiring "
                    + "MFA for Soteria; every directory sign-in's audit record says so.");
        }
        this.groupRoles = mapping(env, "soteria.oidc.role-groups.");
        this.appRoles = mapping(env, "soteria.oidc.role-values.");
        if (force == null || force.isBlank()) {
            throw new IllegalStateException("OpenID Connect sign-in needs soteria.oidc.force (SOTERIA_OIDC_FORCE)");
        }
        if (groupRoles.isEmpty() && appRoles.isEmpty()) {
            throw new IllegalStateException("OpenID Connect sign-in needs at least one soteria.oidc.role-values.<role> "
                    + "(an app role) or soteria.oidc.role-groups.<role> (a directory group) mapping to a role");
        }
    }

    private static Map<String, Role> mapping(Environment env, String prefix) {
        Map<String, Role> out = new java.util.HashMap<>();
        for (Role role : Role.values()) {
            String values = env.getProperty(prefix + role.code());
            if (values != null) {
                for (String g : values.split(",")) {
                    if (!g.isBlank()) {
                        out.put(g.trim(), role);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = super.loadUser(request);
        String username = username(oidc);
        String mfa = secondFactor(oidc.getClaims());
        if (mfa == null) {
            throw refuse(username, "the directory did not show a second factor (soteria.oidc.mfa=" + String.join(",",
                    mfaEvidence) + ": no 'mfa' in amr, and no required authentication context in acrs)");
        }
        List<String> groups = strings(oidc.getClaims().get(groupsClaim));
        if (groups.isEmpty() && overage(oidc.getClaims())) {
            throw refuse(username, "the directory sent too many groups to list them (a groups overage): give the "
                    + "Soteria roles as app roles, or have the directory send only the groups assigned to Soteria");
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String group : groups) {
            if (groupRoles.containsKey(group)) {
                roles.add(groupRoles.get(group));
            }
        }
        for (String value : strings(oidc.getClaims().get("roles"))) {
            if (appRoles.containsKey(value)) {
                roles.add(appRoles.get(value));
            }
        }
        if (roles.isEmpty()) {
            throw refuse(username, "not in any directory group or app role mapped to a Soteria role");
        }
        if (roles.size() > 1) {
            throw refuse(username, "in directory groups or app roles for more than one Soteria role " + roles);
        }
        String name = oidc.getFullName() != null ? oidc.getFullName() : username;
        SoteriaUser account;
        try {
            account = users.directoryAccount(username, name, roles.iterator().next(), force, mfa);
        } catch (UserService.LocalAccountClash e) {
            throw refuse(username, e.getMessage());
        }
        if (!account.isEnabled()) {
            throw refuse(username, "the Soteria account is disabled");
        }
        return new DirectoryUser(account, oidc.getIdToken(), oidc.getUserInfo());
    }

    /** What proved the second factor, in words for the audit log; null when nothing configured did. */
    String secondFactor(Map<String, Object> claims) {
        for (String e : mfaEvidence) {
            if (e.equals("amr") && strings(claims.get("amr")).contains("mfa")) {
                return "second factor: 'mfa' in amr";
            }
            if (e.startsWith("acrs:") && strings(claims.get("acrs")).contains(e.substring(5))) {
                return "second factor: authentication context " + e.substring(5) + " in acrs";
            }
            if (e.equals("directory-enforced")) {
                return "second factor: enforced by the directory's policy (soteria.oidc.mfa=directory-enforced)";
            }
        }
        return null;
    }

    /** Entra's sign that the groups did not fit in the token: {@code _claim_names} points {@code groups} elsewhere. */
    private static boolean overage(Map<String, Object> claims) {
        return claims.get("_claim_names") instanceof Map<?, ?> names && names.containsKey("groups")
                || Boolean.TRUE.equals(claims.get("hasgroups"));
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

    private static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            out.add(s);
        }
        return out;
    }
}
