package org.soteria.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who may see a crime's personal data (issue 3). A user of a case-working role sees a crime of their
 * own force when they are its officer in the case, work in or supervise its team, hold an unexpired
 * grant from a supervisor, or have invoked break-glass on it in the last hour. A restricted crime is
 * seen by its named users alone. Everyone else is answered as if the crime did not exist.
 */
@Service
public class NeedToKnow {

    private final AccessRepository access;

    public NeedToKnow(AccessRepository access) {
        this.access = access;
    }

    /**
     * A SQL condition on a crime table alias, with its named parameters (all prefixed {@code ntk}), and the same
     * condition as disjoint parts whose union it is: the crimes of the user's teams, those they are the officer
     * in outside those teams, and those named to them alone (grants, break-glass, restricted naming). Each part
     * can be read along one index (the team's, the officer's, the primary key), so a count over the parts reads
     * only the user's crimes, where the whole condition, an OR, must be tested on every crime the scan passes
     * (docs/benchmarks.md: the case list at 1,000,000 crimes).
     */
    public record Rule(String sql, Map<String, Object> params, List<String> parts) {

        public Rule(String sql, Map<String, Object> params) {
            this(sql, params, List.of(sql));
        }
    }

    /**
     * Why a user may see one crime: {@code why} names the reason ({@code case.access.<why>} in the bundles, for a
     * page) and {@code about} holds its arguments (a team, who granted access and until when, a break-glass reason);
     * {@code breakGlass} when only an emergency access allows it.
     */
    public record Access(String why, List<String> about) {

        public Access {
            about = List.copyOf(about);
        }

        public boolean breakGlass() {
            return "breakGlass".equals(why);
        }

        /** The reason in the audit log's words. */
        public String justification() {
            return switch (why) {
                case "restricted" -> "named user of a restricted crime";
                case "officer" -> "officer in the case";
                case "supervises" -> "supervises team " + arg(0);
                case "team" -> "works in team " + arg(0);
                case "grant" -> "grant from " + arg(0) + " until " + arg(1);
                case "breakGlass" -> "break-glass: " + arg(0);
                case "partner" -> "shared: " + arg(0);
                default -> why;
            };
        }

        /** The reason's argument at {@code i}, or an empty string. */
        public String arg(int i) {
            return i < about.size() ? about.get(i) : "";
        }
    }

    /**
     * The crimes named to the user outside their teams and their own, not restricted ones: live access grants and
     * break-glass, as an array (it reads the rule's {@code :ntkUser} parameter).
     */
    public static final String GRANTED_IDS = "array(select g.crime_id from case_access_grant g where g.username = :ntkUser"
            + " and g.revoked_at is null and g.expires_at > now() union select b.crime_id from break_glass b"
            + " where b.username = :ntkUser and b.expires_at > now())";

    private static final String RESTRICTED_IDS =
            "array(select r.crime_id from restricted_access r where r.username = :ntkUser)";

    /** The condition a crime row (alias {@code c}) must meet to be shown to this user. */
    public Rule rule(SoteriaUser user, String alias) {
        Map<String, Object> p = new HashMap<>();
        if (!user.can(Permission.VIEW_CASES) || user.forceCode() == null) {
            p.put("ntkUser", "");
            p.put("ntkForce", "");
            p.put("ntkOfficer", "");
            p.put("ntkTeams", new String[0]);
            return new Rule("false", p);
        }
        UserScope scope = access.scope(user.getUsername());
        p.put("ntkUser", user.getUsername());
        p.put("ntkForce", user.forceCode());
        p.put("ntkOfficer", scope.officerCode() == null ? "" : scope.officerCode());
        p.put("ntkTeams", scope.allTeams().toArray(String[]::new));
        String c = alias;
        String mine = c + ".force_code = :ntkForce and not " + c + ".restricted";
        String restricted = c + ".force_code = :ntkForce and " + c + ".restricted and " + c + ".id = any("
                + RESTRICTED_IDS + ")";
        // The whole rule tests its named crimes with IN (a hashed set), not = ANY: that keeps the OR from being read
        // as a union of index scans, which the planner would then sort in full (1.2 s for a page at 1,000,000
        // crimes) where a scan in the page's order stops after the page.
        String sql = "((" + mine + " and (" + c + ".officer_code = :ntkOfficer or " + c + ".team_code = any(:ntkTeams)"
                + " or " + c + ".id in (select g.crime_id from case_access_grant g where g.username = :ntkUser"
                + " and g.revoked_at is null and g.expires_at > now())"
                + " or " + c + ".id in (select b.crime_id from break_glass b where b.username = :ntkUser"
                + " and b.expires_at > now()))) or (" + c + ".force_code = :ntkForce and " + c + ".restricted and "
                + c + ".id in (select r.crime_id from restricted_access r where r.username = :ntkUser)))";
        String outsideTeams = "(" + c + ".team_code is null or " + c + ".team_code <> all(:ntkTeams))";
        List<String> parts = List.of(
                mine + " and " + c + ".team_code = any(:ntkTeams)",
                mine + " and " + c + ".officer_code = :ntkOfficer and " + outsideTeams,
                mine + " and " + c + ".officer_code is distinct from :ntkOfficer and " + outsideTeams
                        + " and " + c + ".id = any(" + GRANTED_IDS + ")",
                restricted);
        return new Rule(sql, p, parts);
    }

    /**
     * Which of these crimes the user may open, in one query under the rule (and, beneath it, row-level security):
     * a page links a crime only when it is in this set, so that no link leads to "not found".
     */
    public java.util.Set<Long> openable(SoteriaUser user, java.util.Collection<Long> crimeIds) {
        return crimeIds.isEmpty() ? java.util.Set.of() : access.openable(crimeIds, rule(user, "c"));
    }

    /** Why this user may see this crime, or empty when they may not (and must be told it does not exist). */
    public Optional<Access> access(SoteriaUser user, long crimeId) {
        if (!user.can(Permission.VIEW_CASES) || user.forceCode() == null) {
            return Optional.empty();
        }
        UserScope scope = access.scope(user.getUsername());
        Optional<AccessRepository.CrimeScope> crime = access.crime(crimeId);
        if (crime.isEmpty() || !user.forceCode().equals(crime.get().forceCode())) {
            return Optional.empty();
        }
        AccessRepository.CrimeScope c = crime.get();
        if (c.restricted()) {
            return access.isNamed(crimeId, user.getUsername())
                    ? Optional.of(new Access("restricted", List.of())) : Optional.empty();
        }
        if (scope.officerCode() != null && scope.officerCode().equals(c.officerCode())) {
            return Optional.of(new Access("officer", List.of()));
        }
        if (c.teamCode() != null && scope.supervisedTeams().contains(c.teamCode())) {
            return Optional.of(new Access("supervises", List.of(c.teamCode())));
        }
        if (c.teamCode() != null && scope.memberTeams().contains(c.teamCode())) {
            return Optional.of(new Access("team", List.of(c.teamCode())));
        }
        Optional<AccessRepository.Grant> grant = access.activeGrant(crimeId, user.getUsername());
        if (grant.isPresent()) {
            return Optional.of(new Access("grant", List.of(grant.get().grantedBy(), grant.get().until())));
        }
        return access.activeBreakGlass(crimeId, user.getUsername())
                .map(reason -> new Access("breakGlass", List.of(reason)));
    }

    /** Whether the user supervises the team that owns the crime (and so may grant access to it). */
    public boolean supervises(SoteriaUser user, String forceCode, String teamCode) {
        return teamCode != null && user.forceCode() != null && user.forceCode().equals(forceCode)
                && access.scope(user.getUsername()).supervisedTeams().contains(teamCode);
    }

    /** The user's officer code and the teams they work in and supervise. */
    public UserScope scope(SoteriaUser user) {
        return access.scope(user.getUsername());
    }

    /** The teams a user works in and supervises. */
    public record UserScope(String officerCode, List<String> memberTeams, List<String> supervisedTeams) {

        public List<String> allTeams() {
            return java.util.stream.Stream.concat(memberTeams.stream(), supervisedTeams.stream()).distinct().toList();
        }
    }
}
