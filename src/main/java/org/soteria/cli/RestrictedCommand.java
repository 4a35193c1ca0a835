package org.soteria.cli;

import java.util.concurrent.Callable;
import org.soteria.security.AccessService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Who may open a restricted crime: only the users named on it. */
@Command(name = "restricted", mixinStandardHelpOptions = true,
        description = "Name or remove the users who may open a restricted crime (nobody else can).",
        subcommands = {RestrictedCommand.Name.class, RestrictedCommand.Remove.class})
final class RestrictedCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** What naming and removing share. */
    static final class Target {
        @Mixin
        DataDirOption dataDir;

        @Option(names = "--force", required = true, paramLabel = "CODE")
        String force;

        @Option(names = "--crime", required = true, paramLabel = "REF", description = "The crime reference.")
        String crime;

        @Option(names = "--username", required = true, paramLabel = "NAME")
        String username;

        @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
                description = "Who makes the change, for the audit log (default: the OS user).")
        String runBy;

        int apply(boolean add) {
            try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
                ctx.getBean(AccessService.class).nameOnRestricted("cli:" + runBy, force, crime, username, add);
                System.out.println((add ? "Named " : "Removed ") + username + (add ? " on " : " from ") + crime + ".");
                return 0;
            } catch (AccessService.Refused e) {
                System.err.println("soteria restricted: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "name", mixinStandardHelpOptions = true, description = "Let a user open a restricted crime.")
    static final class Name implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.apply(true);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Stop a user opening a restricted crime.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            return target.apply(false);
        }
    }
}
