package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.SoteriaApplication;
import org.soteria.security.UserService;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With spring.datasource.url set (SPRING_DATASOURCE_URL in production), Soteria uses that PostgreSQL,
 * migrates it, and starts no embedded server of its own; outside demo mode demo accounts are disabled.
 */
class ExternalDatabaseIT {

    @TempDir
    Path dir;

    private static String[] concat(String[] a, String... b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void anExternalPostgresqlIsMigratedAndUsed() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            Path unused = dir.resolve("data");
            String[] keys = {"--soteria.encryption.keys=k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "--soteria.encryption.index-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "--soteria.audit.signing-key-file=" + dir.resolve("keys/audit.pem")};
            // Keys made on one server's disk would not be shared by other instances: they must be configured.
            assertThatThrownBy(() -> new SpringApplicationBuilder(SoteriaApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres"))
                    .rootCause().hasMessageContaining("SOTERIA_");
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SoteriaApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                    .run(concat(keys, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                            "--soteria.data-dir=" + unused))) {
                JdbcClient jdbc = ctx.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from offence_code").query(Long.class).single()).isEqualTo(19);
                assertThat(Files.exists(unused)).as("no embedded database was started").isFalse();
                ctx.getBean(UserService.class).createDemoAccounts("pw", "NWP");
            }
            // Started again outside demo mode, the demo accounts left behind cannot sign in.
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SoteriaApplication.class)
                    .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                    .run(concat(keys, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres"))) {
                JdbcClient jdbc = ctx.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from app_user where enabled").query(Long.class).single()).isZero();
                assertThat(ctx.getBean(UserService.class).loadUserByUsername("investigator").isEnabled()).isFalse();
            }
        }
    }
}
