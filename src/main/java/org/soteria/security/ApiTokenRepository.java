package org.soteria.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal access tokens, found by the hash of the token. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String name, String hash, String prefix, List<String> scopes, Instant at,
            Instant until) {
        return jdbc.sql("insert into api_token (username, name, token_hash, prefix, scopes, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(username, name, hash, prefix, scopes.toArray(String[]::new), utc(at), utc(until))
                .query(Long.class).single();
    }

    List<ApiToken> forUser(String username) {
        return jdbc.sql("select id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at "
                        + "from api_token where username = ? order by created_at desc")
                .param(username).query((rs, n) -> token(rs)).list();
    }

    record Found(String username, List<String> scopes) {
    }

    /** The active token with this hash, marking it used. */
    Optional<Found> use(String hash, Instant now) {
        return jdbc.sql("update api_token set last_used_at = ? where token_hash = ? and revoked_at is null "
                        + "and expires_at > ? returning username, scopes")
                .params(utc(now), hash, utc(now))
                .query((rs, n) -> new Found(rs.getString(1), strings(rs.getArray(2)))).optional();
    }

    int revoke(long id, String username, Instant at) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null")
                .params(utc(at), id, username).update();
    }

    /** Revokes the live tokens of directory accounts not signed in since {@code unseenSince}; returns their users. */
    List<String> revokeDirectoryLeavers(Instant unseenSince, Instant at) {
        return jdbc.sql("update api_token t set revoked_at = ? where t.revoked_at is null and t.username in "
                        + "(select u.username from app_user u where u.directory and (u.last_sign_in_at is null "
                        + "or u.last_sign_in_at < ?)) returning t.username")
                .params(utc(at), utc(unseenSince)).query(String.class).list();
    }

    int revokeAll(String username, Instant at) {
        return jdbc.sql("update api_token set revoked_at = ? where username = ? and revoked_at is null")
                .params(utc(at), username).update();
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8));
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
