package org.soteria.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.soteria.SoteriaApplication;
import org.soteria.exchange.FileCounts;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.soteria.exchange.SyntheticBundleGenerator;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import throughput against the baseline of PostgreSQL COPY of the same rows, measured in the same
 * run on the same database server: COPY of every bundle file into plain text tables, then the full
 * import (validation, references, upserts, indexes), then COPY again. Run by bench/import-vs-copy.sh.
 */
public final class ImportVsCopyBenchmark {

    private static final List<String> FILES = List.of("teams.csv", "officers.csv", "cases.csv", "people.csv",
            "case_people.csv", "events.csv", "orders.csv", "feedback.csv");

    private ImportVsCopyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int crimes = Integer.parseInt(arg(args, "--crimes", "1000000"));
        Path out = Path.of(arg(args, "--out", "bench/out"));
        Path bundle = out.resolve("bundle-" + crimes);
        if (!Files.exists(bundle.resolve("feedback.csv"))) {
            long t0 = System.nanoTime();
            SyntheticBundleGenerator.Summary s = SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings(
                    "NWP", crimes, 1, LocalDate.of(2026, 10, 31), 10), bundle, n -> { });
            System.out.printf("generated %,d crimes, %,d people, %,d links, %,d events in %.1f s%n", s.crimes(),
                    s.people(), s.casePeople(), s.events(), (System.nanoTime() - t0) / 1e9);
        }
        long rows = 0;
        long bytes = 0;
        for (String f : FILES) {
            rows += Files.lines(bundle.resolve(f)).count() - 1;
            bytes += Files.size(bundle.resolve(f));
        }
        System.out.printf("bundle: %,d data rows, %,d MB%n", rows, bytes / 1_000_000);

        Path db = out.resolve("db-" + crimes);
        deleteRecursively(db);
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SoteriaApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run("--soteria.data-dir=" + db, "--logging.level.root=WARN", "--logging.level.org.soteria.exchange=INFO")) {
            // The baselines create and fill tables of their own, which the application's role may not (ADR 17):
            // they run as the schema's owner. The import runs as the application does.
            DataSource ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    org.soteria.platform.EmbeddedDatabase.ownerJdbcUrl(db.toString()));
            double copy1 = copyAll(ds, bundle);
            System.out.printf("baseline COPY (run 1): %.1f s%n", copy1);
            long t0 = System.nanoTime();
            ImportResult r = ctx.getBean(ImportService.class).importBundle(bundle, "benchmark", ImportProgress.NONE);
            double imp = (System.nanoTime() - t0) / 1e9;
            long applied = 0;
            for (FileCounts c : r.files()) {
                applied += c.inserted() + c.updated() + c.unchanged();
            }
            System.out.printf("soteria import: %.1f s (%,d rows applied, %,d rejected, %,.0f rows/s)%n", imp, applied,
                    r.rejectedRows(), applied / imp);
            double copy2 = copyAll(ds, bundle);
            System.out.printf("baseline COPY (run 2): %.1f s%n", copy2);
            double schema = copyIntoSameSchema(ds, out);
            System.out.printf("baseline COPY of the stored rows into the same schema: %.1f s%n", schema);
            double baseline = (copy1 + copy2) / 2;
            System.out.printf("RESULT crimes=%d rows=%d import_s=%.1f copy_text_s=%.1f ratio_text=%.2f "
                    + "copy_schema_s=%.1f ratio_schema=%.2f%n", crimes, rows, imp, baseline, imp / baseline, schema,
                    imp / schema);
        }
    }

    private static final List<String> TABLES = List.of("force", "team", "officer", "crime", "person", "case_person",
            "event", "civil_order", "victim_feedback");

    /**
     * The rows as the import stored them, written out with COPY and loaded with COPY into empty
     * tables of the same definition (columns, checks, indexes, foreign keys): what a bulk load of the
     * same rows costs with nothing to validate, resolve or merge.
     */
    private static double copyIntoSameSchema(DataSource ds, Path out) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.createStatement().execute("drop schema if exists baseline cascade");
            c.createStatement().execute("create schema baseline");
            for (String t : TABLES) {
                c.createStatement().execute("create table baseline." + t + " (like public." + t
                        + " including defaults including constraints including indexes including generated)");
                if (t.equals("crime") || t.equals("person") || t.equals("event")) {
                    // Keep the stored identity values, as COPY of the same rows would.
                    c.createStatement().execute("alter table baseline." + t + " alter column id drop identity if exists");
                }
            }
            try (var rs = c.createStatement().executeQuery("select conrelid::regclass::text, pg_get_constraintdef(oid) "
                    + "from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace")) {
                List<String> fks = new ArrayList<>();
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (TABLES.contains(table)) {
                        String def = rs.getString(2);
                        for (String t : TABLES) {
                            def = def.replace("REFERENCES " + t + "(", "REFERENCES baseline." + t + "(");
                        }
                        fks.add("alter table baseline." + table + " add " + def);
                    }
                }
                for (String fk : fks) {
                    c.createStatement().execute(fk);
                }
            }
            java.util.Map<String, Path> dumps = new java.util.LinkedHashMap<>();
            for (String t : TABLES) {
                Path f = out.resolve("dump-" + t + ".csv");
                try (var os = Files.newOutputStream(f)) {
                    copy.copyOut("COPY public." + t + " TO STDOUT (FORMAT csv)", os);
                }
                dumps.put(t, f);
            }
            c.commit();
            long t0 = System.nanoTime();
            for (var e : dumps.entrySet()) {
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    copy.copyIn("COPY baseline." + e.getKey() + " FROM STDIN (FORMAT csv)", in);
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (Path f : dumps.values()) {
                Files.deleteIfExists(f);
            }
            c.createStatement().execute("drop schema baseline cascade");
            c.commit();
            return seconds;
        }
    }

    /** COPY of every file into a fresh table of text columns named after its header; returns seconds. */
    private static double copyAll(DataSource ds, Path bundle) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            for (String f : FILES) {
                String table = "copy_" + f.replace(".csv", "");
                String header;
                try (BufferedReader r = Files.newBufferedReader(bundle.resolve(f), StandardCharsets.UTF_8)) {
                    header = r.readLine();
                }
                List<String> cols = new ArrayList<>();
                for (String h : header.split(",")) {
                    cols.add(h + " text");
                }
                c.createStatement().execute("drop table if exists " + table);
                c.createStatement().execute("create table " + table + " (" + String.join(", ", cols) + ")");
                try (InputStream in = Files.newInputStream(bundle.resolve(f))) {
                    c.unwrap(PGConnection.class).getCopyAPI()
                            .copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER)", in);
                }
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path p) throws Exception {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
