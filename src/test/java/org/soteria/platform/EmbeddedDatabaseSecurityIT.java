package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL once trusted every local connection as superuser: any process on the machine could
 * read every decrypted name and switch off the audit log's triggers. Now every connection needs its password.
 */
class EmbeddedDatabaseSecurityIT {

    @TempDir
    Path dir;

    /** Each test's servers stop before JUnit deletes their folder (a running server writes into it). */
    @org.junit.jupiter.api.AfterEach
    void stopServers() {
        EmbeddedDatabase.stop(dir.resolve("fresh").toString());
        EmbeddedDatabase.stop(dir.resolve("old").toString());
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The URL with a guessed password: what any other local process could try. */
    private static String withoutPassword(String url) {
        return url.replaceAll("&password=[^&]*", "&password=postgres");
    }

    @Test
    void everyConnectionNeedsItsPasswordAndTheApplicationIsNoSuperuser() throws Exception {
        String data = dir.resolve("fresh").toString();
        String owner = EmbeddedDatabase.ownerJdbcUrl(data);
        String app = EmbeddedDatabase.jdbcUrl(data);
        assertThatThrownBy(() -> DriverManager.getConnection(withoutPassword(owner)).close())
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(() -> DriverManager.getConnection(withoutPassword(app)).close())
                .hasMessageContaining("password authentication failed");
        assertThat(query(owner, "show listen_addresses")).isEqualTo("localhost");
        assertThat(query(app, "select rolsuper::text from pg_roles where rolname = current_user")).isEqualTo("false");
        Path secrets = dir.resolve("fresh").resolve(DatabaseSecrets.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        // A restart: the server's own readiness check must give the password too (it once could not start again).
        EmbeddedDatabase.stop(data);
        assertThat(query(EmbeddedDatabase.ownerJdbcUrl(data), "select 'started again'")).isEqualTo("started again");
        assertThat(query(EmbeddedDatabase.jdbcUrl(data), "select current_user")).isEqualTo("soteria_app");
    }

    @Test
    void aDataDirectoryFromBeforeIsClosedAtItsNextStart() throws Exception {
        Path old = dir.resolve("old");
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(old.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            assertThat(query(trusting.getJdbcUrl("postgres", "postgres"), "select 'open to anyone'"))
                    .isEqualTo("open to anyone");
        }
        String owner = EmbeddedDatabase.ownerJdbcUrl(old.toString());
        assertThat(query(owner, "select 'with the password'")).isEqualTo("with the password");
        assertThatThrownBy(() -> DriverManager.getConnection(withoutPassword(owner)).close())
                .hasMessageContaining("password authentication failed");
    }
}
