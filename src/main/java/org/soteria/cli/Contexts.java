package org.soteria.cli;

import java.util.HashMap;
import java.util.Map;
import org.soteria.SoteriaApplication;
import javax.sql.DataSource;
import org.soteria.audit.AuditVerifier;
import org.soteria.platform.DatabaseConfig;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** Starts the application context for a subcommand: with the web server for serve, without it for batch work. */
final class Contexts {

    private Contexts() {
    }

    static ConfigurableApplicationContext batch(String dataDir) {
        return batch(dataDir, quiet());
    }

    /** For a backup: the application without its migrations, which a backup must never run on the data it reads. */
    static ConfigurableApplicationContext unmigrated(String dataDir) {
        Map<String, Object> props = quiet();
        props.put("spring.flyway.enabled", "false");
        return batch(dataDir, props);
    }

    private static ConfigurableApplicationContext batch(String dataDir, Map<String, Object> props) {
        return new SpringApplicationBuilder(SoteriaApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(props)
                .run("--soteria.data-dir=" + dataDir);
    }

    /** A command's own output is what the user reads: the application says only warnings. */
    private static Map<String, Object> quiet() {
        Map<String, Object> props = new HashMap<>();
        props.put("logging.level.root", "WARN");
        props.put("logging.level.io.zonky", "WARN");
        props.put("spring.main.log-startup-info", "false");
        return props;
    }

    /**
     * For a check that must change nothing (audit verify): only the database and the audit log's reader, on
     * read-only connections; none of the application's start-up work (migrations, demo accounts disabled,
     * plaintext encrypted, linkage), scheduled work or work at stop (a new audit checkpoint).
     */
    static ConfigurableApplicationContext auditCheck(String dataDir) {
        Map<String, Object> props = quiet();
        props.put("soteria.check-only", "true");
        return new SpringApplicationBuilder(AuditCheck.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties(props)
                .run("--soteria.data-dir=" + dataDir);
    }

    /** The beans a check of the audit log needs, and nothing else (not a scanned configuration). */
    @Import(DatabaseConfig.class)
    @ComponentScan(basePackageClasses = AuditVerifier.class, useDefaultFilters = false, includeFilters =
            @ComponentScan.Filter(type = FilterType.REGEX, pattern = "org\\.soteria\\.audit\\.Audit(Repository|SigningKey|Verifier|Witness)"))
    static class AuditCheck {

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    /** Options given on the command line outrank application.properties, as Spring's own arguments do. */
    static ConfigurableApplicationContext serve(String dataDir, int port, boolean demo, String mode) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--soteria.data-dir=" + dataDir,
                "--server.port=" + port, "--soteria.demo=" + demo, "--soteria.mode=" + mode));
        if (demo) {
            // Demo accounts have a known password: never beside real accounts, and on this machine only unless the
            // address is set (SERVER_ADDRESS).
            args.add("--soteria.demo.refuse-real-accounts=true");
            if (System.getenv("SERVER_ADDRESS") == null && System.getProperty("server.address") == null) {
                args.add("--server.address=127.0.0.1");
            }
        }
        return new SpringApplicationBuilder(SoteriaApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }
}
