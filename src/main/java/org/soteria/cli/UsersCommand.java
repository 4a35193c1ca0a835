package org.soteria.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.soteria.security.AccountAdminService;
import org.soteria.security.Role;
import org.soteria.security.UserService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Account administration from the server's command line: every change is written to the audit log. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Create and administer accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ResetSecondFactor.class, UsersCommand.Unlock.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.SetRole.class, UsersCommand.SetTeams.class,
            UsersCommand.RequestReset.class, UsersCommand.ApproveReset.class})
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

    /** The teams a user works in and supervises. */
    static final class Teams {
        @Option(names = "--team", paramLabel = "CODE", split = ",", description = "Teams they work in.")
        List<String> memberOf = new ArrayList<>();

        @Option(names = "--supervises", paramLabel = "CODE", split = ",", description = "Teams they supervise.")
        List<String> supervises = new ArrayList<>();
    }

    /** A step on one account, named by --username, taken by the person named by --run-by. */
    abstract static class OnAccount implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        AccountAdminService.Actor actor() {
            return AccountAdminService.Actor.commandLine(common.runBy);
        }

        int admin(String command, java.util.function.Consumer<AccountAdminService> step) {
            return UsersCommand.admin(common, command, step);
        }
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

        @Option(names = "--partner", paramLabel = "CODE", description = "For cps-prosecutor and isva accounts: the "
                + "code of their partner organisation (registered on /admin/partners).")
        String partner;

        @Mixin
        Teams teams = new Teams();

        @Override
        public Integer call() {
            Role r = Role.fromCode(role).orElse(null);
            if (r == null) {
                System.err.println("soteria users add: --role must be one of " + String.join(", ",
                        java.util.Arrays.stream(Role.values()).map(Role::code).toList()) + " (got '" + role + "')");
                return 2;
            }
            try (ConfigurableApplicationContext ctx = Contexts.batch(common.dataDir.dataDir)) {
                String password = ctx.getBean(UserService.class).createAccount("cli:" + common.runBy,
                        new UserService.NewAccount(username, displayName, r, force, officer, teams.memberOf,
                                teams.supervises, partner == null || partner.isBlank() ? null
                                        : partner.trim().toUpperCase(java.util.Locale.ROOT)));
                ctx.getBean(AccountAdminService.class).requirePasswordChange(username);
                System.out.println("Account " + username + " created. First password (shown once): " + password);
                System.out.println("They choose their own password, and set up their authenticator app, at first sign-in.");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("soteria users add: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "reset-second-factor", mixinStandardHelpOptions = true,
            description = {"Ask for a user's second factor to be removed (they lost their authenticator and their "
                    + "recovery codes). Nothing changes until a second administrator approves with users approve-reset; "
                    + "the user is told at their next sign-in.", "Exit code 0 when asked, 2 when refused."})
    static final class ResetSecondFactor extends OnAccount {

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why, and how you checked it is them asking (audited, and shown to the user).")
        String reason;

        @Override
        public Integer call() {
            return admin("reset-second-factor", a -> {
                long id = a.requestReset(actor(), username, "second-factor",
                        reason);
                System.out.println("Request " + id + " made. A second administrator approves it with: soteria users "
                        + "approve-reset --request " + id + " --run-by <their name>");
            });
        }
    }

    /** Runs an administration step in a batch context; a refusal prints its reason in English and exits 2. */
    static int admin(Common common, String command, java.util.function.Consumer<AccountAdminService> step) {
        try (ConfigurableApplicationContext ctx = Contexts.batch(common.dataDir.dataDir)) {
            try {
                step.accept(ctx.getBean(AccountAdminService.class));
                return 0;
            } catch (org.soteria.platform.Invalid e) {
                org.soteria.web.form.FormMessages words = ctx.getBean(org.soteria.web.form.FormMessages.class);
                e.errors().values().forEach(v -> System.err.println("soteria users " + command + ": "
                        + words.text(v, java.util.Locale.UK)));
                return 2;
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: its sessions end and its API tokens are revoked at once.")
    static final class Disable extends OnAccount {

        @Override
        public Integer call() {
            return admin("disable", a -> {
                a.setEnabled(actor(), username, false);
                System.out.println("Account " + username + " disabled; its sessions ended and its tokens were revoked.");
            });
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled account.")
    static final class Enable extends OnAccount {

        @Override
        public Integer call() {
            return admin("enable", a -> {
                a.setEnabled(actor(), username, true);
                System.out.println("Account " + username + " enabled.");
            });
        }
    }

    @Command(name = "set-role", mixinStandardHelpOptions = true,
            description = "Change a local account's role; their sessions end, so it holds from their next request.")
    static final class SetRole extends OnAccount {

        @Option(names = "--role", required = true, paramLabel = "ROLE")
        String role;

        @Override
        public Integer call() {
            return admin("set-role", a -> {
                a.changeRole(actor(), username, Role.fromCode(role)
                        .orElse(null));
                System.out.println("Account " + username + " is now " + role + ".");
            });
        }
    }

    @Command(name = "set-teams", mixinStandardHelpOptions = true,
            description = "Set the teams a user works in and supervises (replacing the ones they had).")
    static final class SetTeams extends OnAccount {

        @Mixin
        Teams teams = new Teams();

        @Override
        public Integer call() {
            return admin("set-teams", a -> {
                a.setTeams(actor(), username, teams.memberOf, teams.supervises);
                System.out.println("Teams of " + username + " set.");
            });
        }
    }

    @Command(name = "request-reset", mixinStandardHelpOptions = true,
            description = "Ask for a user's password or second factor to be reset; a second administrator approves.")
    static final class RequestReset extends OnAccount {

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "password or second-factor.")
        String kind;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why, and how you checked it is them asking (audited, and shown to the user).")
        String reason;

        @Override
        public Integer call() {
            return admin("request-reset", a -> {
                long id = a.requestReset(actor(), username, kind, reason);
                System.out.println("Request " + id + " made. A second administrator approves it with: soteria users "
                        + "approve-reset --request " + id + " --run-by <their name>");
            });
        }
    }

    @Command(name = "approve-reset", mixinStandardHelpOptions = true,
            description = "Approve another administrator's reset request: it is carried out and the user told.")
    static final class ApproveReset implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--request", required = true, paramLabel = "ID")
        long request;

        @Override
        public Integer call() {
            return admin(common, "approve-reset", a -> {
                AccountAdminService.Approved done = a.approveReset(AccountAdminService.Actor.commandLine(common.runBy),
                        request);
                System.out.println("Done: the " + done.kind() + " of " + done.username() + " was reset; their sessions "
                        + "ended and their tokens were revoked.");
                if (done.firstPassword() != null) {
                    System.out.println("New first password (shown once; they change it at sign-in): "
                            + done.firstPassword());
                }
            });
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
