package org.soteria.cli;

import java.util.concurrent.Callable;
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
            + "loaded when the database is empty.")
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
        Contexts.serve(dataDir.dataDir, port, demo, mode.name());
        serving = true;
        return 0;
    }
}
