package org.soteria.pprl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final double THRESHOLD = Double.parseDouble(Matcher.DEFAULT_THRESHOLD);
    private static final String SECRET = "agreed between the forces, never the hub";
    private final BloomEncoder encoder = new BloomEncoder(SECRET);

    private double score(String[] a, String[] b) {
        return Similarity.score(encoder.encode(a[0], a[1], a[2], a[3], null),
                encoder.encode(b[0], b[1], b[2], b[3], null));
    }

    @Test
    void theSamePersonWithATypoScoresHighAndADifferentPersonLow() {
        String[] p = {"Gareth", "Llewellyn", "1984-03-17", "LL57 2DG"};
        assertThat(score(p, p)).isEqualTo(1.0);
        assertThat(score(p, new String[] {"Gareth", "Llewelyn", "1984-03-17", "LL57 2DG"})).isGreaterThan(0.9);
        assertThat(score(p, new String[] {"Llewellyn", "Gareth", "1984-03-17", ""})).isGreaterThan(0.95);
        assertThat(score(p, new String[] {"Gareth", "Llewellyn", "1984-04-17", "CF10 1AA"})).isGreaterThan(0.70);
        assertThat(score(p, new String[] {"Dylan", "Price", "1990-11-02", "LL57 2DG"})).isLessThan(0.4);
        // a name alone identifies no one: without the date of birth the pair is not scored at all
        assertThat(score(p, new String[] {"Gareth", "Llewellyn", "", ""})).isZero();
    }

    @Test
    void aSharedPncIdentifierCarriesAMatchWithOneNameButNeverAlone() {
        long[] known = encoder.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG", "12/345678A");
        // another family name (an alias), no postcode: one name and the date fall short, the identifier carries it;
        // a year of birth recorded wrong (the names, salted with it, then differ): the identifier carries it too
        assertThat(Similarity.score(known, encoder.encode("Gareth", "Llewellyn", "1948-03-17", "LL57 2DG",
                "12/345678A"))).isGreaterThan(THRESHOLD);
        // the same person with the identifier recorded wrong is still found on the rest
        assertThat(Similarity.score(known, encoder.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG",
                "21/999999Q"))).isGreaterThan(THRESHOLD);
        assertThat(Similarity.score(known, encoder.encode("Gareth", "Jones", "1984-03-17", null, null)))
                .isLessThan(THRESHOLD);
        assertThat(Similarity.score(known, encoder.encode("Gareth", "Jones", "1984-03-17", null, "12/345678A")))
                .isGreaterThan(THRESHOLD);
        // an identifier alone identifies no one: it may be mistyped onto someone else's record
        assertThat(Similarity.score(known, encoder.encode("Dylan", "Price", "1990-11-02", null, "12/345678A")))
                .isLessThan(THRESHOLD);
        assertThat(Similarity.score(known, encoder.encode(null, null, null, null, "12/345678A"))).isZero();
    }

    @Test
    void encodingsUnderAnotherSecretMatchNothingAndTheKeyIdRevealsNoSecret() {
        BloomEncoder other = new BloomEncoder("a different secret of some length");
        long[] a = encoder.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG", null);
        long[] b = other.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG", null);
        assertThat(Similarity.score(a, b)).isLessThan(0.4);
        assertThat(encoder.keyId()).matches("[0-9a-f]{16}").isNotEqualTo(other.keyId())
                .isEqualTo(new BloomEncoder(SECRET).keyId());
        assertThatThrownBy(() -> new BloomEncoder("short")).hasMessageContaining("at least 16 characters");
        assertThat(BloomEncoder.fromBase64(BloomEncoder.toBase64(a))).isEqualTo(a);
        assertThatThrownBy(() -> BloomEncoder.fromBase64("AAAA")).hasMessageContaining("expected 5 filters");
    }

    /**
     * Synthetic people with known truth: two forces of 1,500 people each sharing 400 (thirty given names, and
     * forty common family names beside 300 rarer ones, so namesakes abound), the shared ones recorded
     * in the second force with the errors forces make (a letter wrong, day and month swapped, a moved
     * postcode, a missing field). The hub must find at least 90% of them with at most 1% false matches.
     */
    @Test
    void onSyntheticForcesTheMatchingFindsNineInTenSharedSuspectsWithUnderOnePercentFalse() {
        SplittableRandom random = new SplittableRandom(20261129L);
        List<String[]> a = new ArrayList<>();
        List<String[]> b = new ArrayList<>();
        Map<Integer, Integer> truth = new HashMap<>();
        for (int i = 0; i < 2600; i++) {
            String[] person = person(random);
            if (i < 400) {
                truth.put(a.size(), b.size());
                a.add(person);
                b.add(recordedAgain(person, random));
            } else if (i % 2 == 0) {
                a.add(person);
            } else {
                b.add(person);
            }
        }
        List<Matcher.Encoded> ea = encode(a, "a");
        List<Matcher.Encoded> eb = encode(b, "b");
        List<Matcher.Match> found = new Matcher(THRESHOLD).against(ea, Map.of("b", eb));
        int correct = 0;
        for (Matcher.Match m : found) {
            int i = Integer.parseInt(m.token().substring(1));
            int j = Integer.parseInt(m.otherToken().substring(1));
            if (truth.containsKey(i) && truth.get(i) == j) {
                correct++;
            }
        }
        double recall = correct / 400.0;
        double falseShare = (found.size() - correct) / (double) found.size();
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.90);
        assertThat(falseShare).as("false matches").isLessThanOrEqualTo(0.01);
    }

    @Test
    void aPersonKnownToThreeForcesIsReportedOnceForEachPairOfForcesAndNamesakesOnlyWithTheirBest() {
        EncodedRecords set = new EncodedRecords();
        int nwp = set.force("NWP");
        int dyf = set.force("DYF");
        int gwe = set.force("GWE");
        set.add(nwp, "N1", encoder.encode("Gareth", "Llewellyn", "1984-03-17", "LL57 2DG", null));
        set.add(dyf, "D1", encoder.encode("Gareth", "Llewelyn", "1984-03-17", "LL57 2DG", null));
        set.add(gwe, "G1", encoder.encode("Llewellyn", "Gareth", "1984-03-17", "", null));
        // a namesake in DYF with another postcode and day: N1's best in DYF stays D1
        set.add(dyf, "D2", encoder.encode("Gareth", "Llewellyn", "1984-03-12", "CF10 1AA", null));
        set.add(gwe, "G2", encoder.encode("Seren", "Morgan", "2001-05-05", "SA31 1AB", null));
        List<String> pairs = new Matcher(THRESHOLD).match(set, org.soteria.operations.Progress.SILENT).pairs().stream()
                .map(p -> set.id(p.a()) + "-" + set.id(p.b())).toList();
        assertThat(pairs).containsExactlyInAnyOrder("N1-D1", "N1-G1", "D1-G1");
    }

    /** Blocking must keep what comparing every pair finds: it only saves the work. */
    @Test
    void minHashBlockingKeepsNearlyEveryPairThatComparingEveryPairFinds() {
        SplittableRandom random = new SplittableRandom(7);
        EncodedRecords set = new EncodedRecords();
        int[] forces = {set.force("A"), set.force("B"), set.force("C")};
        for (int i = 0; i < 3000; i++) {
            String[] p = person(random);
            set.add(forces[i % 3], "r" + i, encoder.encode(p[0], p[1], p[2], p[3], null));
            if (i % 4 == 0) {
                String[] again = recordedAgain(p, random);
                set.add(forces[(i + 1) % 3], "s" + i, encoder.encode(again[0], again[1], again[2], again[3], null));
            }
        }
        Matcher.Result every = Matcher.everyPair(THRESHOLD).match(set, org.soteria.operations.Progress.SILENT);
        Matcher.Result blocked = new Matcher(THRESHOLD).match(set, org.soteria.operations.Progress.SILENT);
        java.util.Set<List<Integer>> kept = new java.util.HashSet<>();
        blocked.pairs().forEach(p -> kept.add(List.of(p.a(), p.b())));
        long found = every.pairs().stream().filter(p -> kept.contains(List.of(p.a(), p.b()))).count();
        assertThat(found).isGreaterThanOrEqualTo(Math.round(every.pairs().size() * 0.95));
        assertThat(blocked.stats().candidates()).isLessThan(every.stats().candidates() / 20);
        // the hub's run for one force's new encodings finds exactly that force's pairs of the national run
        Matcher.Result focused = new Matcher(THRESHOLD).match(set, forces[0], org.soteria.operations.Progress.SILENT);
        assertThat(focused.pairs()).containsExactlyInAnyOrderElementsOf(blocked.pairs().stream()
                .filter(p -> set.forceOf(p.a()) == forces[0] || set.forceOf(p.b()) == forces[0]).toList());
        assertThat(focused.stats().candidates()).isLessThan(blocked.stats().candidates());
    }

    private List<Matcher.Encoded> encode(List<String[]> people, String prefix) {
        List<Matcher.Encoded> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            String[] p = people.get(i);
            out.add(new Matcher.Encoded(prefix + i, encoder.encode(p[0], p[1], p[2], p[3], null)));
        }
        return out;
    }

    private static final String[] GIVEN = {"Gareth", "Dylan", "Rhys", "Owen", "Iwan", "Carys", "Seren", "Ffion",
        "Megan", "Sian", "Thomas", "James", "Daniel", "Aled", "Emyr", "Huw", "Bethan", "Catrin", "Elin", "Lowri",
        "Mark", "Paul", "David", "Rachel", "Sarah", "Emma", "Liam", "Jack", "Kieran", "Nathan"};
    private static final String[] FAMILY = {"Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes",
        "Lewis", "Morgan", "Griffiths", "Price", "Owen", "Jenkins", "Llewellyn", "Pritchard", "Parry", "Rees",
        "Powell", "Vaughan", "Bowen", "Howells", "Phillips", "Morris", "Edwards", "James", "Watkins", "Probert",
        "Meredith", "Gwynne", "Harries", "Pugh", "Lloyd", "Mathias", "Prosser", "Beddoe", "Tudor", "Gittins",
        "Maddocks", "Bevan", "Jarman"};

    private static final String[] STEMS = {"Ab", "Bryn", "Car", "Dav", "Ell", "Fen", "Gar", "Hal", "Ing", "Jar", "Kel",
        "Lan", "Mor", "Nor", "Ow", "Pen", "Quin", "Ros", "Stan", "Tal", "Ud", "Vel", "Wat", "Yor", "Zel"};
    private static final String[] ENDINGS = {"ton", "ley", "well", "field", "by", "son", "wood", "more", "ford", "ridge",
        "ham", "ett"};

    /** A family name: one of forty common ones a third of the time, else one of 300 rarer ones. */
    private static String family(SplittableRandom r) {
        return r.nextInt(3) == 0 ? FAMILY[r.nextInt(FAMILY.length)]
                : STEMS[r.nextInt(STEMS.length)] + ENDINGS[r.nextInt(ENDINGS.length)];
    }

    private static String[] person(SplittableRandom r) {
        String dob = String.format("%04d-%02d-%02d", 1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String postcode = "LL" + (10 + r.nextInt(70)) + " " + r.nextInt(10) + (char) ('A' + r.nextInt(26))
                + (char) ('A' + r.nextInt(26));
        return new String[] {GIVEN[r.nextInt(GIVEN.length)], family(r), dob, postcode};
    }

    /** The same person as another force might record them: usually one error, sometimes two. */
    private static String[] recordedAgain(String[] p, SplittableRandom r) {
        String[] q = p.clone();
        int errors = r.nextDouble() < 0.7 ? 1 : 2;
        for (int e = 0; e < errors; e++) {
            switch (r.nextInt(6)) {
                case 0 -> q[1] = typo(q[1], r);
                case 1 -> q[0] = typo(q[0], r);
                case 2 -> q[2] = q[2].substring(0, 5) + q[2].substring(8, 10) + "-" + q[2].substring(5, 7);
                case 3 -> q[3] = "CF" + (10 + r.nextInt(40)) + " 1AB";
                case 4 -> q[3] = "";
                default -> {
                    String t = q[0];
                    q[0] = q[1];
                    q[1] = t;
                }
            }
        }
        return q;
    }

    private static String typo(String s, SplittableRandom r) {
        int i = 1 + r.nextInt(s.length() - 1);
        return s.substring(0, i) + (char) ('a' + r.nextInt(26)) + s.substring(Math.min(s.length(), i + 1));
    }
}
