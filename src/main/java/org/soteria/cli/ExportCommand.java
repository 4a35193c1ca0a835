package org.soteria.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soteria.exchange.BundleException;
import org.soteria.exchange.ExportService;
import org.soteria.operations.Progress;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Exports the stored data as an exchange bundle. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the stored data as an exchange bundle (v1) into a folder.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the bundle into.")
    Path out;

    @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who runs the export, for the audit log (default: the OS user).")
    String runBy;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            Map<String, Long> rows = ctx.getBean(ExportService.class).exportBundle(out, "cli:" + runBy,
                    Progress.standardError("soteria export")::step);
            rows.forEach((file, n) -> System.out.printf("%-16s %,12d rows%n", file, n));
            System.out.println("Bundle written to " + out.toAbsolutePath());
            return 0;
        } catch (BundleException e) {
            System.err.println("soteria export: " + e.getMessage());
            return 2;
        }
    }
}
