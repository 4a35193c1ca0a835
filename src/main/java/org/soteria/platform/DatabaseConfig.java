package org.soteria.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The system of record: the PostgreSQL named by {@code spring.datasource.url} (for example from
 * {@code SPRING_DATASOURCE_URL}), or the embedded one in the data directory when none is named.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    DataSource dataSource(Environment env) {
        HikariDataSource ds = new HikariDataSource();
        String url = env.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            ds.setJdbcUrl(EmbeddedDatabase.jdbcUrl(env.getProperty("soteria.data-dir", "data")));
            ds.setUsername("postgres");
        } else {
            ds.setJdbcUrl(url);
            ds.setUsername(env.getProperty("spring.datasource.username"));
            ds.setPassword(env.getProperty("spring.datasource.password"));
        }
        ds.setPoolName("soteria");
        ds.setMaximumPoolSize(env.getProperty("soteria.db.pool-size", Integer.class, 16));
        return ds;
    }

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}
