package org.soteria.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The facts need-to-know decides on: a user's teams, a crime's owner, grants, break-glass, named users. */
@Repository
class AccessRepository {

    private final JdbcClient jdbc;
    private final DataScope scope;

    AccessRepository(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    NeedToKnow.UserScope scope(String username) {
        // One round trip: the user's officer code on every row, with each team they work in or supervise (if any).
        List<Map<String, Object>> rows = jdbc.sql("select u.officer_code, t.team_code, t.relation from app_user u "
                        + "left join user_team t on t.username = u.username where u.username = ?")
                .param(username).query().listOfRows();
        String officer = rows.isEmpty() ? null : (String) rows.get(0).get("officer_code");
        return new NeedToKnow.UserScope(officer,
                rows.stream().filter(r -> "member".equals(r.get("relation"))).map(r -> (String) r.get("team_code"))
                        .toList(),
                rows.stream().filter(r -> "supervisor".equals(r.get("relation")))
                        .map(r -> (String) r.get("team_code")).toList());
    }

    record CrimeScope(long id, String forceCode, String crimeRef, String teamCode, String officerCode,
            boolean restricted) {
    }

    /**
     * The facts need-to-know decides on are read for the whole force (ADR 17): the decision must see a
     * crime the user may not, to refuse it, or to open it by break-glass.
     */
    Optional<CrimeScope> crime(long id) {
        return scope.wholeForce("need-to-know: the crime's owner", () -> jdbc.sql("select id, force_code, crime_ref, team_code, officer_code, restricted from investigation_crime crime where id = ?")
                .param(id).query((rs, n) -> new CrimeScope(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .optional());
    }

    Optional<CrimeScope> crimeByRef(String forceCode, String crimeRef) {
        return scope.wholeForce("need-to-know: the crime named for break-glass", () -> jdbc.sql("select id, force_code, crime_ref, team_code, officer_code, restricted from investigation_crime crime "
                        + "where force_code = ? and upper(crime_ref) = upper(?)")
                .params(forceCode, crimeRef).query((rs, n) -> new CrimeScope(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .optional());
    }

    /** Which of these crimes pass the rule; read in the caller's own scope, so row-level security applies too. */
    java.util.Set<Long> openable(java.util.Collection<Long> ids, NeedToKnow.Rule rule) {
        return new java.util.HashSet<>(jdbc.sql("select c.id from investigation_crime c where c.id = any(:ids) and " + rule.sql())
                .params(rule.params()).param("ids", ids.toArray(Long[]::new)).query(Long.class).list());
    }

    boolean isNamed(long crimeId, String username) {
        return jdbc.sql("select exists (select 1 from restricted_access where crime_id = ? and username = ?)")
                .params(crimeId, username).query(Boolean.class).single();
    }

    /** A live grant of access: who gave it, and until when (London time, as the audit log and pages show it). */
    record Grant(String grantedBy, String until) {
    }

    Optional<Grant> activeGrant(long crimeId, String username) {
        return jdbc.sql("select granted_by, to_char(expires_at at time zone 'Europe/London', 'YYYY-MM-DD HH24:MI') "
                        + "from case_access_grant where crime_id = ? and username = ? and revoked_at is null and "
                        + "expires_at > now() order by expires_at desc limit 1")
                .params(crimeId, username).query((rs, n) -> new Grant(rs.getString(1), rs.getString(2))).optional();
    }

    Optional<String> activeBreakGlass(long crimeId, String username) {
        return jdbc.sql("select reason from break_glass where crime_id = ? and username = ? and expires_at > now() "
                        + "order by started_at desc limit 1")
                .params(crimeId, username).query(String.class).optional();
    }

    long insertGrant(long crimeId, String username, String grantedBy, String reason, Instant at, Instant until) {
        return jdbc.sql("insert into case_access_grant (crime_id, username, granted_by, reason, granted_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?) returning id")
                .params(crimeId, username, grantedBy, reason, utc(at), utc(until)).query(Long.class).single();
    }

    int revokeGrant(long grantId, long crimeId, String by, Instant at) {
        return jdbc.sql("update case_access_grant set revoked_at = ?, revoked_by = ? where id = ? and crime_id = ? "
                        + "and revoked_at is null")
                .params(utc(at), by, grantId, crimeId).update();
    }

    List<AccessGrant> grants(long crimeId) {
        return jdbc.sql("select id, username, granted_by, reason, granted_at, expires_at, revoked_at, revoked_by "
                        + "from case_access_grant where crime_id = ? order by granted_at desc")
                .param(crimeId)
                .query((rs, n) -> new AccessGrant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(7, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getString(8)))
                .list();
    }

    long insertBreakGlass(long crimeId, String username, String reason, Instant at, Instant until) {
        return jdbc.sql("insert into break_glass (crime_id, username, reason, started_at, expires_at) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .params(crimeId, username, reason, utc(at), utc(until)).query(Long.class).single();
    }

    /** The auditors' review of break-glass names the crimes by reference: read for the whole force (ADR 17). */
    List<BreakGlassAccess> breakGlass(boolean unreviewedOnly, int limit, int offset) {
        return scope.wholeForce("auditors' review of break-glass: crime references", () -> jdbc.sql("select b.id, c.force_code || ':' || c.crime_ref, b.username, b.reason, b.started_at, "
                        + "b.expires_at, b.reviewed_by, b.reviewed_at, b.review_note from break_glass b "
                        + "join investigation_crime c on c.id = b.crime_id"
                        + (unreviewedOnly ? " where b.reviewed_at is null" : "")
                        + " order by b.started_at desc limit ? offset ?")
                .params(limit, offset)
                .query((rs, n) -> new BreakGlassAccess(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                        rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7),
                        Optional.ofNullable(rs.getObject(8, OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                                .orElse(null), rs.getString(9)))
                .list());
    }

    long countUnreviewedBreakGlass() {
        return jdbc.sql("select count(*) from break_glass where reviewed_at is null").query(Long.class).single();
    }

    int reviewBreakGlass(long id, String by, String note, Instant at) {
        return jdbc.sql("update break_glass set reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ? "
                        + "and reviewed_at is null")
                .params(by, utc(at), note, id).update();
    }

    record Account(String forceCode, Role role) {
    }

    Optional<Account> account(String username) {
        return jdbc.sql("select force_code, role from app_user where username = ? and enabled").param(username)
                .query((rs, n) -> new Account(rs.getString(1), Role.fromCode(rs.getString(2)).orElseThrow()))
                .optional();
    }

    int name(long crimeId, String username, String by, Instant at) {
        return jdbc.sql("insert into restricted_access (crime_id, username, named_by, named_at) values (?, ?, ?, ?) "
                + "on conflict do nothing").params(crimeId, username, by, utc(at)).update();
    }

    int unname(long crimeId, String username) {
        return jdbc.sql("delete from restricted_access where crime_id = ? and username = ?").params(crimeId, username)
                .update();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
