package org.soteria.cli;

import java.util.concurrent.Callable;
import org.soteria.audit.AuditVerification;
import org.soteria.audit.AuditVerifier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The audit log's commands. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Work with the s.62 audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the whole audit log: no record edited, removed, inserted or reordered, every "
                    + "checkpoint signed and none beyond the end of the log.",
                    "A check: it changes nothing (read-only connections; no migrations, start-up work or checkpoint).",
                    "Exit code 0 when the log is intact, 1 when it is broken (the first broken record is named)."})
    static final class Verify implements Callable<Integer> {

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() {
            return verify(dataDir.dataDir);
        }

        /** Checks the log of a data folder and says what was found: exit code 0 intact, 1 broken. */
        static int verify(String dataDir) {
            try (ConfigurableApplicationContext ctx = Contexts.auditCheck(dataDir)) {
                AuditVerification v = ctx.getBean(AuditVerifier.class).verify();
                if (v.intact()) {
                    System.out.printf("Audit log intact: %,d records, %,d signed checkpoints.%n", v.recordsChecked(),
                            v.checkpointsChecked());
                    return 0;
                }
                System.out.printf("Audit log BROKEN at record %d: %s%n", v.firstBrokenSeq(), v.problem());
                System.out.printf("Records checked before the break: %,d.%n", Math.max(0, v.recordsChecked() - 1));
                return 1;
            }
        }
    }
}
