package org.soteria.operations;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postgresql.ds.PGSimpleDataSource;
import org.soteria.audit.AuditSigningKey;
import org.soteria.audit.AuditWitness;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.FieldCipher;
import org.soteria.platform.SecretFiles;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Makes the upgrade test's fixture ({@code src/test/resources/upgrade/}): a backup of a data folder that an earlier
 * release made, written as it stands, without migrating it (which is what this build's own {@code backup} would
 * refuse to do). Run with the test classpath: {@code UpgradeFixture DATA_DIR OUT.zip PASSPHRASE}; the procedure is
 * in {@code src/test/resources/upgrade/README.md}.
 */
public final class UpgradeFixture {

    private UpgradeFixture() {
    }

    public static void main(String[] args) {
        String dataDir = args[0];
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("args", Map.of("soteria.data-dir", dataDir)));
        Path folder = EmbeddedDatabase.directory(dataDir);
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(EmbeddedDatabase.ownerJdbcUrl(dataDir));
        Properties fieldKeys = BackupKeys.fieldKeyFile(folder.resolve(FieldCipher.KEY_FILE));
        AuditSigningKey signing = new AuditSigningKey(env);
        Properties keys = new Properties();
        keys.putAll(fieldKeys);
        keys.setProperty("audit-signing-key", SecretFiles.readPrivate(signing.file(), "audit signing key"));
        List<String> ids = Arrays.stream(fieldKeys.getProperty("keys").split(","))
                .map(k -> k.trim().split(":", 2)[0]).toList();
        BackupManifest m = new BackupWriter(owner, () -> keys, ids, signing.keyId(), new AuditWitness(env).file(),
                Clock.systemUTC()).write(Path.of(args[1]).toAbsolutePath(), args[2].toCharArray(),
                        Progress.lines(System.err, "upgrade fixture"));
        System.out.println("Wrote " + args[1] + " at schema version " + m.schemaVersion());
        System.exit(0);
    }
}
