package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Export → import into an empty database → export gives the same files; a failed run applies nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class ExportRoundTripIT {

    @Autowired
    ImportService imports;

    @Autowired
    ExportService exports;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        DatabaseReset.empty(":temporary:import");
    }

    @Test
    void exportImportExportIsIdentical() throws Exception {
        Path generated = dir.resolve("generated");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("NWP", 3_000, 5,
                LocalDate.of(2026, 10, 31), 4), generated, n -> { });
        ImportResult first = imports.importBundle(generated, "test", ImportProgress.NONE);
        assertThat(first.rejectedRows()).isZero();

        Path a = dir.resolve("a");
        Map<String, Long> rowsA = exports.exportBundle(a, "test");
        assertThat(rowsA.get("cases.csv")).isEqualTo(3_000);
        assertThat(audit.countFor("bundle", a.toAbsolutePath().toString(), AuditAction.EXPORT)).isOne();

        DatabaseReset.empty(":temporary:import");
        ImportResult second = imports.importBundle(a, "test", ImportProgress.NONE);
        assertThat(second.rejectedRows()).isZero();
        assertThat(second.problems()).isEmpty();

        Path b = dir.resolve("b");
        exports.exportBundle(b, "test");
        for (String f : rowsA.keySet()) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
        // Events without an id (victim updates) keep their composite key: the counts match the generator's.
        assertThat(Files.readAllLines(a.resolve("events.csv"))).hasSameSizeAs(
                Files.readAllLines(generated.resolve("events.csv")));
    }

    @Test
    void aRunThatFailsHalfWayAppliesNothingAndRunningItAgainCompletesIt() throws Exception {
        Path generated = dir.resolve("g");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("NWP", 500, 9,
                LocalDate.of(2026, 10, 31), 2), generated, n -> { });
        // Simulates the process dying while events are written: cases and people are already staged and merged.
        // Created by the schema owner: the application's role may not create triggers.
        DatabaseReset.owner(":temporary:import", "create function fail_on_event() returns trigger language plpgsql as "
                + "$$ begin raise exception 'simulated crash'; end $$; "
                + "create trigger fail_on_event before insert on event for each statement "
                + "execute function fail_on_event()");
        try {
            assertThatThrownBy(() -> imports.importBundle(generated, "test", ImportProgress.NONE))
                    .isInstanceOf(BundleException.class).hasMessageContaining("applied nothing");
        } finally {
            DatabaseReset.owner(":temporary:import", "drop trigger fail_on_event on event; drop function fail_on_event()");
        }
        assertThat(jdbc.sql("select count(*) from crime").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from import_run").query(String.class).list()).containsExactly("failed");

        ImportResult retry = imports.importBundle(generated, "test", ImportProgress.NONE);
        assertThat(retry.rejectedRows()).isZero();
        assertThat(jdbc.sql("select count(*) from crime").query(Long.class).single()).isEqualTo(500);
        assertThat(imports.run("NWP", retry.runId()).orElseThrow().status()).isEqualTo("completed");
    }

    @Test
    void aBundleThatCannotBeReadIsRefusedWithAClearReason() throws Exception {
        assertThatThrownBy(() -> imports.importBundle(dir.resolve("missing"), "test", ImportProgress.NONE))
                .isInstanceOf(BundleException.class).hasMessageStartingWith("No such bundle");
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> imports.importBundle(dir.resolve("empty"), "test", ImportProgress.NONE))
                .hasMessageContaining("has no cases.csv");
        Path notZip = Files.writeString(dir.resolve("bundle.zip"), "this is not a zip");
        assertThatThrownBy(() -> imports.importBundle(notZip, "test", ImportProgress.NONE))
                .hasMessageContaining("neither a folder nor a readable zip");
        assertThat(jdbc.sql("select count(*) from import_run").query(Long.class).single()).isZero();
    }
}
