package org.soteria.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.soteria.security.Role;
import org.soteria.security.UserService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Account administration from the server's command line: every change is written to the audit log. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Create and administer accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ResetSecondFactor.class, UsersCommand.Unlock.class})
final class UsersCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Options every account change shares: the database and who is making it. */
    static final class Common {
        @Mixin
        DataDirOption dataDir;

        @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who makes the change, for the audit log (default: the OS user).")
        String runBy;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Create an account. Prints a first password once; the user sets up their authenticator "
                    + "app at first sign-in.", "Exit code 0 when created, 2 when refused (the reason is printed)."})
    static final class Add implements Callable<Integer> {

        @Mixin
        Common common;

        @Option(names = "--username", required = true, paramLabel = "NAME",
                description = "Lower-case letters, digits, dots, hyphens or underscores.")
        String username;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Name shown on pages.")
        String displayName;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "One of: investigator, supervisor, victim-liaison, analyst, force-lead, auditor, "
                        + "researcher, admin, national-coordinator.")
        String role;

        @Option(names = "--force", required = true, paramLabel = "CODE", description = "The user's force code.")
        String force;

        @Option(names = "--officer", paramLabel = "CODE", description = "Their officer code in the records, if any.")
        String officer;

        @Option(names = "--team", paramLabel = "CODE", split = ",", description = "Teams they work in.")
        List<String> teams = new ArrayList<>();

        @Option(names = "--supervises", paramLabel = "CODE", split = ",", description = "Teams they supervise.")
        List<String> supervises = new ArrayList<>();

        @Override
        public Integer call() {
            Role r = Role.fromCode(role).orElse(null);
            if (r == null) {
                System.err.println("soteria users add: --role must be one of investigator, supervisor, victim-liaison, "
                        + "analyst, force-lead, auditor, researcher, admin, national-coordinator (got '" + role + "')");
                return 2;
            }
            try (ConfigurableApplicationContext ctx = Contexts.batch(common.dataDir.dataDir)) {
                String password = ctx.getBean(UserService.class).createAccount("cli:" + common.runBy,
                        new UserService.NewAccount(username, displayName, r, force, officer, teams, supervises));
                System.out.println("Account " + username + " created. First password (shown once): " + password);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("soteria users add: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "reset-second-factor", mixinStandardHelpOptions = true,
            description = "For a user who has lost both their authenticator and their recovery codes: they set up "
                    + "a new authenticator at their next sign-in. Check who is asking before you run it.")
    static final class ResetSecondFactor implements Callable<Integer> {

        @Mixin
        Common common;

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Contexts.batch(common.dataDir.dataDir)) {
                if (!ctx.getBean(UserService.class).resetSecondFactor("cli:" + common.runBy, username)) {
                    System.err.println("soteria users reset-second-factor: there is no account " + username);
                    return 2;
                }
                System.out.println("The second factor of " + username + " was removed; they set up a new one at their "
                        + "next sign-in. Their sessions were not ended: use sign out everywhere if needed.");
                return 0;
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Lift a lockout before its 15 minutes are up.")
    static final class Unlock implements Callable<Integer> {

        @Mixin
        Common common;

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext ctx = Contexts.batch(common.dataDir.dataDir)) {
                if (!ctx.getBean(UserService.class).unlock("cli:" + common.runBy, username)) {
                    System.err.println("soteria users unlock: there is no account " + username);
                    return 2;
                }
                System.out.println("Account " + username + " unlocked.");
                return 0;
            }
        }
    }
}
