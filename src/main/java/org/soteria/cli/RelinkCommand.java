package org.soteria.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.soteria.operations.Progress;
import org.soteria.suspect.LinkageService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Links the stored suspects now, as the running application does every 30 seconds. */
@Command(name = "relink", mixinStandardHelpOptions = true,
        description = {"Link the stored suspects' records now: the suspects new since the last run, compared with "
                + "the saved model (the first time: all of them, with a model estimated from them).",
            "With --full, every suspect is compared again under a newly estimated model. Reviewers' decisions are "
                    + "kept either way; source records are never changed."})
final class RelinkCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--full", description = "Compare every suspect again and estimate a new model.")
    boolean full;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            long started = System.nanoTime();
            Progress told = Progress.standardError("soteria relink");
            told.step("linking " + (full ? "every suspect under a newly estimated model"
                    : "the suspects new since the last run") + "; the run is stored whole at the end, or not at all");
            Optional<LinkageService.Run> run = ctx.getBean(LinkageService.class).refresh(full,
                    told::step);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (run.isEmpty()) {
                System.out.printf("Nothing to link: no suspects, or none new since the last run (%.1f s).%n", seconds);
                return 0;
            }
            LinkageService.Run r = run.get();
            System.out.printf("Linkage run %d (%s): %,d suspect records, %,d new; %,d candidate pairs, %,d proposed links, "
                    + "%,d clusters; %.1f s.%n", r.id(), r.kind(), r.records(), r.newRecords(), r.candidatePairs(),
                    r.matchedPairs(), r.clusters(), seconds);
            return 0;
        }
    }
}
