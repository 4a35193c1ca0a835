package org.soteria.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soteria.operations.BackupException;
import org.soteria.operations.BackupService;
import org.soteria.operations.Progress;
import org.soteria.platform.EmbeddedDatabase;
import org.postgresql.ds.PGSimpleDataSource;
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
        try {
            checkBeforeStarting();
        } catch (BackupException e) {
            System.err.println("soteria backup: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext ctx = Contexts.unmigrated(dataDir.dataDir)) {
            BackupService.Written w = ctx.getBean(BackupService.class).backup(out, withKeys, "cli:" + runBy,
                    Progress.standardError("soteria backup"));
            System.out.printf("Backup written to %s: %d tables, %,d rows, schema version %d, %,.1f MB, keys %s.%n",
                    w.file(), w.tables(), w.rows(), w.schemaVersion(), w.bytes() / 1e6,
                    w.keysIncluded() ? "included (sealed)" : "not included");
            return 0;
        } catch (BackupException e) {
            System.err.println("soteria backup: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The embedded database's schema checked before the application starts on it: its start-up work assumes this
     * version's schema. (An external database is checked by the backup itself.)
     */
    private void checkBeforeStarting() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return;
        }
        java.nio.file.Path folder = EmbeddedDatabase.directory(dataDir.dataDir);
        if (!Files.isDirectory(folder.resolve("postgres"))) {
            throw new BackupException("There is no Soteria database in " + folder + " (no postgres folder): check "
                    + "--data-dir");
        }
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(EmbeddedDatabase.ownerJdbcUrl(dataDir.dataDir));
        BackupService.refuseOtherSchema(owner);
    }
}
