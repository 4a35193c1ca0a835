package org.soteria.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.ds.PGSimpleDataSource;
import org.soteria.platform.EmbeddedDatabase;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema's migrations, run outside the application (a restore builds the schema its backup fits, loads the
 * rows, then brings it up to this version) with the settings the application's own start-up uses.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private Migrations() {
    }

    /** The highest migration this build holds. */
    static int latest() {
        try {
            int latest = 0;
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION + "/V*__*.sql")) {
                Matcher m = VERSIONED.matcher(String.valueOf(r.getFilename()));
                if (m.matches()) {
                    latest = Math.max(latest, Integer.parseInt(m.group(1)));
                }
            }
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the schema migrations", e);
        }
    }

    /** Migrates the embedded database at {@code ownerUrl} up to {@code target} (null: the latest). */
    static void migrate(String ownerUrl, Integer target) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(ownerUrl);
        var config = Flyway.configure().dataSource(ds).locations(LOCATION)
                .placeholders(Map.of("app_role", EmbeddedDatabase.APP_ROLE));
        if (target != null) {
            config.target(MigrationVersion.fromVersion(Integer.toString(target)));
        }
        config.load().migrate();
    }
}
