package org.soteria.cli;

import picocli.CommandLine.Option;

/** The --data-dir option every subcommand that touches the database shares. */
final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Where the embedded PostgreSQL keeps its files (default: ${DEFAULT-VALUE}). "
                    + "Ignored when SPRING_DATASOURCE_URL names an external database.")
    String dataDir;
}
