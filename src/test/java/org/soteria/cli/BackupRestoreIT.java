package org.soteria.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.support.DatabaseReset;

/**
 * Back up and restore as a service owner does (issue 29): the restored instance holds the same data (an export of
 * it equals an export of the original, byte for byte), its audit log verifies, and a backup that is damaged, from a
 * newer schema, missing its keys or opened with the wrong passphrase is refused with the reason and nothing written.
 */
class BackupRestoreIT extends CommandLineCase {

    private static final String PASSPHRASE = "soteria.backup.passphrase";

    @BeforeEach
    void passphrase() {
        System.setProperty(PASSPHRASE, "a long enough test passphrase");
    }

    @AfterEach
    void noPassphrase() {
        System.clearProperty(PASSPHRASE);
    }

    @Test
    void aRestoredInstanceHoldsWhatTheOriginalHeldAndItsLogVerifies() throws IOException {
        String original = dir.resolve("original").toString();
        assertThat(run("demo-data", "--crimes", "150", "--seed", "29", "--out", dir.resolve("bundle").toString(),
                "--load", "--data-dir", original)).isZero();
        assertThat(run("users", "add", "--username", "r.owner", "--name", "Records Owner", "--role", "auditor",
                "--force", "NWP", "--data-dir", original)).isZero();
        // something the application writes after the import: an audit record and an account
        Path backup = dir.resolve("backups").resolve("nightly.zip");
        out.reset();
        assertThat(run("backup", "--data-dir", original, "--out", backup.toString(), "--with-keys", "--run-by",
                "ops")).as(err()).isZero();
        assertThat(out()).contains("Backup written to", "keys included (sealed)");
        assertThat(err()).contains("soteria backup: crime (table");
        assertThat(DatabaseReset.ownerQuery(original, "select count(*)::text from audit_event where action = 'EXPORT' "
                + "and object_type = 'backup' and username = 'cli:ops'")).isEqualTo("1");
        if (Files.getFileAttributeView(backup, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                    .isEqualTo("rw-------");
        }
        assertThat(run("backup", "--data-dir", original, "--out", backup.toString())).isEqualTo(2);
        assertThat(err()).contains("exists already; a backup never overwrites");

        String restored = dir.resolve("restored").toString();
        out.reset();
        assertThat(run("restore", "--data-dir", restored, "--from", backup.toString())).as(err()).isZero();
        assertThat(out()).contains("Restored", "Audit log intact");

        assertThat(run("export", "--data-dir", original, "--out", dir.resolve("export-original").toString())).isZero();
        assertThat(run("export", "--data-dir", restored, "--out", dir.resolve("export-restored").toString())).isZero();
        assertSameFiles(dir.resolve("export-original"), dir.resolve("export-restored"));
        assertThat(DatabaseReset.ownerQuery(restored, "select count(*)::text from app_user where username = 'r.owner'"))
                .isEqualTo("1");
        // the restored instance goes on: new rows take ids after the restored ones, and its log keeps verifying
        assertThat(run("users", "add", "--username", "after.restore", "--name", "New Officer", "--role",
                "investigator", "--force", "NWP", "--data-dir", restored)).as(err()).isZero();
        out.reset();
        assertThat(run("audit", "verify", "--data-dir", restored)).isZero();

        refusals(original, backup);
    }

    private void refusals(String original, Path backup) throws IOException {
        String target = dir.resolve("refused").toString();
        // into a folder that holds an instance already
        assertThat(run("restore", "--data-dir", dir.resolve("restored").toString(), "--from", backup.toString()))
                .isEqualTo(2);
        assertThat(err()).contains("is not empty");

        Path damaged = dir.resolve("damaged.zip");
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
            bytes[i] ^= 0x5a;
        }
        Files.write(damaged, bytes);
        assertRefused(target, damaged, "damaged");

        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(backup), bytes.length / 2));
        assertRefused(target, truncated, "damaged or not a Soteria backup");

        Path newer = dir.resolve("newer.zip");
        rewriteManifest(backup, newer, "schema-version=999");
        assertRefused(target, newer, "written by a newer Soteria", "schema version 999");

        System.setProperty(PASSPHRASE, "not the passphrase it was sealed with");
        assertRefused(target, backup, "does not open the backup's keys");
        System.setProperty(PASSPHRASE, "short");
        assertRefused(target, backup, "must be at least 12 characters");
        System.setProperty(PASSPHRASE, "a long enough test passphrase");

        Path keyless = dir.resolve("keyless.zip");
        assertThat(run("backup", "--data-dir", original, "--out", keyless.toString())).isZero();
        assertRefused(target, keyless, "written without its keys", "SOTERIA_ENCRYPTION_KEYS");
    }

    private void assertRefused(String target, Path backup, String... reasons) {
        err.reset();
        assertThat(run("restore", "--data-dir", target, "--from", backup.toString())).isEqualTo(2);
        assertThat(err()).contains(reasons);
        // nothing left behind: the folder can be used as it was
        Path folder = Path.of(target);
        assertThat(!Files.exists(folder) || isEmpty(folder)).as("nothing left in " + folder).isTrue();
        assertThat(Files.exists(Path.of(target + "-audit-witness", "checkpoints.log"))).isFalse();
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> in = Files.list(folder)) {
            return in.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A copy of a backup whose manifest has one line replaced (the key before '=' picks the line). */
    private static void rewriteManifest(Path from, Path to, String line) throws IOException {
        String key = line.substring(0, line.indexOf('='));
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    if (e.getName().equals("manifest.properties")) {
                        String text = new String(data.readAllBytes(), StandardCharsets.UTF_8);
                        out.write(text.replaceAll("(?m)^" + key + "=.*$", line).getBytes(StandardCharsets.UTF_8));
                    } else {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(a)) {
            files = all.filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        }
        try (Stream<Path> all = Files.walk(b)) {
            assertThat(all.filter(Files::isRegularFile).map(b::relativize).sorted().toList()).isEqualTo(files);
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f.toString()).isEqualTo(-1L);
        }
    }
}
