package org.soteria.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts as administrators see and change them: the list, one account, reset requests and notices to users. */
@Repository
class AccountAdminRepository {

    private final JdbcClient jdbc;

    AccountAdminRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One account for its administrator. */
    record Account(String username, String displayName, Role role, String forceCode, String officerCode,
            boolean enabled, boolean locked, boolean directory, boolean demo, boolean secondFactor,
            OffsetDateTime lastSignIn, List<String> memberOf, List<String> supervises) {
    }

    private static final String COLUMNS = "u.username, u.display_name, u.role, u.force_code, u.officer_code, u.enabled, "
            + "coalesce(u.locked_until > now(), false), u.directory, u.demo, u.totp_enabled_at is not null, "
            + "u.last_sign_in_at, array(select t.team_code from user_team t where t.username = u.username "
            + "and t.relation = 'member' order by 1), array(select t.team_code from user_team t where "
            + "t.username = u.username and t.relation = 'supervisor' order by 1)";

    List<Account> accounts(String force, String search, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from app_user u where (cast(:force as text) is null or u.force_code = :force) "
                        + "and (:search = '' or u.username ilike :like or u.display_name ilike :like) "
                        + "order by u.username limit :limit offset :offset")
                .param("force", force).param("search", search).param("like", "%" + like(search) + "%")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> account(rs)).list();
    }

    long count(String force, String search) {
        return jdbc.sql("select count(*) from app_user u where (cast(:force as text) is null or u.force_code = :force) "
                        + "and (:search = '' or u.username ilike :like or u.display_name ilike :like)")
                .param("force", force).param("search", search).param("like", "%" + like(search) + "%")
                .query(Long.class).single();
    }

    Optional<Account> account(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user u where u.username = ?").param(username)
                .query((rs, n) -> account(rs)).optional();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getString(1), rs.getString(2), Role.fromCode(rs.getString(3)).orElseThrow(),
                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9),
                rs.getBoolean(10), rs.getObject(11, OffsetDateTime.class), List.of((String[]) rs.getArray(12).getArray()),
                List.of((String[]) rs.getArray(13).getArray()));
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where username = ?").params(enabled, username).update();
    }

    void setRole(String username, Role role) {
        jdbc.sql("update app_user set role = ? where username = ?").params(role.code(), username).update();
    }

    void setPassword(String username, String hash, boolean mustChange) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ? where username = ?")
                .params(hash, mustChange, username).update();
    }

    void requireChange(String username) {
        jdbc.sql("update app_user set must_change_password = true where username = ?").param(username).update();
    }

    boolean mustChangePassword(String username) {
        return jdbc.sql("select must_change_password from app_user where username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Ends every session of the user in the shared store, on every instance; returns how many. */
    int endSessions(String username) {
        return jdbc.sql("delete from spring_session where principal_name = ?").param(username).update();
    }

    List<String> teamsOf(String force) {
        return jdbc.sql("select team_code from team where force_code = ? order by team_code").param(force)
                .query(String.class).list();
    }

    /** A reset asked for by one administrator, waiting for (or decided by) a second. */
    record ResetRequest(long id, String username, String kind, String reason, String requestedBy,
            OffsetDateTime requestedAt, String state, String decidedBy, OffsetDateTime decidedAt) {
    }

    private static final String REQUEST = "select id, username, kind, reason, requested_by, requested_at, state, "
            + "decided_by, decided_at from account_reset_request ";

    long addRequest(String username, String kind, String reason, String by, Instant at) {
        return jdbc.sql("insert into account_reset_request (username, kind, reason, requested_by, requested_at) "
                        + "values (?, ?, ?, ?, ?) returning id")
                .params(username, kind, reason, by, utc(at)).query(Long.class).single();
    }

    Optional<ResetRequest> request(long id) {
        return jdbc.sql(REQUEST + "where id = ?").param(id).query((rs, n) -> request(rs)).optional();
    }

    List<ResetRequest> requests(String username) {
        return jdbc.sql(REQUEST + "where username = ? order by id desc limit 20").param(username)
                .query((rs, n) -> request(rs)).list();
    }

    /** Pending requests of accounts in the force (all forces for null), for the second administrator. */
    List<ResetRequest> pending(String force) {
        return jdbc.sql(REQUEST + "r where state = 'pending' and (cast(? as text) is null or exists (select 1 from "
                        + "app_user u where u.username = r.username and u.force_code = ?)) order by id")
                .params(force, force).query((rs, n) -> request(rs)).list();
    }

    /** Moves a pending request on; false when it was no longer pending (decided meanwhile). */
    boolean decide(long id, String state, String by, Instant at) {
        return jdbc.sql("update account_reset_request set state = ?, decided_by = ?, decided_at = ? "
                        + "where id = ? and state = 'pending'")
                .params(state, by, utc(at), id).update() == 1;
    }

    private static ResetRequest request(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ResetRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class));
    }

    void addNotice(String username, String text, Instant at) {
        jdbc.sql("insert into account_notice (username, at, text) values (?, ?, ?)").params(username, utc(at), text)
                .update();
    }

    /** Notices to the user (newest first), the unseen ones marked seen as they are read. */
    record Notice(OffsetDateTime at, String text, boolean wasUnseen) {
    }

    List<Notice> takeNotices(String username) {
        List<Notice> notices = jdbc.sql("select at, text, seen_at is null from account_notice where username = ? "
                        + "order by at desc limit 10").param(username)
                .query((rs, n) -> new Notice(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getBoolean(3)))
                .list();
        jdbc.sql("update account_notice set seen_at = now() where username = ? and seen_at is null").param(username)
                .update();
        return notices;
    }

    boolean hasUnseenNotices(String username) {
        return jdbc.sql("select exists (select 1 from account_notice where username = ? and seen_at is null)")
                .param(username).query(Boolean.class).single();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
