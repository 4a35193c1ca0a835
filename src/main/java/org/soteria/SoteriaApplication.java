package org.soteria;

import org.soteria.cli.SoteriaCli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Soteria: one deployable that serves the staff pages and API, and runs the batch subcommands. */
@SpringBootApplication
@EnableScheduling
public class SoteriaApplication {

    public static void main(String[] args) {
        SoteriaCli.main(args);
    }
}
