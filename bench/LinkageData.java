import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the reference linkage data sets of shared/data/linkage into the exchange format's people.csv
 * plus a truth file (person_id,identity_id), so that `soteria link` reads them as it reads a force's
 * records. Run with the JDK alone: java bench/LinkageData.java febrl IN.csv OUT_DIR (or fake IN.csv OUT_DIR).
 *
 * FEBRL: given_name, surname, date_of_birth (YYYYMMDD), postcode, and street number, address lines,
 * suburb and state joined into address; soc_sec_id becomes the strong identifier (pnc_id); the
 * identity is the number in rec-N-org / rec-N-dup-K. fake_1000: first_name, surname, dob, city (as
 * address), email; the identity is the cluster column. The data's labels are used only for scoring.
 */
public final class LinkageData {

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !args[0].equals("febrl") && !args[0].equals("fake")) {
            System.err.println("usage: java bench/LinkageData.java febrl|fake IN.csv OUT_DIR");
            System.exit(2);
        }
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<String[]> rows = read(Path.of(args[1]));
        try (PrintWriter people = new PrintWriter(Files.newBufferedWriter(out.resolve("people.csv"), StandardCharsets.UTF_8));
                PrintWriter truth = new PrintWriter(Files.newBufferedWriter(out.resolve("truth.csv"), StandardCharsets.UTF_8))) {
            people.println("person_id,given_name,family_name,date_of_birth,postcode,address,pnc_id,email");
            truth.println("person_id,identity_id");
            for (String[] r : rows.subList(1, rows.size())) {
                if (args[0].equals("febrl")) {
                    String id = r[0];
                    String address = String.join(" ", r[3], r[4], r[5], r[6], r[8]).trim().replaceAll("\\s+", " ");
                    people.println(csv(id, r[1], r[2], r[9], r[7], address, r[10], ""));
                    truth.println(csv(id, id.replaceAll("^rec-(\\d+)-.*$", "$1")));
                } else {
                    people.println(csv(r[0], r[1], r[2], r[3], "", r[4], "", r[5]));
                    truth.println(csv(r[0], r[6]));
                }
            }
        }
        System.err.printf("%s: %d records written to %s%n", args[1], rows.size() - 1, out);
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].trim();
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static String csv(String... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            b.append(i > 0 ? "," : "");
            b.append(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return b.toString();
    }
}
