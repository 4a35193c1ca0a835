package org.soteria.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.audit.AuditSigningKey;
import org.soteria.audit.AuditWitness;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.FieldCipher;
import org.soteria.platform.SecretFiles;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Backs up this instance ({@link BackupWriter}) with the keys it runs with, and puts the backup in the audit log: a
 * backup is an export of every record. Only a database at the schema version this build knows is backed up: a
 * backup never migrates the database it reads (the service may be running an older version on it).
 */
@Service
public class BackupService {

    private final DataSource owner;
    private final AuditService audit;
    private final AuditSigningKey signingKey;
    private final AuditWitness witness;
    private final FieldCipher cipher;
    private final Environment env;
    private final Clock clock;

    public BackupService(@Qualifier("migrationDataSource") DataSource owner, AuditService audit,
            AuditSigningKey signingKey, AuditWitness witness, FieldCipher cipher, Environment env, Clock clock) {
        this.owner = owner;
        this.audit = audit;
        this.signingKey = signingKey;
        this.witness = witness;
        this.cipher = cipher;
        this.env = env;
        this.clock = clock;
    }

    /** What a backup wrote. */
    public record Written(Path file, int tables, long rows, int schemaVersion, boolean keysIncluded, long bytes) {
    }

    public Written backup(Path out, boolean withKeys, String runBy, Progress progress) {
        Path target = out.toAbsolutePath().normalize();
        char[] passphrase = withKeys ? BackupKeys.passphrase("A backup --with-keys") : null;
        refuseOtherSchema(owner);
        BackupManifest manifest = new BackupWriter(owner, this::keys, cipher.keyIds(), signingKey.keyId(),
                witness.file(), clock).write(target, passphrase, progress);
        long rows = manifest.tables().stream().mapToLong(BackupManifest.Table::rows).sum();
        audit.record(runBy, null, AuditAction.EXPORT, "backup", target.toString(), "tables="
                + manifest.tables().size() + " rows=" + rows + " schema=" + manifest.schemaVersion() + " keys="
                + (withKeys ? "included" : "absent"));
        try {
            return new Written(target, manifest.tables().size(), rows, manifest.schemaVersion(), withKeys,
                    Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a database whose schema is not this build's (checked before the application starts on it, too). */
    public static void refuseOtherSchema(DataSource db) {
        int here;
        try (Connection c = db.getConnection()) {
            here = BackupWriter.schemaVersion(c);
        } catch (SQLException e) {
            throw new BackupException("Cannot read the database's schema version: " + e.getMessage(), e);
        }
        int known = Migrations.latest();
        if (here != known) {
            throw new BackupException("The database is at schema version " + here + " and this Soteria at " + known
                    + ": back it up with the version of Soteria that runs it (a backup never migrates a database)");
        }
    }

    /** The keys this instance reads its data with: from the environment when given there, else from the data folder. */
    private Properties keys() {
        Properties keys = new Properties();
        String configured = env.getProperty("soteria.encryption.keys");
        if (configured != null && !configured.isBlank()) {
            keys.setProperty("keys", configured);
            keys.setProperty("index-key", env.getProperty("soteria.encryption.index-key", ""));
        } else {
            Path file = EmbeddedDatabase.directory(env.getProperty("soteria.data-dir", "data"))
                    .resolve(FieldCipher.KEY_FILE);
            Properties p = BackupKeys.fieldKeyFile(file);
            keys.setProperty("keys", p.getProperty("keys"));
            keys.setProperty("index-key", p.getProperty("index-key"));
        }
        String search = env.getProperty("soteria.encryption.search-keys", cipher.searchKeysFromFile().orElse(""));
        if (search != null && !search.isBlank()) {
            keys.setProperty("search-keys", search);
        }
        keys.setProperty("audit-signing-key", SecretFiles.readPrivate(signingKey.file(), "audit signing key"));
        return keys;
    }
}
