package org.soteria.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soteria.operations.BackupException;
import org.soteria.operations.BackupService;
import org.soteria.operations.Progress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a consistent backup of an instance, while it runs or not. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of the database (every table read in one snapshot, while the "
                + "service runs or not), its schema version and the audit witness into one file.",
                "With --with-keys the field encryption keys and the audit signing key go in too, sealed under the "
                + "passphrase in SOTERIA_BACKUP_PASSPHRASE (at least 12 characters; restore asks for the same one).",
                "Progress on standard error. Exit 0 when written, 2 when it could not be (the reason is given)."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (never "
            + "overwritten; written as FILE.partial and renamed once complete).")
    Path out;

    @Option(names = "--with-keys", description = "Include the keys, sealed under SOTERIA_BACKUP_PASSPHRASE. Without "
            + "them a restore needs the keys from the force's secret store.")
    boolean withKeys;

    @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who takes the backup, for the audit log (default: the OS user).")
    String runBy;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            BackupService.Written w = ctx.getBean(BackupService.class).backup(out, withKeys, "cli:" + runBy,
                    Progress.lines(System.err, "soteria backup"));
            System.out.printf("Backup written to %s: %d tables, %,d rows, schema version %d, %,.1f MB, keys %s.%n",
                    w.file(), w.tables(), w.rows(), w.schemaVersion(), w.bytes() / 1e6,
                    w.keysIncluded() ? "included (sealed)" : "not included");
            return 0;
        } catch (BackupException e) {
            System.err.println("soteria backup: " + e.getMessage());
            return 2;
        }
    }
}
