package org.soteria.operations;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.apache.commons.codec.digest.DigestUtils;
import org.soteria.platform.SecretFiles;

/**
 * Writes a backup file from a database: every table's rows read in one snapshot (a read-only, repeatable-read
 * transaction, so the tables agree with each other whatever the service writes meanwhile), the sequences, the audit
 * witness, and on request the keys sealed under a passphrase. Reads as the schema's owner with row-level security
 * off: a backup that silently left out rows need-to-know hides would be worse than none, so a connection that
 * cannot see every row fails instead. The file is private to its owner from the first byte, written as
 * {@code FILE.partial} and renamed only once complete.
 *
 * @param keys        the keys to seal (asked for only when a passphrase is given)
 * @param witnessFile the audit witness, or null
 */
record BackupWriter(DataSource owner, Supplier<Properties> keys, List<String> fieldKeyIds, String auditKeyId,
        Path witnessFile, Clock clock) {

    BackupManifest write(Path target, char[] passphrase, Progress progress) {
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already; a backup never overwrites a file (choose a new name)");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            if (!SecretFiles.createPrivate(partial)) {
                throw new BackupException(partial + " exists: another backup to " + target + " is being written, or "
                        + "one was stopped part way (delete the .partial file if none runs)");
            }
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        }
        try {
            BackupManifest manifest;
            try (OutputStream file = Files.newOutputStream(partial, StandardOpenOption.WRITE);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                zip.setLevel(Deflater.BEST_SPEED);
                manifest = write(zip, UUID.randomUUID().toString(), passphrase, progress);
            }
            try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("Cannot read the database for the backup: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a partial file is named as such and never mistaken for a backup
            }
        }
    }

    private BackupManifest write(ZipOutputStream zip, String backupId, char[] passphrase, Progress progress)
            throws SQLException, IOException {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (Statement s = c.createStatement()) {
                s.execute("set local row_security = off");
            }
            int schema = schemaVersion(c);
            Map<String, List<String>> tables = TableData.tables(c);
            List<BackupManifest.Table> written = new ArrayList<>();
            int n = 0;
            for (Map.Entry<String, List<String>> t : tables.entrySet()) {
                n++;
                long estimate = TableData.estimate(c, t.getKey());
                progress.step(String.format("%s (table %d of %d%s)", t.getKey(), n, tables.size(),
                        estimate > 0 ? String.format(", about %,d rows", estimate) : ""));
                BackupManifest.Table entry = new BackupManifest.Table(t.getKey(), t.getValue(), 0, "");
                zip.putNextEntry(new ZipEntry(entry.entry()));
                TableData.Tally tally = new TableData.Tally(t.getKey(), progress);
                try {
                    TableData.copyOut(c, t.getKey(), t.getValue(), tally.into(zip));
                } catch (org.postgresql.util.PSQLException e) {
                    throw new BackupException("Cannot read every row of " + t.getKey() + " (" + e.getMessage()
                            + "): a backup must connect as the schema's owner, who row-level security does not "
                            + "filter (SOTERIA_DB_MIGRATION_USERNAME with an external database)", e);
                }
                zip.closeEntry();
                written.add(new BackupManifest.Table(t.getKey(), t.getValue(), tally.rows(), tally.sha256()));
            }
            String sequences = sequences(c);
            c.commit();
            zip.putNextEntry(new ZipEntry(Restorer.SEQUENCES));
            byte[] seq = sequences.getBytes(StandardCharsets.UTF_8);
            zip.write(seq);
            zip.closeEntry();
            String witnessHash = null;
            if (witnessFile != null && Files.exists(witnessFile)) {
                byte[] w = Files.readAllBytes(witnessFile);
                zip.putNextEntry(new ZipEntry(Restorer.WITNESS));
                zip.write(w);
                zip.closeEntry();
                witnessHash = DigestUtils.sha256Hex(w);
            }
            if (passphrase != null) {
                progress.step("sealing the keys under the passphrase");
                zip.putNextEntry(new ZipEntry(BackupKeys.ENTRY));
                zip.write(BackupKeys.seal(keys.get(), passphrase, backupId));
                zip.closeEntry();
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, clock.instant(), version(), schema,
                    backupId, written, DigestUtils.sha256Hex(seq), witnessHash, fieldKeyIds, auditKeyId,
                    passphrase != null);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.text().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            return manifest;
        }
    }

    static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select coalesce(max(version::int), 0) from flyway_schema_history "
                        + "where success and version is not null")) {
            r.next();
            return r.getInt(1);
        }
    }

    /** Each sequence's last value, a line each: {@code name<TAB>value} (sequences never used are left out). */
    private static String sequences(Connection c) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select sequencename, last_value from pg_sequences "
                        + "where schemaname = 'public' and last_value is not null order by sequencename")) {
            while (r.next()) {
                out.append(r.getString(1)).append('\t').append(r.getLong(2)).append('\n');
            }
        }
        return out.toString();
    }

    private static String version() {
        String v = BackupService.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
