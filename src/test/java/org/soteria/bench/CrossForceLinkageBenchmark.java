package org.soteria.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soteria.linkage.LinkageFiles;
import org.soteria.linkage.Linker;
import org.soteria.linkage.Nicknames;
import org.soteria.linkage.PersonRecord;
import org.soteria.pprl.BloomEncoder;
import org.soteria.pprl.Matcher;

/**
 * Cross-force matching on data with known truth (issue 10): a people file is split into two forces that
 * share some people (one record of each shared person in each force, one record per person per force),
 * then matched (1) by the hub's Bloom-filter encodings and (2) by plain linkage, the in-force engine run on
 * both forces' records in the clear. Prints recall of the truly shared people and the share of reported
 * matches that are false, for each. Usage: see bench/cross-force.sh.
 */
public final class CrossForceLinkageBenchmark {

    /** Two forces' records and the pairs of person ids (A, B) that are truly the same person. */
    public record Split(List<PersonRecord> a, List<PersonRecord> b, Map<String, String> shared) {
    }

    /** Recall of shared people, and false matches as a share of the matches reported. */
    public record Score(int truePairs, int reported, int correct, double recall, double falseShare) {
        static Score of(Split split, List<String[]> reported) {
            int correct = 0;
            for (String[] p : reported) {
                if (p[1].equals(split.shared().get(p[0]))) {
                    correct++;
                }
            }
            int t = split.shared().size();
            return new Score(t, reported.size(), correct, t == 0 ? 0 : (double) correct / t,
                    reported.isEmpty() ? 0 : (double) (reported.size() - correct) / reported.size());
        }

        @Override
        public String toString() {
            return String.format("shared %d, reported %d, correct %d: recall %.4f, false matches %.4f",
                    truePairs, reported, correct, recall, falseShare);
        }
    }

    public static Split split(List<PersonRecord> people, Map<String, String> identities, double sharedShare,
            long seed) {
        Map<String, List<PersonRecord>> byIdentity = new LinkedHashMap<>();
        for (PersonRecord p : people) {
            byIdentity.computeIfAbsent(identities.getOrDefault(p.personId(), p.personId()), k -> new ArrayList<>())
                    .add(p);
        }
        Random random = new Random(seed);
        List<PersonRecord> a = new ArrayList<>();
        List<PersonRecord> b = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        for (List<PersonRecord> records : byIdentity.values()) {
            if (records.size() >= 2 && random.nextDouble() < sharedShare) {
                a.add(records.get(0));
                b.add(records.get(1));
                shared.put(records.get(0).personId(), records.get(1).personId());
            } else if (random.nextBoolean()) {
                a.add(records.get(0));
            } else {
                b.add(records.get(records.size() - 1));
            }
        }
        return new Split(a, b, shared);
    }

    public static List<String[]> encoded(Split split, BloomEncoder encoder, Matcher matcher) {
        List<Matcher.Match> matches = matcher.against(encode(encoder, split.a()), Map.of("b", encode(encoder, split.b())));
        List<String[]> out = new ArrayList<>();
        for (Matcher.Match m : matches) {
            out.add(new String[] {m.token(), m.otherToken()});
        }
        return out;
    }

    private static List<Matcher.Encoded> encode(BloomEncoder encoder, List<PersonRecord> people) {
        List<Matcher.Encoded> out = new ArrayList<>();
        for (PersonRecord p : people) {
            out.add(new Matcher.Encoded(p.personId(), encoder.encode(p)));
        }
        return out;
    }

    /** Plain linkage: the in-force engine on both forces' records together, in the clear; pairs across forces. */
    public static List<String[]> plain(Split split) {
        List<PersonRecord> all = new ArrayList<>(split.a());
        all.addAll(split.b());
        Linker.Result result = new Linker(Nicknames.standard()).link(all, new Linker.Options(null, null, null,
                20240101L), List.of(), line -> { });
        Map<Integer, List<String>> aByCluster = new HashMap<>();
        for (int i = 0; i < split.a().size(); i++) {
            aByCluster.computeIfAbsent(result.clusterOf(i), k -> new ArrayList<>()).add(split.a().get(i).personId());
        }
        List<String[]> out = new ArrayList<>();
        for (int j = 0; j < split.b().size(); j++) {
            for (String a : aByCluster.getOrDefault(result.clusterOf(split.a().size() + j), List.of())) {
                out.add(new String[] {a, split.b().get(j).personId()});
            }
        }
        return out;
    }

    private static String show(PersonRecord p) {
        return p.givenName() + "|" + p.familyName() + "|" + p.dateOfBirth() + "|" + p.postcode();
    }

    private static void run(String what, Split split, java.util.function.Supplier<List<String[]>> matching) {
        long t0 = System.nanoTime();
        Score score = Score.of(split, matching.get());
        System.out.printf("  %-42s %s, %.1f s%n", what + ":", score, (System.nanoTime() - t0) / 1e9);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: CrossForceLinkageBenchmark NAME people.csv truth.csv [threshold]");
            System.exit(2);
        }
        double threshold = args.length > 3 ? Double.parseDouble(args[3]) : Double.parseDouble(Matcher.DEFAULT_THRESHOLD);
        List<PersonRecord> people = LinkageFiles.readPeople(Path.of(args[1]), w -> { }, n -> { });
        Map<String, String> truth = LinkageFiles.readTwoColumns(Path.of(args[2]), "person_id", "identity_id");
        // the generator's truth covers suspects only: victims and witnesses are not what forces encode
        people = people.stream().filter(p -> truth.containsKey(p.personId())).toList();
        Split split = split(people, truth, 0.5, 20261129L);
        String secret = "benchmark shared secret agreed between forces";
        System.out.printf("%s: force A %d records, force B %d records, %d people in both%n", args[0],
                split.a().size(), split.b().size(), split.shared().size());
        run("encodings, MinHash blocking (as shipped)", split, () -> encoded(split, new BloomEncoder(secret),
                new Matcher(threshold)));
        run("encodings, every pair compared", split, () -> encoded(split, new BloomEncoder(secret),
                Matcher.everyPair(threshold)));
        run("encodings without the year salt", split, () -> encoded(split, BloomEncoder.unsalted(secret),
                new Matcher(threshold)));
        run("plain linkage in the clear", split, () -> plain(split));
        if (System.getenv("DEBUG_PAIRS") != null) {
            Map<String, PersonRecord> byId = new HashMap<>();
            split.a().forEach(p -> byId.put(p.personId(), p));
            split.b().forEach(p -> byId.put(p.personId(), p));
            List<String[]> found = encoded(split, new BloomEncoder(secret), new Matcher(threshold));
            found.stream().filter(p -> !p[1].equals(split.shared().get(p[0]))).limit(25).forEach(p -> System.out.println(
                    "  false: " + show(byId.get(p[0])) + "  ~  " + show(byId.get(p[1]))));
            java.util.Set<String> hit = new java.util.HashSet<>();
            found.forEach(p -> hit.add(p[0]));
            split.shared().entrySet().stream().filter(e -> !hit.contains(e.getKey())).limit(Integer.getInteger("debug.limit", 25)).forEach(e ->
                    System.out.println("  missed: " + show(byId.get(e.getKey())) + "  ~  " + show(byId.get(e.getValue()))));
        }
    }
}
