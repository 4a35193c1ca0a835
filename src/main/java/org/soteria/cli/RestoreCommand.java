package org.soteria.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soteria.operations.BackupException;
import org.soteria.operations.Progress;
import org.soteria.operations.Restorer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rebuilds an instance from a backup in a new data folder, then checks its audit log. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Rebuild a working instance from a backup in a new, empty --data-dir: the backup is checked "
                + "whole first (damaged, from a newer schema, or missing keys: refused with the reason, nothing "
                + "written), then loaded, migrated to this version, and its audit log verified.",
                "A backup written --with-keys needs its passphrase in SOTERIA_BACKUP_PASSPHRASE; one written "
                + "without needs the keys from the force's secret store (SOTERIA_ENCRYPTION_KEYS, ...).",
                "Exit 0 restored and the audit log intact, 1 restored but the audit log does not verify, 2 not "
                + "restored."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup to restore.")
    Path from;

    @Override
    public Integer call() {
        // Outside an application context no logging is configured: the migrations' own notes are not for the operator.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("command line",
                Map.of("soteria.data-dir", dataDir.dataDir)));
        try {
            Restorer.Restored r = new Restorer(env, Progress.standardError("soteria restore")).restore(from);
            System.out.printf("Restored %d tables, %,d rows (backup of %s, schema version %d, now %d) into %s.%n",
                    r.tables(), r.rows(), r.written(), r.backupSchema(), r.schemaNow(), dataDir.dataDir);
        } catch (BackupException e) {
            System.err.println("soteria restore: " + e.getMessage());
            return 2;
        }
        return AuditCommand.Verify.verify(dataDir.dataDir);
    }
}
