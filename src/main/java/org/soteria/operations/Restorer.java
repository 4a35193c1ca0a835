package org.soteria.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.codec.digest.DigestUtils;
import org.soteria.audit.AuditSigningKey;
import org.soteria.audit.AuditWitness;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.FieldCipher;
import org.soteria.platform.SecretFiles;
import org.springframework.core.env.Environment;

/**
 * Rebuilds a working instance from a backup in a new data folder, refusing before it writes anything a backup that
 * is damaged (every entry's rows and SHA-256 checked against the manifest), from a newer schema than this version
 * knows, or whose data needs keys neither the backup nor the environment gives. Then: the keys and the audit witness
 * are put in place, the embedded PostgreSQL is started in the folder, the schema built up to the backup's version,
 * every table loaded in one transaction (triggers and foreign keys checked as a whole, not row by row, since the
 * rows were consistent when read), sequences set, every table's rows counted against the manifest, and the schema
 * migrated on to this version. A restore that fails leaves no half-built folder behind.
 */
public final class Restorer {

    static final String SEQUENCES = "sequences.tsv";
    static final String WITNESS = "audit-witness.log";

    private final Environment env;
    private final Progress progress;

    /** {@code env} gives the data folder ({@code soteria.data-dir}) and any keys the environment configures. */
    public Restorer(Environment env, Progress progress) {
        this.env = env;
        this.progress = progress;
    }

    /** What a restore rebuilt. */
    public record Restored(int tables, long rows, int backupSchema, int schemaNow, String written) {
    }

    public Restored restore(Path file) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            throw new BackupException("soteria restore rebuilds an instance on the embedded PostgreSQL; with an external "
                    + "database restore with the force's own PostgreSQL tooling (docs/user-guide/operations.md)");
        }
        String dataDir = env.getProperty("soteria.data-dir", "data");
        Path folder = EmbeddedDatabase.directory(dataDir);
        refuseUnlessEmpty(folder);
        String name = file.toString();
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = BackupManifest.parse(text(zip, BackupManifest.ENTRY, name), name);
            int latest = Migrations.latest();
            if (manifest.schemaVersion() > latest) {
                throw new BackupException(name + " was written by a newer Soteria (" + manifest.soteriaVersion()
                        + ", schema version " + manifest.schemaVersion() + "); this one knows schema versions up to "
                        + latest + ". Restore it with that version or a later one");
            }
            check(zip, manifest, name);
            Properties keys = keys(zip, manifest, name);
            boolean created = !Files.exists(folder);
            Path witness = new AuditWitness(env).file();
            boolean witnessCreated = !Files.exists(witness);
            try {
                placeKeys(folder, keys, manifest, zip, name);
                progress.step("starting PostgreSQL in " + folder + " and building schema version "
                        + manifest.schemaVersion());
                String ownerUrl = EmbeddedDatabase.ownerJdbcUrl(dataDir);
                Migrations.migrate(ownerUrl, manifest.schemaVersion());
                long rows = load(ownerUrl, zip, manifest, name);
                if (manifest.schemaVersion() < latest) {
                    progress.step("migrating from schema version " + manifest.schemaVersion() + " to " + latest);
                }
                Migrations.migrate(ownerUrl, null);
                return new Restored(manifest.tables().size(), rows, manifest.schemaVersion(), latest,
                        manifest.written().toString());
            } catch (RuntimeException | IOException | SQLException e) {
                EmbeddedDatabase.stop(dataDir);
                removeWhatWasMade(folder, created);
                if (witnessCreated) {
                    Files.deleteIfExists(witness);
                }
                if (e instanceof BackupException b) {
                    throw b;
                }
                throw new BackupException("The restore into " + folder + " failed and was undone: " + e.getMessage(), e);
            }
        } catch (ZipException e) {
            throw new BackupException(name + " is damaged or not a Soteria backup (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " is not a file");
        }
        return new ZipFile(file.toFile());
    }

    private void refuseUnlessEmpty(Path folder) {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> in = Files.list(folder)) {
                List<String> there = in.map(p -> p.getFileName().toString()).sorted().toList();
                if (!there.isEmpty()) {
                    throw new BackupException(folder + " is not empty (" + String.join(", ", there.subList(0,
                            Math.min(5, there.size()))) + "); restore into a new folder, never over an instance");
                }
            } catch (IOException e) {
                throw new BackupException("Cannot read " + folder + ": " + e.getMessage(), e);
            }
        } else if (Files.exists(folder)) {
            throw new BackupException(folder + " is a file; restore into a new folder");
        }
    }

    private static String text(ZipFile zip, String entry, String name) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            throw new BackupException(name + " has no " + entry + ": it is damaged or not a Soteria backup");
        }
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every entry read through once and compared with the manifest, before anything is written. */
    private void check(ZipFile zip, BackupManifest manifest, String name) throws IOException {
        progress.step("checking " + name + " (" + manifest.tables().size() + " tables, written "
                + manifest.written() + ")");
        for (BackupManifest.Table t : manifest.tables()) {
            TableData.Tally tally = new TableData.Tally("checking " + t.name(), progress);
            try (InputStream in = tally.from(entry(zip, t.entry(), name))) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (tally.rows() != t.rows() || !tally.sha256().equals(t.sha256())) {
                throw new BackupException(name + " is damaged: " + t.entry() + " holds " + tally.rows() + " rows where "
                        + "the manifest says " + t.rows() + (tally.sha256().equals(t.sha256()) ? ""
                        : ", and its SHA-256 differs from the manifest's") + ". Nothing was restored");
            }
        }
        check(zip, SEQUENCES, manifest.sequencesSha256(), name);
        if (manifest.witnessSha256() != null) {
            check(zip, WITNESS, manifest.witnessSha256(), name);
        }
    }

    private static void check(ZipFile zip, String entry, String sha256, String name) throws IOException {
        try (InputStream in = entry(zip, entry, name)) {
            if (!DigestUtils.sha256Hex(in).equals(sha256)) {
                throw new BackupException(name + " is damaged: " + entry + " differs from the manifest's SHA-256. "
                        + "Nothing was restored");
            }
        }
    }

    private static InputStream entry(ZipFile zip, String entry, String name) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        if (e == null) {
            throw new BackupException(name + " is damaged: the manifest lists " + entry + ", which it does not hold");
        }
        return zip.getInputStream(e);
    }

    /**
     * The keys the data needs: from the backup (opened with the passphrase) or already configured here. Checked
     * before anything is written, so that a restore never leaves an instance whose names cannot be read.
     */
    private Properties keys(ZipFile zip, BackupManifest manifest, String name) throws IOException {
        String configured = env.getProperty("soteria.encryption.keys");
        Set<String> here = new HashSet<>();
        if (configured != null && !configured.isBlank()) {
            for (String k : configured.split(",")) {
                here.add(k.trim().split(":", 2)[0]);
            }
        }
        if (manifest.keysIncluded()) {
            try (InputStream in = entry(zip, BackupKeys.ENTRY, name)) {
                return BackupKeys.unseal(in.readAllBytes(), BackupKeys.passphrase("This backup's keys"),
                        manifest.backupId(), name);
            }
        }
        Set<String> missing = new java.util.TreeSet<>(manifest.fieldKeyIds());
        missing.removeAll(here);
        if (!missing.isEmpty()) {
            throw new BackupException(name + " was written without its keys (--with-keys), and the field encryption "
                    + "keys its data is encrypted under (" + String.join(", ", missing) + ") are not configured here "
                    + "(SOTERIA_ENCRYPTION_KEYS and SOTERIA_ENCRYPTION_INDEX_KEY). Restore with them set, or from a "
                    + "backup written --with-keys. Nothing was restored");
        }
        Path signing = new AuditSigningKey(env).file();
        if (!Files.exists(signing)) {
            throw new BackupException(name + " was written without its keys (--with-keys), and the audit signing key "
                    + "that signed its log (" + manifest.auditKeyId() + ") is not at " + signing
                    + " (SOTERIA_AUDIT_SIGNING_KEY_FILE). Nothing was restored");
        }
        return null;
    }

    private void placeKeys(Path folder, Properties keys, BackupManifest manifest, ZipFile zip, String name)
            throws IOException {
        Files.createDirectories(folder);
        Path witness = new AuditWitness(env).file();
        if (Files.exists(witness) && Files.size(witness) > 0) {
            throw new BackupException("The audit witness " + witness + " already holds checkpoints of another log; "
                    + "restore into a folder of its own (or set SOTERIA_AUDIT_WITNESS_FILE to a new file)");
        }
        if (keys != null) {
            String configured = env.getProperty("soteria.encryption.keys");
            if (configured == null || configured.isBlank()) {
                Properties file = new Properties();
                for (String k : List.of("keys", "index-key", "search-keys")) {
                    if (keys.getProperty(k) != null) {
                        file.setProperty(k, keys.getProperty(k));
                    }
                }
                StringWriter text = new StringWriter();
                file.store(text, "Soteria field encryption keys, restored from a backup written " + manifest.written());
                SecretFiles.writeNew(folder.resolve(FieldCipher.KEY_FILE), text.toString());
            }
            Path signing = new AuditSigningKey(env).file();
            if (!Files.exists(signing)) {
                SecretFiles.writeNew(signing, keys.getProperty("audit-signing-key", ""));
            }
        }
        if (manifest.witnessSha256() != null) {
            SecretFiles.createPrivate(witness);
            try (InputStream in = entry(zip, WITNESS, name); OutputStream out = Files.newOutputStream(witness)) {
                in.transferTo(out);
            }
        }
    }

    /** Every table emptied of what the migrations seeded and loaded from the backup, in one transaction. */
    private long load(String ownerUrl, ZipFile zip, BackupManifest manifest, String name) throws SQLException,
            IOException {
        long total = 0;
        try (Connection c = DriverManager.getConnection(ownerUrl)) {
            c.setAutoCommit(false);
            Map<String, List<String>> here = TableData.tables(c);
            for (BackupManifest.Table t : manifest.tables()) {
                if (!here.containsKey(t.name())) {
                    throw new BackupException(name + " holds table " + t.name() + ", which schema version "
                            + manifest.schemaVersion() + " does not have: the backup does not fit its schema");
                }
            }
            try (Statement s = c.createStatement()) {
                // Rows go in as they were read: no trigger (the audit log's refuse changes) and no foreign key
                // checked row by row; the migrations' own seed rows go first.
                s.execute("set session_replication_role = replica");
                s.execute("truncate " + String.join(", ", manifest.tables().stream()
                        .map(t -> TableData.quote(t.name())).toList()));
            }
            int n = 0;
            for (BackupManifest.Table t : manifest.tables()) {
                n++;
                progress.step(String.format("loading %s (table %d of %d, %,d rows)", t.name(), n,
                        manifest.tables().size(), t.rows()));
                TableData.Tally tally = new TableData.Tally(t.name(), progress);
                try (InputStream in = tally.from(entry(zip, t.entry(), name))) {
                    TableData.copyIn(c, t.name(), t.columns(), in);
                }
                total += t.rows();
            }
            setSequences(c, text(zip, SEQUENCES, name));
            countRows(c, manifest, name);
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
            }
            c.commit();
        }
        return total;
    }

    private static void setSequences(Connection c, String lines) throws SQLException {
        try (var s = c.prepareStatement("select setval(format('public.%I', ?::text), ?, true)")) {
            for (String line : lines.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t");
                s.setString(1, parts[0]);
                s.setLong(2, Long.parseLong(parts[1]));
                s.execute();
            }
        }
    }

    private static void countRows(Connection c, BackupManifest manifest, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (BackupManifest.Table t : manifest.tables()) {
                try (ResultSet r = s.executeQuery("select count(*) from " + TableData.quote(t.name()))) {
                    r.next();
                    if (r.getLong(1) != t.rows()) {
                        throw new BackupException(name + ": " + t.name() + " holds " + r.getLong(1) + " rows after "
                                + "loading, where the backup has " + t.rows());
                    }
                }
            }
        }
    }

    private static void removeWhatWasMade(Path folder, boolean created) {
        List<Path> made = new java.util.ArrayList<>();
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(made::add);
        } catch (IOException e) {
            return;
        }
        for (Path p : made) {
            if (!p.equals(folder) || created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the message names the folder
                }
            }
        }
    }
}
