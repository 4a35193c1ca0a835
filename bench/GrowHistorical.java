import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Grows the historical-style development set into a file of about a million records of the same kind,
 * the way a force's records grow: each copy re-identifies every person (a new given name of the same
 * kind, a new family name, a date of birth moved by years and days, a new postcode and birth place)
 * and keeps the shape of their records, but with fresh errors: where a record carried the person's usual
 * value it carries the new one; where it carried a variant (a typo, a swapped day and month, a month
 * above 12, a nickname, the name in the other field) it carries a new variant of the same kind; what was
 * missing stays missing. Family names are made by splicing two known ones, so that the million hold tens
 * of thousands of surnames as a force's do, not the development set's few thousand.
 *
 * <p>Run with the JDK alone: {@code java bench/GrowHistorical.java PEOPLE.csv TRUTH.csv COPIES OUT_DIR}.
 * Writes people.csv and truth.csv (person_id,identity_id). Labels name the copies' people; they are used
 * only for scoring. Seeded: the same input and copies give the same file.
 */
public final class GrowHistorical {

    private static final String[] COLUMNS = {"person_id", "given_name", "family_name", "date_of_birth", "sex", "postcode",
        "address", "birth_place"};

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: java bench/GrowHistorical.java PEOPLE.csv TRUTH.csv COPIES OUT_DIR");
            System.exit(2);
        }
        List<String[]> people = read(Path.of(args[0]));
        List<String[]> truthRows = read(Path.of(args[1]));
        int copies = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Files.createDirectories(out);
        Map<String, String> entityOf = new HashMap<>();
        for (String[] t : truthRows.subList(1, truthRows.size())) {
            entityOf.put(t[0], t[1]);
        }
        Map<String, List<String[]>> byEntity = new LinkedHashMap<>();
        List<String> givenPool = new ArrayList<>();
        List<String> familyPool = new ArrayList<>();
        List<String> placePool = new ArrayList<>();
        List<String> postcodePool = new ArrayList<>();
        for (String[] r : people.subList(1, people.size())) {
            byEntity.computeIfAbsent(entityOf.get(r[0]), k -> new ArrayList<>()).add(r);
        }
        for (List<String[]> records : byEntity.values()) {
            givenPool.add(usual(records, 1));
            familyPool.add(usual(records, 2));
            placePool.add(usual(records, 7));
            postcodePool.add(usual(records, 5));
        }
        SplittableRandom random = new SplittableRandom(20261207L);
        long written = 0;
        try (PrintWriter p = new PrintWriter(Files.newBufferedWriter(out.resolve("people.csv"), StandardCharsets.UTF_8));
                PrintWriter t = new PrintWriter(Files.newBufferedWriter(out.resolve("truth.csv"), StandardCharsets.UTF_8))) {
            p.println(String.join(",", COLUMNS));
            t.println("person_id,identity_id");
            for (int copy = 0; copy < copies; copy++) {
                for (Map.Entry<String, List<String[]>> e : byEntity.entrySet()) {
                    List<String[]> records = e.getValue();
                    Person from = new Person(usual(records, 1), usual(records, 2), usual(records, 3), usual(records, 5),
                            usual(records, 7));
                    Person to = copy == 0 ? from : new Person(
                            pick(givenPool, random),
                            splice(pick(familyPool, random), pick(familyPool, random), random),
                            moveDate(from.dob, random),
                            pick(postcodePool, random),
                            pick(placePool, random));
                    String identity = e.getKey() + "#" + copy;
                    for (String[] r : records) {
                        String id = String.format("H%07d", written++);
                        String given = copy == 0 ? r[1] : name(r[1], from, to, true, random);
                        String family = copy == 0 ? r[2] : name(r[2], from, to, false, random);
                        String dob = copy == 0 ? r[3] : date(r[3], from.dob, to.dob, random);
                        String postcode = copy == 0 ? r[5] : value(r[5], from.postcode, to.postcode, postcodePool, random);
                        String place = copy == 0 ? r[7] : value(r[7], from.place, to.place, placePool, random);
                        p.println(String.join(",", id, csv(given), csv(family), dob, r[4], csv(postcode), "", csv(place)));
                        t.println(id + "," + identity);
                    }
                }
            }
        }
        System.err.printf("%,d records of %,d people written to %s%n", written, (long) byEntity.size() * copies, out);
    }

    private record Person(String given, String family, String dob, String postcode, String place) {
    }

    /** The value a person's records carry most often in a column ("" when all are missing). */
    private static String usual(List<String[]> records, int column) {
        Map<String, Integer> counts = new HashMap<>();
        for (String[] r : records) {
            if (!r[column].isEmpty()) {
                counts.merge(r[column], 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("");
    }

    private static String pick(List<String> pool, SplittableRandom random) {
        for (int tries = 0; tries < 20; tries++) {
            String v = pool.get(random.nextInt(pool.size()));
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    /** A new surname: the start of one and the end of another, so that the pool grows with the copies. */
    private static String splice(String a, String b, SplittableRandom random) {
        if (a.length() < 4 || b.length() < 4 || random.nextInt(4) == 0) {
            return a;
        }
        return a.substring(0, 2 + random.nextInt(a.length() - 3)) + b.substring(1 + random.nextInt(b.length() - 3));
    }

    /** A name field: the usual given or family name becomes the new one; a variant becomes a fresh variant. */
    private static String name(String value, Person from, Person to, boolean given, SplittableRandom random) {
        String usualHere = given ? from.given : from.family;
        String newHere = given ? to.given : to.family;
        if (value.isEmpty()) {
            return value;
        }
        if (value.equals(usualHere)) {
            return newHere;
        }
        if (value.equals(given ? from.family : from.given)) {
            return given ? to.family : to.given; // the name keyed in the other field
        }
        if (similar(value, usualHere)) {
            return typo(newHere, random); // a misspelling of the name
        }
        if (usualHere.startsWith(value) || value.length() <= 3) {
            return newHere.substring(0, Math.min(newHere.length(), value.length())); // an initial or short form
        }
        return given ? value : typo(newHere, random); // another given name (a nickname, a second name) is kept
    }

    /** A postcode or birth place: the usual value becomes the new one; another value stays another value. */
    private static String value(String value, String usualHere, String newHere, List<String> pool, SplittableRandom random) {
        if (value.isEmpty()) {
            return value;
        }
        if (value.equals(usualHere)) {
            return newHere;
        }
        return similar(value, usualHere) ? typo(newHere, random) : pick(pool, random);
    }

    /** The date: moved as the person's usual date moved, and an erroneous one given a fresh error of the same kind. */
    private static String date(String value, String usualHere, String newHere, SplittableRandom random) {
        if (value.isEmpty() || newHere.isEmpty()) {
            return value;
        }
        if (value.equals(usualHere)) {
            return newHere;
        }
        if (value.length() != 10 || usualHere.length() != 10) {
            return newHere.substring(0, 4) + value.substring(4);
        }
        String y = newHere.substring(0, 4);
        String m = newHere.substring(5, 7);
        String d = newHere.substring(8, 10);
        if (value.substring(5, 7).equals(usualHere.substring(8, 10)) && value.substring(8, 10).equals(usualHere.substring(5, 7))) {
            return y + "-" + d + "-" + m; // day and month swapped
        }
        if (!value.substring(0, 4).equals(usualHere.substring(0, 4))) {
            int shift = Integer.parseInt(value.substring(0, 4)) - Integer.parseInt(usualHere.substring(0, 4));
            return String.format("%04d", Integer.parseInt(y) + shift) + newHere.substring(4); // year out
        }
        char[] c = newHere.toCharArray();
        int[] digits = {5, 6, 8, 9};
        int at = digits[random.nextInt(digits.length)];
        c[at] = (char) ('0' + random.nextInt(10)); // a digit wrong (the month may pass 12)
        return new String(c);
    }

    private static String moveDate(String dob, SplittableRandom random) {
        if (dob.length() != 10) {
            return dob;
        }
        int year = Integer.parseInt(dob.substring(0, 4)) + random.nextInt(-60, 61);
        year = year < 1000 ? 1000 + random.nextInt(900) : Math.min(year, 2020);
        if (dob.endsWith("-01-01") && random.nextInt(3) > 0) {
            return String.format("%04d-01-01", year); // a year-only date stays one
        }
        return String.format("%04d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static boolean similar(String a, String b) {
        if (b.isEmpty()) {
            return false;
        }
        int shared = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            shared += a.charAt(i) == b.charAt(i) ? 1 : 0;
        }
        return shared * 2 >= Math.max(a.length(), b.length()) || a.length() > 2 && b.contains(a.substring(1));
    }

    /** One fresh keying error: a letter replaced, dropped, doubled or swapped with its neighbour. */
    private static String typo(String s, SplittableRandom random) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        StringBuilder b = new StringBuilder(s);
        switch (random.nextInt(4)) {
            case 0 -> b.setCharAt(i, (char) ('a' + random.nextInt(26)));
            case 1 -> b.deleteCharAt(i);
            case 2 -> b.insert(i, s.charAt(i));
            default -> {
                b.setCharAt(i, s.charAt(i + 1));
                b.setCharAt(i + 1, s.charAt(i));
            }
        }
        return b.toString();
    }

    private static String csv(String v) {
        return v.indexOf(',') >= 0 || v.indexOf('"') >= 0 ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(split(line));
            }
        }
        return rows;
    }

    private static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
