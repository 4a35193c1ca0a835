package org.soteria.operations;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a backup holds, written first-read-first: the format, when and by which version of Soteria it was written,
 * the schema version its data fits, each table with its columns, rows and SHA-256, and which keys it needs.
 *
 * @param schemaVersion the highest migration applied to the database backed up
 * @param fieldKeyIds   the field encryption keys the data may be encrypted under (ADR 8)
 * @param auditKeyId    the key that signed the audit log's checkpoints
 * @param keysIncluded  whether the keys are in the backup, sealed under the backup passphrase
 */
record BackupManifest(String format, Instant written, String soteriaVersion, int schemaVersion, String backupId,
        List<Table> tables, String sequencesSha256, String witnessSha256, List<String> fieldKeyIds, String auditKeyId,
        boolean keysIncluded) {

    static final String FORMAT = "soteria-backup/1";
    static final String ENTRY = "manifest.properties";

    /** One table's data: its columns in the order of the data, its row count and the SHA-256 of the data entry. */
    record Table(String name, List<String> columns, long rows, String sha256) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    String text() {
        Properties p = new Properties();
        p.setProperty("format", format);
        p.setProperty("written", written.toString());
        p.setProperty("soteria-version", soteriaVersion);
        p.setProperty("schema-version", Integer.toString(schemaVersion));
        p.setProperty("backup-id", backupId);
        p.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
        for (Table t : tables) {
            p.setProperty("table." + t.name() + ".columns", String.join(",", t.columns()));
            p.setProperty("table." + t.name() + ".rows", Long.toString(t.rows()));
            p.setProperty("table." + t.name() + ".sha256", t.sha256());
        }
        p.setProperty("sequences.sha256", sequencesSha256);
        if (witnessSha256 != null) {
            p.setProperty("audit-witness.sha256", witnessSha256);
        }
        p.setProperty("field-key-ids", String.join(",", fieldKeyIds));
        p.setProperty("audit-key-id", auditKeyId == null ? "" : auditKeyId);
        p.setProperty("keys", keysIncluded ? "included" : "absent");
        StringWriter out = new StringWriter();
        try {
            p.store(out, "Soteria backup: restore with soteria restore --data-dir NEW --from FILE");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Reads a manifest, naming the first thing missing or wrong. */
    static BackupManifest parse(String text, String file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BackupException(file + ": the manifest cannot be read (" + e.getMessage() + ")");
        }
        String format = p.getProperty("format", "");
        if (!FORMAT.equals(format)) {
            throw new BackupException(file + ": not a Soteria backup of a format this version reads (format '"
                    + format + "', expected '" + FORMAT + "')");
        }
        List<Table> tables = new ArrayList<>();
        for (String name : list(required(p, "tables", file))) {
            if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new BackupException(file + ": the manifest names a table '" + name + "' that is not a table name");
            }
            tables.add(new Table(name, list(required(p, "table." + name + ".columns", file)),
                    number(p, "table." + name + ".rows", file), required(p, "table." + name + ".sha256", file)));
        }
        return new BackupManifest(format, instant(p, file), p.getProperty("soteria-version", "unknown"),
                (int) number(p, "schema-version", file), required(p, "backup-id", file), tables,
                required(p, "sequences.sha256", file), p.getProperty("audit-witness.sha256"),
                list(p.getProperty("field-key-ids", "")), p.getProperty("audit-key-id", ""),
                "included".equals(p.getProperty("keys")));
    }

    private static String required(Properties p, String key, String file) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new BackupException(file + ": the manifest has no " + key + "; the backup is damaged");
        }
        return v;
    }

    private static long number(Properties p, String key, String file) {
        String v = required(p, key, file);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BackupException(file + ": the manifest's " + key + " is '" + v + "', not a number");
        }
    }

    private static Instant instant(Properties p, String file) {
        String v = required(p, "written", file);
        try {
            return Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BackupException(file + ": the manifest's written is '" + v + "', not a time");
        }
    }

    private static List<String> list(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
