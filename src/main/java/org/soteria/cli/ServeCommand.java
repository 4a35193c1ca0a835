package org.soteria.cli;

import java.util.concurrent.Callable;
import org.soteria.security.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the web application: staff pages, the API and the health endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the staff pages and the API (the default subcommand).")
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--demo", description = "Demo mode: one account per role, and a synthetic force "
            + "loaded when the database is empty. Served on 127.0.0.1 only unless SERVER_ADDRESS is set; refused on a "
            + "data directory holding real accounts.")
    boolean demo;

    /** What this instance is: a force's own, or the national learning network's hub. */
    enum Mode {
        force, hub
    }

    @Option(names = "--mode", defaultValue = "force", description = "force (default): a force's own instance; hub: "
            + "the national learning network, run by the national programme team (holds no crimes).")
    Mode mode;

    static boolean isServing() {
        return serving;
    }

    @Override
    public Integer call() {
        try {
            Contexts.serve(dataDir.dataDir, port, demo, mode.name());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof UserService.DemoRefused refused) {
                    System.err.println(refused.getMessage());
                    return 2;
                }
            }
            throw e;
        }
        serving = true;
        return 0;
    }
}
