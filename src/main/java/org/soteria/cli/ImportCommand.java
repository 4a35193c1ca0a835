package org.soteria.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soteria.exchange.BundleException;
import org.soteria.exchange.FileCounts;
import org.soteria.exchange.ImportProblem;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.soteria.exchange.ReportCsv;
import org.soteria.operations.Progress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Imports an exchange bundle, reporting every rejected row. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an exchange bundle (a folder or a .zip). Valid rows are applied; each rejected row "
                + "is reported with file, line, column, value and reason. Exits 0 when the run completed "
                + "(rejections included), 2 when it could not run.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--bundle", required = true, paramLabel = "DIR|ZIP", description = "The bundle to import.")
    Path bundle;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the problems as CSV (file,line,column,value,reason) to FILE.")
    Path report;

    @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who runs the import, for the run record and the audit log (default: the OS user).")
    String runBy;

    @Override
    public Integer call() throws IOException {
        try {
            ImportService.checkBundle(bundle);
        } catch (BundleException e) {
            System.err.println("soteria import: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            ImportService imports = ctx.getBean(ImportService.class);
            long started = System.nanoTime();
            Progress told = Progress.standardError("soteria import");
            ImportResult result = imports.importBundle(bundle, "cli:" + runBy, new ImportProgress() {
                private long fileStarted = started;

                @Override
                public void rowsRead(String file, long rows, double fraction) {
                    told.share(file, rows, fraction, System.nanoTime() - fileStarted);
                }

                @Override
                public void phase(String file, String phase) {
                    fileStarted = System.nanoTime();
                    told.step(String.format("%s: %s (%.1f s)", file, phase, (fileStarted - started) / 1e9));
                }
            });
            if (report != null) {
                try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                    ReportCsv.write(result.problems(), w);
                }
            }
            System.out.printf("Import run %d completed.%n", result.runId());
            System.out.printf("%-16s %10s %10s %10s %10s %10s %10s%n", "file", "rows", "inserted", "updated",
                    "unchanged", "superseded", "rejected");
            for (FileCounts c : result.files()) {
                System.out.printf("%-16s %10d %10d %10d %10d %10d %10d%n", c.file(), c.rowsRead(), c.inserted(),
                        c.updated(), c.unchanged(), c.superseded(), c.rejected());
            }
            long warnings = result.problems().stream().filter(p -> !p.rejection()).count();
            System.out.printf("%d rows rejected, %d warnings%s%n", result.rejectedRows(), warnings,
                    report != null ? "; report written to " + report : "");
            for (ImportProblem p : result.problems().stream().limit(20).toList()) {
                System.out.printf("  %s line %d%s: %s%n", p.file(), p.line(),
                        p.column() == null ? "" : " column " + p.column(), p.reason());
            }
            return 0;
        } catch (BundleException e) {
            System.err.println("soteria import: " + e.getMessage());
            return 2;
        }
    }
}
