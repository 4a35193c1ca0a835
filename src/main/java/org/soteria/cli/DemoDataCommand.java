package org.soteria.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.soteria.exchange.BundleException;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.soteria.exchange.SyntheticBundleGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes (and optionally loads) a synthetic force's bundle. */
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Write a synthetic exchange bundle for one force. The same options give the same bytes. "
                + "The true identities of suspects recorded under variants are in truth/identities.csv.")
final class DemoDataCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--force", defaultValue = "NWP", paramLabel = "CODE",
            description = "Force code (default: ${DEFAULT-VALUE}).")
    String force;

    @Option(names = "--crimes", defaultValue = "5000", paramLabel = "N",
            description = "Records to generate, N100 incidents and cancelled records included (default: ${DEFAULT-VALUE}).")
    int crimes;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--end-date", defaultValue = "2026-10-31", paramLabel = "YYYY-MM-DD",
            description = "Last recording date (default: ${DEFAULT-VALUE}); fixed so that a seed gives the same bundle.")
    LocalDate endDate;

    @Option(names = "--years", defaultValue = "5", paramLabel = "Y",
            description = "Years of recording before the end date (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the bundle into.")
    Path out;

    @Option(names = "--load", description = "Import the bundle into the database once written.")
    boolean load;

    @Override
    public Integer call() throws IOException {
        SyntheticBundleGenerator.Settings settings;
        try {
            settings = new SyntheticBundleGenerator.Settings(force, crimes, seed, endDate, years);
        } catch (IllegalArgumentException e) {
            System.err.println("soteria demo-data: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        SyntheticBundleGenerator.Summary s = SyntheticBundleGenerator.generate(settings, out,
                n -> System.err.printf("generated %,d of %,d crimes (%.0f%%)%n", n, crimes, 100.0 * n / crimes));
        System.out.printf("Wrote %,d crimes, %,d people, %,d links, %,d events, %,d orders, %,d feedback returns, "
                        + "%,d officers in %,d teams to %s in %.1f s%n", s.crimes(), s.people(), s.casePeople(),
                s.events(), s.orders(), s.feedback(), s.officers(), s.teams(), out.toAbsolutePath(),
                (System.nanoTime() - started) / 1e9);
        if (!load) {
            return 0;
        }
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            ImportResult r = ctx.getBean(ImportService.class).importBundle(out, "cli:" + System.getProperty("user.name"),
                    (file, rows, fraction) -> System.err.printf("%s: %,d rows (%.0f%%)%n", file, rows, fraction * 100));
            System.out.printf("Loaded as import run %d: %,d rows changed, %,d rejected%n", r.runId(), r.changedRows(),
                    r.rejectedRows());
            return r.rejectedRows() == 0 ? 0 : 1;
        } catch (BundleException e) {
            System.err.println("soteria demo-data: " + e.getMessage());
            return 2;
        }
    }
}
