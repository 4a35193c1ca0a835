package org.soteria.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureJson;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.MeasureTable;
import org.soteria.performance.Measures;
import org.soteria.performance.TableFiles;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** Writes every measure of kpis.md for a period as JSON, CSV or XLSX. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compute every measure (shared/domain/kpis.md) for a period and write it as JSON, CSV or XLSX.")
final class ReportCommand implements Callable<Integer> {

    enum Format { json, csv, xlsx }


    @Mixin
    DataDirOption dataDir;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the period.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the period.")
    String to;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "What was known on this date (default: today).")
    String asOf;

    @Option(names = "--filter", paramLabel = "KEY=VALUE",
            description = "Filter: force, team, officer, offence_code, offence_group, report_source, relationship, "
                    + "victim_age_band. Repeat a key for OR; different keys combine with AND.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json, csv or xlsx.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file (default: standard output).")
    Path out;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "Compute N times and print each time on stderr (default 1). The comparison with plain SQL "
                    + "is bench/measures.sh.")
    int repeat;

    @Option(names = "--run-by", defaultValue = "${sys:user.name}", paramLabel = "NAME",
            description = "Who runs the report, for the audit log (default: the OS user).")
    String runBy;

    @Override
    public Integer call() {
        MeasureQuery query;
        try {
            LocalDate fromDate = date(from, "--from");
            LocalDate toDate = date(to, "--to");
            LocalDate asOfDate = asOf == null ? LocalDate.now(MeasureService.LONDON) : date(asOf, "--as-of");
            query = new MeasureQuery(fromDate, toDate, asOfDate, MeasureFilter.parse(filters));
        } catch (MeasureFilter.Invalid e) {
            System.err.println("soteria report: " + e.getMessage());
            return 2;
        }
        try (ConfigurableApplicationContext ctx = Contexts.batch(dataDir.dataDir)) {
            MeasureService measures = ctx.getBean(MeasureService.class);
            Measures result = null;
            for (int i = 0; i < Math.max(1, repeat); i++) {
                long t0 = System.nanoTime();
                result = measures.compute(query);
                if (repeat > 1) {
                    System.err.printf("run %d: %.1f ms%n", i + 1, (System.nanoTime() - t0) / 1e6);
                }
            }
            byte[] bytes = switch (format) {
                case json -> JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(MeasureJson.of(result));
                case csv -> TableFiles.csv(MeasureTable.of(result));
                case xlsx -> TableFiles.xlsx(List.of(MeasureTable.of(result)));
            };
            ctx.getBean(AuditService.class).record("cli:" + runBy, "cli", AuditAction.EXPORT, "measures",
                    "report." + format, MeasureService.describe(query));
            if (out == null) {
                OutputStream stdout = System.out;
                stdout.write(bytes);
                stdout.flush();
            } else {
                Files.write(out, bytes);
                System.err.println("Report written to " + out.toAbsolutePath());
            }
            return 0;
        } catch (IOException e) {
            System.err.println("soteria report: cannot write " + out + ": " + e.getMessage());
            return 2;
        }
    }

    private static LocalDate date(String value, String option) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new MeasureFilter.Invalid(option + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
