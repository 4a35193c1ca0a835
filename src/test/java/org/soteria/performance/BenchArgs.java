package org.soteria.performance;

import java.time.LocalDate;
import org.soteria.SoteriaApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The arguments the measures benchmarks share ({@code --data-dir --from --to --as-of --rounds}), and their context. */
record BenchArgs(String[] args, String dataDir, LocalDate from, LocalDate to, LocalDate asOf, int rounds) {

    static BenchArgs of(String[] args) {
        LocalDate to = LocalDate.parse(arg(args, "--to", "2025-12-31"));
        return new BenchArgs(args, arg(args, "--data-dir", "data"), LocalDate.parse(arg(args, "--from", "2025-01-01")),
                to, LocalDate.parse(arg(args, "--as-of", to.toString())), Integer.parseInt(arg(args, "--rounds", "5")));
    }

    String arg(String name, String fallback) {
        return arg(args, name, fallback);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Soteria without its web server, on the benchmark's database. */
    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SoteriaApplication.class).web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF).run("--soteria.data-dir=" + dataDir, "--logging.level.root=WARN",
                        // the background linkage would share the heap and the cores with what is measured
                        "--soteria.linkage.initial-delay=P1D");
    }
}
