package org.soteria.linkage;

import org.soteria.platform.CsvWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads and writes the files of {@code soteria link}: people.csv in, clusters and explanations out. */
public final class LinkageFiles {

    /** A file that cannot be used, with where and why. */
    public static final class InputException extends Exception {
        public InputException(String message) {
            super(message);
        }
    }

    private static final List<String> PEOPLE_COLUMNS = List.of("person_id", "force_code", "given_name", "middle_names",
            "family_name", "date_of_birth", "sex", "postcode", "address", "birth_place", "pnc_id", "phone", "email");

    private LinkageFiles() {
    }

    /**
     * People from a people.csv of the exchange format with any subset of its columns (person_id is
     * required). Unknown columns are reported through {@code warn}. A person_id given twice is an error,
     * since each input row gets one cluster.
     */
    public static List<PersonRecord> readPeople(Path file, java.util.function.Consumer<String> warn, IntConsumer progress)
            throws IOException, InputException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, Integer> header = new HashMap<>();
            csv.getHeaderMap().forEach((column, at) -> header.put(column.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), at));
            if (!header.containsKey("person_id")) {
                throw new InputException(name + " line 1: the header has no person_id column (it has: "
                        + String.join(", ", header.keySet()) + ")");
            }
            for (String column : header.keySet()) {
                if (!PEOPLE_COLUMNS.contains(column)) {
                    warn.accept(name + ": column " + column + " is not a people.csv column and is ignored");
                }
            }
            List<PersonRecord> people = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord row : csv) {
                long line = row.getParser().getCurrentLineNumber();
                String id = cell(row, header, "person_id");
                if (id == null) {
                    throw new InputException(name + " line " + line + ": person_id is empty");
                }
                Long earlier = seen.put(id, line);
                if (earlier != null) {
                    throw new InputException(name + " line " + line + ": person_id " + id + " appears again (first on line "
                            + earlier + "); each record needs its own person_id");
                }
                people.add(new PersonRecord(id, cell(row, header, "given_name"), cell(row, header, "middle_names"),
                        cell(row, header, "family_name"), cell(row, header, "date_of_birth"), cell(row, header, "sex"),
                        cell(row, header, "postcode"), cell(row, header, "address"), cell(row, header, "birth_place"),
                        cell(row, header, "pnc_id"), cell(row, header, "email")));
                if (people.size() % 100_000 == 0) {
                    progress.accept(people.size());
                }
            }
            return people;
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(name + ": " + e.getCause().getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(name + ": not a readable CSV file: " + e.getMessage());
        }
    }

    private static String cell(CSVRecord row, Map<String, Integer> header, String column) {
        Integer at = header.get(column);
        if (at == null || at >= row.size()) {
            return null;
        }
        String value = row.get(at);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Pairs of records by person_id from a CSV with {@code a_column} and {@code b_column}, or one value
     * per record from a two-column CSV, as in truth files ({@code person_id,identity_id}).
     */
    public static Map<String, String> readTwoColumns(Path file, String keyColumn, String valueColumn)
            throws IOException, InputException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(reader)) {
            if (!csv.getHeaderMap().containsKey(keyColumn) || !csv.getHeaderMap().containsKey(valueColumn)) {
                throw new InputException(name + " line 1: the header needs " + keyColumn + " and " + valueColumn);
            }
            Map<String, String> out = new HashMap<>();
            for (CSVRecord row : csv) {
                String key = row.get(keyColumn);
                String value = row.get(valueColumn);
                if (key.isEmpty() || value.isEmpty()) {
                    throw new InputException(name + " line " + row.getParser().getCurrentLineNumber() + ": "
                            + (key.isEmpty() ? keyColumn : valueColumn) + " is empty");
                }
                out.put(key, value);
            }
            return out;
        }
    }

    /** Decisions (person_id_a, person_id_b, decision: confirmed or rejected). */
    public static List<Linker.Decision> readDecisions(Path file) throws IOException, InputException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                        .parse(reader)) {
            for (String column : List.of("person_id_a", "person_id_b", "decision")) {
                if (!csv.getHeaderMap().containsKey(column)) {
                    throw new InputException(name + " line 1: the header has no " + column + " column");
                }
            }
            List<Linker.Decision> out = new ArrayList<>();
            for (CSVRecord row : csv) {
                long line = row.getParser().getCurrentLineNumber();
                String decision = row.get("decision").toLowerCase(Locale.ROOT);
                if (!decision.equals("confirmed") && !decision.equals("rejected")) {
                    throw new InputException(name + " line " + line + ": decision must be confirmed or rejected, not '"
                            + row.get("decision") + "'");
                }
                if (row.get("person_id_a").isEmpty() || row.get("person_id_b").isEmpty()) {
                    throw new InputException(name + " line " + line + ": both person ids are needed");
                }
                out.add(new Linker.Decision(row.get("person_id_a"), row.get("person_id_b"), decision.equals("confirmed")));
            }
            return out;
        }
    }

    /** person_id,cluster_id for every record, in input order; a cluster is named by its first record's person_id. */
    public static void writeClusters(Path file, RecordSet records, int[] cluster) throws IOException {
        try (CsvWriter out = CsvWriter.exact(file, "person_id", "cluster_id")) {
            for (int i = 0; i < records.size(); i++) {
                out.row(records.personId(i), records.personId(cluster[i]));
            }
        }
    }

    /** Each matched pair with its probability, weight, whether it ended in one cluster, and every field's level and weight. */
    public static void writeExplanations(Path file, Linker.Result result) throws IOException {
        List<String> header = new ArrayList<>(List.of("person_id_a", "person_id_b", "match_probability", "match_weight",
                "same_cluster", "prior_weight"));
        for (Field f : Field.values()) {
            header.add(f.column() + "_level");
            header.add(f.column() + "_weight");
        }
        RecordSet records = result.records();
        try (CsvWriter out = CsvWriter.exact(file, header.toArray(String[]::new))) {
            // Rows are made a chunk at a time on every core (scoring a pair again to explain it is the costly part).
            int chunk = 50_000;
            for (int from = 0; from < result.matchedPairs(); from += chunk) {
                List<List<Object>> rows = java.util.stream.IntStream.range(from, Math.min(result.matchedPairs(), from + chunk))
                        .parallel().mapToObj(k -> explanationRow(result, records, k)).toList();
                for (List<Object> row : rows) {
                    out.row(row);
                }
            }
        }
    }

    private static List<Object> explanationRow(Linker.Result result, RecordSet records, int k) {
        int a = result.matchedA(k);
        int b = result.matchedB(k);
        Explanation e = result.explain(a, b);
        List<Object> row = new ArrayList<>(List.of(records.personId(a), records.personId(b), fixed(e.probability(), 6),
                fixed(e.matchWeight(), 3), result.clusterOf(a) == result.clusterOf(b), fixed(e.priorWeight(), 3)));
        for (Explanation.Contribution c : e.contributions()) {
            row.add(c.levelLabel());
            row.add(fixed(c.weight(), 3));
        }
        return row;
    }

    /**
     * {@code value} rounded to {@code digits} places, as {@code String.format("%.3f")} writes it but without its cost:
     * an explanation file of a million-record run has tens of millions of such numbers.
     */
    static String fixed(double value, int digits) {
        long scale = 1;
        for (int d = 0; d < digits; d++) {
            scale *= 10;
        }
        long v = Math.round(Math.abs(value) * scale);
        StringBuilder b = new StringBuilder(digits + 8);
        if (value < 0 && v != 0) {
            b.append('-');
        }
        String fraction = Long.toString(v % scale);
        b.append(v / scale).append('.');
        for (int pad = fraction.length(); pad < digits; pad++) {
            b.append('0');
        }
        return b.append(fraction).toString();
    }
}
