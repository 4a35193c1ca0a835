package org.soteria.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.cli.SoteriaCli;
import org.soteria.support.DatabaseReset;
import picocli.CommandLine;

/**
 * An instance of an earlier release upgraded to this one with nothing lost (issue 29). The fixture is a backup of a
 * data folder that the build at schema version 37 made (demo data loaded, an account added, suspects linked) and
 * that build's own export of it (src/test/resources/upgrade/README.md says how both were made). Restoring it builds
 * the schema of version 37, fills it, and migrates it to this version; then every table holds the rows it held,
 * an export equals the old build's export byte for byte, and the audit log verifies.
 */
class UpgradeIT {

    private static final String PASSPHRASE = "soteria.backup.passphrase";
    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/schema-37.zip");
    private static final Path OLD_EXPORT = Path.of("src/test/resources/upgrade/schema-37-export");

    @TempDir
    Path dir;

    @BeforeEach
    void passphrase() {
        System.setProperty(PASSPHRASE, "upgrade fixture passphrase");
    }

    @AfterEach
    void noPassphrase() {
        System.clearProperty(PASSPHRASE);
    }

    @Test
    void anEarlierReleasesDataMigratesToThisSchemaWithNothingLost() throws IOException {
        BackupManifest manifest;
        try (ZipFile zip = new ZipFile(FIXTURE.toFile()); InputStream in = zip.getInputStream(
                zip.getEntry(BackupManifest.ENTRY))) {
            manifest = BackupManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), FIXTURE.toString());
        }
        assertThat(manifest.schemaVersion()).isLessThan(Migrations.latest());

        String upgraded = dir.resolve("upgraded").toString();
        assertThat(cli("restore", "--data-dir", upgraded, "--from", FIXTURE.toString())).isZero();
        assertThat(DatabaseReset.ownerQuery(upgraded, "select max(version::int)::text from flyway_schema_history"))
                .isEqualTo(Integer.toString(Migrations.latest()));
        for (BackupManifest.Table t : manifest.tables()) {
            assertThat(DatabaseReset.ownerQuery(upgraded, "select count(*)::text from " + t.name()))
                    .as(t.name()).isEqualTo(Long.toString(t.rows()));
        }
        assertThat(cli("export", "--data-dir", upgraded, "--out", dir.resolve("export").toString())).isZero();
        assertSameFiles(OLD_EXPORT, dir.resolve("export"));
        assertThat(cli("audit", "verify", "--data-dir", upgraded)).isZero();
        // the upgraded instance works: the account made under the old release is there and another can be added
        assertThat(DatabaseReset.ownerQuery(upgraded, "select role from app_user where username = 'r.owner'"))
                .isEqualTo("auditor");
        assertThat(cli("users", "add", "--username", "after.upgrade", "--name", "New Officer", "--role",
                "investigator", "--force", "NWP", "--data-dir", upgraded)).isZero();
    }

    private static int cli(String... args) {
        return new CommandLine(new SoteriaCli()).execute(args);
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(expected)) {
            files = all.filter(Files::isRegularFile).map(expected::relativize).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.readString(actual.resolve(f))).as(f.toString())
                    .isEqualTo(Files.readString(expected.resolve(f)));
        }
    }
}
