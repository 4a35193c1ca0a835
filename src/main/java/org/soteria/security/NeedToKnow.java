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

    /** A SQL condition on a crime table alias, with its named parameters (all prefixed {@code ntk}). */
    public record Rule(String sql, Map<String, Object> params) {
    }

    /** Why a user may see one crime; {@code breakGlass} when only an emergency access allows it. */
    public record Access(String justification, boolean breakGlass) {
    }

    /** The condition a crime row (alias {@code c}) must meet to be shown to this user. */
    public Rule rule(SoteriaUser user, String alias) {
        if (!user.can(Permission.VIEW_CASES) || user.forceCode() == null) {
            return new Rule("false", Map.of());
        }
        UserScope scope = access.scope(user.getUsername());
        Map<String, Object> p = new HashMap<>();
        p.put("ntkUser", user.getUsername());
        p.put("ntkForce", user.forceCode());
        p.put("ntkOfficer", scope.officerCode() == null ? "" : scope.officerCode());
        p.put("ntkTeams", scope.allTeams().toArray(String[]::new));
        String c = alias;
        String sql = "(" + c + ".force_code = :ntkForce and ("
                + "(not " + c + ".restricted and (" + c + ".officer_code = :ntkOfficer or " + c
                + ".team_code = any(:ntkTeams)"
                + " or " + c + ".id in (select g.crime_id from case_access_grant g where g.username = :ntkUser"
                + " and g.revoked_at is null and g.expires_at > now())"
                + " or " + c + ".id in (select b.crime_id from break_glass b where b.username = :ntkUser"
                + " and b.expires_at > now())))"
                + " or (" + c + ".restricted and " + c + ".id in (select r.crime_id from restricted_access r"
                + " where r.username = :ntkUser))))";
        return new Rule(sql, p);
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
                    ? Optional.of(new Access("named user of a restricted crime", false)) : Optional.empty();
        }
        if (scope.officerCode() != null && scope.officerCode().equals(c.officerCode())) {
            return Optional.of(new Access("officer in the case", false));
        }
        if (c.teamCode() != null && scope.supervisedTeams().contains(c.teamCode())) {
            return Optional.of(new Access("supervises team " + c.teamCode(), false));
        }
        if (c.teamCode() != null && scope.memberTeams().contains(c.teamCode())) {
            return Optional.of(new Access("works in team " + c.teamCode(), false));
        }
        Optional<String> grant = access.activeGrant(crimeId, user.getUsername());
        if (grant.isPresent()) {
            return Optional.of(new Access(grant.get(), false));
        }
        return access.activeBreakGlass(crimeId, user.getUsername())
                .map(reason -> new Access("break-glass: " + reason, true));
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
