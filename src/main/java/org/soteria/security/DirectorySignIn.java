package org.soteria.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Signs in a user whom a directory Soteria trusts has authenticated (OpenID Connect, Microsoft Entra ID as forces run
 * it): the force's own, and each partner organisation's (a CPS area's, an ISVA service's; ADR 41).
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
 * account of the same name, nor one that came from another directory (the sign-in is refused).</li>
 * <li><b>Partner organisations</b>: {@code soteria.oidc.partner-registrations} names client registrations of partners'
 * own directories; each says its organisation ({@code soteria.oidc.partners.<registration>.org}, a partner organisation
 * of the force, active when the user signs in) and maps its groups or app roles to partner roles only
 * ({@code soteria.oidc.partners.<registration>.role-groups.cps-prosecutor=…}, {@code .role-values.…}, {@code .mfa},
 * {@code .groups-claim}). A partner role comes from a partner's directory only, never from the force's.</li>
 * </ul>
 */
final class DirectorySignIn extends OidcUserService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectorySignIn.class);
    private static final String PARTNERS = "soteria.oidc.partners.";

    /** One directory Soteria trusts: the force's own ({@code partnerOrg} null) or a partner organisation's. */
    record Directory(String registration, String partnerOrg, List<String> mfaEvidence, Map<String, Role> groupRoles,
            Map<String, Role> appRoles, String groupsClaim) {

        java.util.Collection<Role> roles() {
            Set<Role> out = new LinkedHashSet<>(groupRoles.values());
            out.addAll(appRoles.values());
            return out;
        }

        String name() {
            return partnerOrg == null ? "the force's directory" : "partner organisation " + partnerOrg + "'s directory";
        }
    }

    private final UserService users;
    private final BiFunction<String, String, Optional<String>> partnerOrgKind;
    private final String force;
    private final Map<String, Directory> directories = new java.util.LinkedHashMap<>();

    /** {@code partnerOrgKind} gives the kind of an active partner organisation of a force by its code (empty: none such). */
    DirectorySignIn(UserService users, BiFunction<String, String, Optional<String>> partnerOrgKind, Environment env) {
        this.users = users;
        this.partnerOrgKind = partnerOrgKind;
        this.force = env.getProperty("soteria.oidc.force");
        if (env.getProperty("soteria.oidc.require-mfa") != null) {
            throw new IllegalStateException("soteria.oidc.require-mfa is gone: say what proves the second factor with "
                    + "soteria.oidc.mfa (amr, acrs:<authentication context id>, or directory-enforced)");
        }
        if (force == null || force.isBlank()) {
            throw new IllegalStateException("OpenID Connect sign-in needs soteria.oidc.force (SOTERIA_OIDC_FORCE)");
        }
        String own = env.getProperty("soteria.oidc.registration-id", "entra");
        directories.put(own, directory(env, "soteria.oidc.", own, null));
        for (String registration : partnerRegistrations(env)) {
            String org = env.getProperty(PARTNERS + registration + ".org");
            if (org == null || !org.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
                throw new IllegalStateException(PARTNERS + registration + ".org must be the code of the partner "
                        + "organisation whose directory this is (as registered on /admin/partners), not " + org);
            }
            if (directories.containsKey(registration)) {
                throw new IllegalStateException("soteria.oidc.partner-registrations names " + registration
                        + ", the force's own directory");
            }
            directories.put(registration, directory(env, PARTNERS + registration + ".", registration, org));
        }
    }

    /** The client registrations of partner organisations' directories ({@code soteria.oidc.partner-registrations}). */
    static List<String> partnerRegistrations(Environment env) {
        List<String> out = new ArrayList<>();
        for (String r : env.getProperty("soteria.oidc.partner-registrations", "").split(",")) {
            if (!r.isBlank()) {
                out.add(r.strip());
            }
        }
        return out;
    }

    /** The organisation whose directory {@code registration} is. */
    static String partnerOrg(Environment env, String registration) {
        return env.getProperty(PARTNERS + registration + ".org");
    }

    private static Directory directory(Environment env, String prefix, String registration, String partnerOrg) {
        List<String> mfaEvidence = new ArrayList<>();
        for (String e : env.getProperty(prefix + "mfa", "amr").split(",")) {
            String v = e.trim();
            if (!v.equals("amr") && !v.equals("directory-enforced") && !v.matches("acrs:[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalStateException(prefix + "mfa: '" + v + "' is not amr, acrs:<authentication "
                        + "context id> or directory-enforced");
            }
            mfaEvidence.add(v);
        }
        Directory d = new Directory(registration, partnerOrg, List.copyOf(mfaEvidence), mapping(env, prefix
                + "role-groups."), mapping(env, prefix + "role-values."), env.getProperty(prefix + "groups-claim",
                        "groups"));
        if (d.groupRoles().isEmpty() && d.appRoles().isEmpty()) {
            throw new IllegalStateException("OpenID Connect sign-in through " + d.name() + " needs at least one "
                    + prefix + "role-values.<role> (an app role) or " + prefix + "role-groups.<role> (a directory "
                    + "group) mapping to a role");
        }
        for (Role role : d.roles()) {
            if (role.partner() != (partnerOrg != null)) {
                throw new IllegalStateException(partnerOrg == null
                        ? "The force's directory may not give the partner role " + role.code() + ": a partner user "
                                + "signs in through their organisation's directory (" + PARTNERS + "<registration>)"
                        : d.name() + " may give only partner roles (cps-prosecutor, isva), not " + role.code());
            }
        }
        if (mfaEvidence.contains("directory-enforced")) {
            LOG.warn("Directory sign-in: the second factor is taken as enforced by {} for this application "
                    + "({}mfa=directory-enforced). It must keep a Conditional Access policy requiring MFA for Soteria; "
                    + "every sign-in's audit record through it says so.", d.name(), prefix);
        }
        return d;
    }

    /**
     * Checks that every partner directory is a client registration Spring knows (a name in
     * {@code soteria.oidc.partner-registrations} without {@code spring.security.oauth2.client.registration.<name>}
     * would offer a sign-in that cannot work).
     */
    void checkRegistrations(org.springframework.security.oauth2.client.registration.ClientRegistrationRepository known) {
        for (String registration : directories.keySet()) {
            if (known.findByRegistrationId(registration) == null) {
                throw new IllegalStateException("Directory sign-in through " + directories.get(registration).name()
                        + " needs spring.security.oauth2.client.registration." + registration);
            }
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
        Directory d = directories.get(request.getClientRegistration().getRegistrationId());
        if (d == null) {
            throw refuse(username, "signed in through " + request.getClientRegistration().getRegistrationId()
                    + ", which is not a directory Soteria is set to trust");
        }
        String mfa = secondFactor(d, oidc.getClaims());
        if (mfa == null) {
            throw refuse(username, "the directory did not show a second factor (mfa=" + String.join(",",
                    d.mfaEvidence()) + ": no 'mfa' in amr, and no required authentication context in acrs)");
        }
        List<String> groups = strings(oidc.getClaims().get(d.groupsClaim()));
        if (groups.isEmpty() && overage(oidc.getClaims())) {
            throw refuse(username, "the directory sent too many groups to list them (a groups overage): give the "
                    + "Soteria roles as app roles, or have the directory send only the groups assigned to Soteria");
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (String group : groups) {
            if (d.groupRoles().containsKey(group)) {
                roles.add(d.groupRoles().get(group));
            }
        }
        for (String value : strings(oidc.getClaims().get("roles"))) {
            if (d.appRoles().containsKey(value)) {
                roles.add(d.appRoles().get(value));
            }
        }
        if (roles.isEmpty()) {
            throw refuse(username, "not in any group or app role of " + d.name() + " mapped to a Soteria role");
        }
        if (roles.size() > 1) {
            throw refuse(username, "in directory groups or app roles for more than one Soteria role " + roles);
        }
        Optional<String> kind = d.partnerOrg() == null ? Optional.empty()
                : partnerOrgKind.apply(d.partnerOrg(), force);
        if (d.partnerOrg() != null && kind.isEmpty()) {
            throw refuse(username, d.partnerOrg() + " is not an active partner organisation of force " + force
                    + " (an administrator registers them on /admin/partners)");
        }
        String misfit = kind.map(k -> PartnerAccounts.misfit(roles.iterator().next(), d.partnerOrg(), k)).orElse(null);
        if (misfit != null) {
            throw refuse(username, misfit);
        }
        String name = oidc.getFullName() != null ? oidc.getFullName() : username;
        SoteriaUser account;
        try {
            account = users.directoryAccount(username, name, roles.iterator().next(), force, d.partnerOrg(),
                    mfa + (d.partnerOrg() == null ? "" : "; through " + d.name()));
        } catch (UserService.LocalAccountClash e) {
            throw refuse(username, e.getMessage());
        }
        if (!account.isEnabled()) {
            throw refuse(username, "the Soteria account is disabled");
        }
        return new DirectoryUser(account, oidc.getIdToken(), oidc.getUserInfo());
    }

    /** What proved the second factor, in words for the audit log; null when nothing configured did. */
    static String secondFactor(Directory d, Map<String, Object> claims) {
        for (String e : d.mfaEvidence()) {
            if (e.equals("amr") && strings(claims.get("amr")).contains("mfa")) {
                return "second factor: 'mfa' in amr";
            }
            if (e.startsWith("acrs:") && strings(claims.get("acrs")).contains(e.substring(5))) {
                return "second factor: authentication context " + e.substring(5) + " in acrs";
            }
            if (e.equals("directory-enforced")) {
                return "second factor: enforced by the directory's policy (mfa=directory-enforced)";
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
