package org.soteria.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The soteria command: serve (the default), import, export, demo-data, audit, users, encryption, restricted, report, link, relink, backup and restore. */
@Command(name = "soteria", mixinStandardHelpOptions = true, version = "Soteria 0.1.0",
        description = "RASSO investigation, victim engagement and performance platform.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, DemoDataCommand.class,
            AuditCommand.class, UsersCommand.class, EncryptionCommand.class, RestrictedCommand.class,
            ReportCommand.class, LinkCommand.class, RelinkCommand.class, BackupCommand.class,
            RestoreCommand.class, PprlCommand.class})
public final class SoteriaCli implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        String[] effective = args;
        if (args.length == 0 || (args[0].startsWith("-") && !TOP_LEVEL_OPTIONS.contains(args[0]))) {
            effective = new String[args.length + 1];
            effective[0] = "serve";
            System.arraycopy(args, 0, effective, 1, args.length);
        }
        CommandLine cli = new CommandLine(new SoteriaCli());
        int code = cli.execute(effective);
        if (!ServeCommand.isServing()) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
