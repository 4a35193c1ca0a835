package org.soteria.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The system of record: the PostgreSQL named by {@code spring.datasource.url} (for example from
 * {@code SPRING_DATASOURCE_URL}), or the embedded one in the data directory when none is named.
 *
 * <p>Two roles connect. Migrations run as the schema owner; the application runs as a role that owns
 * nothing, so that it cannot change or disable the audit log's protections (ADR 5). With an external
 * database the owner is {@code soteria.db.migration-username} when given, otherwise the application's
 * own user, which then keeps only the trigger's protection.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * The application's connections, each given the scope of whoever the work is for (ADR 17), so that
     * PostgreSQL's row-level security applies need-to-know to every query.
     */
    @Bean
    @Primary
    DataScope dataSource(Environment env, ObjectProvider<DataScope.SignedIn> signedIn) {
        DataScope.SignedIn nobody = Optional::empty;
        return new DataScope(pool(env), () -> signedIn.getIfAvailable(() -> nobody).current());
    }

    private static HikariDataSource pool(Environment env) {
        HikariDataSource ds = new HikariDataSource();
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            ds.setJdbcUrl(EmbeddedDatabase.jdbcUrl(dataDir(env)));
        } else {
            ds.setJdbcUrl(url);
            ds.setUsername(env.getProperty("spring.datasource.username"));
            ds.setPassword(env.getProperty("spring.datasource.password"));
        }
        ds.setPoolName("soteria");
        // A check (audit verify) must change nothing: PostgreSQL refuses any write on these connections.
        ds.setReadOnly(env.getProperty("soteria.check-only", Boolean.class, false));
        ds.setMaximumPoolSize(env.getProperty("soteria.db.pool-size", Integer.class, 16));
        return ds;
    }

    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource migrationDataSource(Environment env) {
        HikariDataSource ds = new HikariDataSource();
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            ds.setJdbcUrl(EmbeddedDatabase.ownerJdbcUrl(dataDir(env)));
        } else {
            ds.setJdbcUrl(url);
            String owner = env.getProperty("soteria.db.migration-username");
            boolean separate = owner != null && !owner.isBlank();
            ds.setUsername(separate ? owner : env.getProperty("spring.datasource.username"));
            ds.setPassword(separate ? env.getProperty("soteria.db.migration-password")
                    : env.getProperty("spring.datasource.password"));
        }
        ds.setPoolName("soteria-migration");
        ds.setMaximumPoolSize(4);
        ds.setMinimumIdle(0);
        return ds;
    }

    /** The role the migrations grant to (afterMigrate.sql): the embedded one, or the external application user. */
    @Bean
    FlywayConfigurationCustomizer applicationRoleGrants(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        String role = url == null || url.isBlank() ? EmbeddedDatabase.APP_ROLE
                : env.getProperty("soteria.db.app-role", env.getProperty("spring.datasource.username", ""));
        return configuration -> configuration.placeholders(Map.of("app_role", role));
    }

    private static String dataDir(Environment env) {
        return env.getProperty("soteria.data-dir", "data");
    }

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}
