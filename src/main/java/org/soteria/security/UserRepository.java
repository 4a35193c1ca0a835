package org.soteria.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local accounts. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SoteriaUser> find(String username) {
        return jdbc.sql("select username, password_hash, enabled, display_name, role, force_code, team_code "
                        + "from app_user where username = ?")
                .param(username)
                .query((rs, n) -> new SoteriaUser(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        Role.fromCode(rs.getString(5)).orElseThrow(), rs.getString(6), rs.getString(7)))
                .optional();
    }

    int disableDemoAccounts() {
        return jdbc.sql("update app_user set enabled = false where demo and enabled").update();
    }

    void upsertDemo(String username, String displayName, Role role, String passwordHash, String forceCode) {
        jdbc.sql("insert into app_user (username, display_name, role, password_hash, force_code, demo) "
                        + "values (?, ?, ?, ?, ?, true) on conflict (username) do update set "
                        + "password_hash = excluded.password_hash, display_name = excluded.display_name, "
                        + "role = excluded.role, force_code = excluded.force_code, demo = true, enabled = true")
                .params(username, displayName, role.code(), passwordHash, forceCode).update();
    }
}
