package org.soteria;

import org.soteria.cli.SoteriaCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Soteria: one deployable that serves the staff pages and API, and runs the batch subcommands. */
@SpringBootApplication
public class SoteriaApplication {

    public static void main(String[] args) {
        SoteriaCli.main(args);
    }
}
