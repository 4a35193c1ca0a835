package org.soteria.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.soteria.operations.Progress;
import org.soteria.pprl.BloomEncoder;
import org.soteria.pprl.EncodedRecords;
import org.soteria.pprl.Matcher;

/**
 * National cross-force matching at scale (issue 28): synthetic forces whose records share people, the score of a
 * pairs file against the truth, and the every-pair baseline measured on a sample in the same run. Usage: see
 * bench/national-pprl.sh.
 *
 * <p>{@code people DIR FORCES PER_FORCE}: a national population with names of skewed frequency (a few common,
 * a long tail, as in the UK), dates of birth over seventy years, postcodes; each force's records are its own people
 * and, for one record in ten, a person also recorded by one to three other forces, each time with the errors
 * forces make (a letter wrong, day and month swapped, names swapped, a nickname-like shortening, a missing
 * postcode or day of birth, a moved postcode). Writes DIR/force-NN.csv and DIR/truth.csv (person_id,identity_id).
 *
 * <p>{@code score pairs.csv truth.csv}: recall of the true cross-force pairs and the share of reported pairs that
 * are false. {@code baseline DIR FORCES PER_FORCE THRESHOLD}: the MinHash matcher and the every-pair matcher on a
 * sample of the encodings, with the every-pair time extrapolated to the whole national set.
 */
public final class NationalPprlBenchmark {

    private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k", "l",
        "ll", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "y", "z", "cl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y", "ie"};
    private static final String[] CODAS = {"", "n", "r", "s", "th", "ll", "d", "m", "ck", "ng", "t", "l"};

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "people" -> people(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "score" -> score(Path.of(args[1]), Path.of(args[2]));
            case "baseline" -> baseline(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("people, score or baseline");
        }
    }

    /** A name of two or three syllables; the pool index is drawn with a skew so that some are very common. */
    private static String name(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int syllables = 2 + (r.nextInt(3) == 0 ? 1 : 0);
        for (int i = 0; i < syllables; i++) {
            s.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
        }
        s.append(CODAS[r.nextInt(CODAS.length)]);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String[] pool(SplittableRandom r, int size) {
        Set<String> names = new HashSet<>();
        while (names.size() < size) {
            names.add(name(r));
        }
        return names.toArray(new String[0]);
    }

    /**
     * Index k drawn with weight 1/(k + offset): a long tail with a head as steep as the offset allows. The offsets
     * below give the commonest family name about 1% of people and the commonest given name about 3%, as in the
     * UK (Smith is about 1.3%), so that namesakes born on the same day are as rare as they are in life.
     */
    private static String skewed(String[] pool, double offset, SplittableRandom r) {
        double u = r.nextDouble();
        int k = (int) Math.floor(offset * Math.pow((pool.length + offset) / offset, u) - offset);
        return pool[Math.min(pool.length - 1, Math.max(0, k))];
    }

    record Person(String given, String family, String dob, String postcode) {
    }

    private static Person person(String[] given, String[] family, SplittableRandom r) {
        int year = 1940 + r.nextInt(70);
        String dob = String.format("%04d-%02d-%02d", year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        String postcode = (char) ('A' + r.nextInt(26)) + "" + (char) ('A' + r.nextInt(26)) + (1 + r.nextInt(40)) + " "
                + r.nextInt(10) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        return new Person(skewed(given, 5, r), skewed(family, 10, r), dob, postcode);
    }

    /** The same person as another force records them: usually one error, sometimes two or none. */
    private static Person recorded(Person p, SplittableRandom r) {
        Person q = p;
        int errors = r.nextInt(10) < 2 ? 0 : r.nextInt(10) < 7 ? 1 : 2;
        for (int e = 0; e < errors; e++) {
            q = switch (r.nextInt(7)) {
                case 0 -> new Person(typo(q.given(), r), q.family(), q.dob(), q.postcode());
                case 1 -> new Person(q.given(), typo(q.family(), r), q.dob(), q.postcode());
                case 2 -> new Person(q.given(), q.family(), q.dob().substring(0, 5) + q.dob().substring(8) + "-"
                        + q.dob().substring(5, 7), q.postcode());
                case 3 -> new Person(q.family(), q.given(), q.dob(), q.postcode());
                case 4 -> new Person(q.given().substring(0, Math.min(q.given().length(), 3)), q.family(), q.dob(),
                        q.postcode());
                case 5 -> new Person(q.given(), q.family(), q.dob(), "");
                default -> new Person(q.given(), q.family(), q.dob(), "ZZ" + (1 + r.nextInt(40)) + " 1AA");
            };
        }
        return q;
    }

    private static String typo(String s, SplittableRandom r) {
        if (s.length() < 3) {
            return s;
        }
        int at = 1 + r.nextInt(s.length() - 1);
        return switch (r.nextInt(3)) {
            case 0 -> s.substring(0, at) + s.substring(at + 1 > s.length() ? at : at + 1);
            case 1 -> s.substring(0, at) + (char) ('a' + r.nextInt(26)) + s.substring(at);
            default -> s.substring(0, at - 1) + s.charAt(at) + s.charAt(at - 1) + s.substring(at + 1);
        };
    }

    static void people(Path dir, int forces, int perForce) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(20261206L);
        String[] given = pool(r, 2_000);
        String[] family = pool(r, 50_000);
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < forces; f++) {
            rows.add(new ArrayList<>());
        }
        List<String> truth = new ArrayList<>();
        int identity = 0;
        int[] filled = new int[forces];
        int counter = 0;
        for (int f = 0; f < forces; f++) {
            while (filled[f] < perForce) {
                Person p = person(given, family, r);
                String id = "I" + identity++;
                List<Integer> where = new ArrayList<>(List.of(f));
                if (r.nextInt(10) == 0) {
                    int others = 1 + r.nextInt(3);
                    for (int k = 0; k < others; k++) {
                        int g = r.nextInt(forces);
                        if (!where.contains(g) && filled[g] < perForce) {
                            where.add(g);
                        }
                    }
                }
                for (int k = 0; k < where.size(); k++) {
                    int g = where.get(k);
                    Person q = k == 0 ? p : recorded(p, r);
                    String pid = "p" + counter++;
                    rows.get(g).add(pid + "," + q.given() + "," + q.family() + "," + q.dob() + "," + q.postcode());
                    truth.add(pid + "," + id);
                    filled[g]++;
                }
            }
        }
        for (int f = 0; f < forces; f++) {
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(String.format("force-%02d.csv", f)))) {
                out.write("person_id,given_name,family_name,date_of_birth,postcode\n");
                for (String row : rows.get(f)) {
                    out.write(row);
                    out.write('\n');
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("truth.csv"))) {
            out.write("person_id,identity_id\n");
            for (String t : truth) {
                out.write(t);
                out.write('\n');
            }
        }
        System.err.printf("%d forces of %,d records, %,d people%n", forces, perForce, identity);
    }

    static void score(Path pairs, Path truthFile) throws IOException {
        Map<String, String> identity = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(truthFile)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                String[] c = line.split(",");
                identity.put(c[0], c[1]);
                size.merge(c[1], 1, Integer::sum);
            }
        }
        long truePairs = 0;
        for (int n : size.values()) {
            truePairs += (long) n * (n - 1) / 2;
        }
        long reported = 0;
        long correct = 0;
        try (BufferedReader in = Files.newBufferedReader(pairs)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                String[] c = line.split(",");
                reported++;
                if (identity.get(c[1]).equals(identity.get(c[3]))) {
                    correct++;
                }
            }
        }
        System.out.printf("true cross-force pairs %,d, reported %,d, correct %,d: recall %.4f, false %.4f%n",
                truePairs, reported, correct, correct / (double) truePairs,
                reported == 0 ? 0 : (reported - correct) / (double) reported);
    }

    /** The MinHash matcher and the every-pair baseline on the first FORCES files' first PER_FORCE encodings. */
    static void baseline(Path dir, int forces, int perForce, double threshold, int nationalForces, int nationalPerForce)
            throws IOException {
        EncodedRecords sample = new EncodedRecords();
        for (int f = 0; f < forces; f++) {
            int force = sample.force("F" + f);
            try (BufferedReader in = Files.newBufferedReader(dir.resolve(String.format("enc-%02d.csv", f)),
                    StandardCharsets.UTF_8)) {
                in.readLine();
                String line;
                for (int k = 0; k < perForce && (line = in.readLine()) != null; k++) {
                    String[] c = line.split(",");
                    sample.add(force, c[1], BloomEncoder.fromBase64(c[4]));
                }
            }
        }
        long t0 = System.nanoTime();
        Matcher.Result lsh = new Matcher(threshold).match(sample, Progress.SILENT);
        long t1 = System.nanoTime();
        Matcher.Result every = Matcher.everyPair(threshold).match(sample, Progress.SILENT);
        long t2 = System.nanoTime();
        Set<String> found = new HashSet<>();
        for (Matcher.Pair p : lsh.pairs()) {
            found.add(p.a() + ":" + p.b());
        }
        long kept = every.pairs().stream().filter(p -> found.contains(p.a() + ":" + p.b())).count();
        double perPair = (t2 - t1) / (double) every.stats().candidates();
        double nationalPairs = nationalForces * (nationalForces - 1) / 2.0 * (double) nationalPerForce * nationalPerForce;
        System.out.printf("sample of %d forces x %,d: MinHash %.1f s (%,d candidates, %,d pairs); every pair %.1f s "
                + "(%,d pairs compared, %.0f ns a pair, %,d pairs); MinHash keeps %.4f of every-pair's pairs%n",
                forces, sample.size() / forces, (t1 - t0) / 1e9, lsh.stats().candidates(), lsh.pairs().size(), (t2 - t1) / 1e9,
                every.stats().candidates(), perPair, every.pairs().size(),
                every.pairs().isEmpty() ? 1.0 : kept / (double) every.pairs().size());
        System.out.printf("every pair at national scale (%d forces x %,d): %.3g pairs, about %.1f hours on this "
                + "machine%n", nationalForces, nationalPerForce, nationalPairs, nationalPairs * perPair / 1e9 / 3600);
    }
}
