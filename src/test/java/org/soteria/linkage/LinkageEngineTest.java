package org.soteria.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model's estimation, the threshold, clustering without chaining, decisions, and the quality scores. */
class LinkageEngineTest {

    private final Linker linker = new Linker(Nicknames.standard());

    /**
     * A known mixture over two fields (given name: exact or different; date of birth: exact, one digit,
     * different), with its exact expected counts: EM with u fixed recovers m and lambda.
     */
    @Test
    void expectationMaximisationRecoversAKnownModel() {
        double lambda = 0.2;
        double[] mGiven = {0, 0.9, 0, 0, 0, 0, 0, 0, 0.1};
        double[] uGiven = {0, 0.05, 0, 0, 0, 0, 0, 0, 0.95};
        double[] mDob = {0, 0.7, 0, 0.2, 0, 0, 0, 0, 0.1};
        double[] uDob = {0, 0.01, 0, 0.04, 0, 0, 0, 0, 0.95};
        Map<Long, Long> counts = new HashMap<>();
        int[] givenLevels = {1, 8};
        int[] dobLevels = {1, 3, 8};
        for (int g : givenLevels) {
            for (int d : dobLevels) {
                double p = lambda * mGiven[g] * mDob[d] + (1 - lambda) * uGiven[g] * uDob[d];
                int[] levels = new int[Field.ALL.length];
                levels[Field.GIVEN_NAME.ordinal()] = g;
                levels[Field.DATE_OF_BIRTH.ordinal()] = d;
                counts.put(Field.pack(levels), Math.round(p * 10_000_000));
            }
        }
        double[][] u = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            u[f.ordinal()] = new double[f.levelCount()];
            java.util.Arrays.fill(u[f.ordinal()], 1.0 / (f.levelCount() - 1));
        }
        u[Field.GIVEN_NAME.ordinal()] = uGiven.clone();
        u[Field.DATE_OF_BIRTH.ordinal()] = uDob.clone();
        LinkageModel model = LinkageModel.estimate(List.of(counts), List.of(-1L), counts, u);
        assertThat(model.lambda()).isCloseTo(lambda, within(1e-3));
        assertThat(model.m(Field.GIVEN_NAME, 1)).isCloseTo(0.9, within(1e-3));
        assertThat(model.m(Field.DATE_OF_BIRTH, 1)).isCloseTo(0.7, within(1e-3));
        assertThat(model.m(Field.DATE_OF_BIRTH, 3)).isCloseTo(0.2, within(1e-3));
        assertThat(model.m(Field.DATE_OF_BIRTH, 8)).isCloseTo(0.1, within(1e-3));
        assertThat(LinkageModel.parse(model.serialise()).m(Field.DATE_OF_BIRTH, 3)).isEqualTo(model.m(Field.DATE_OF_BIRTH, 3));
    }

    /**
     * A broad rule (a birth place and a year) holds many families and few matches: EM within it finds "shares
     * a postcode" instead of "is the same person", a class that disagrees on names as often as random pairs.
     * That rule is left out of m, which stays as the narrow rule's matches give it.
     */
    @Test
    void aRuleWhoseClassIsNotTheSamePersonIsLeftOutOfTheEstimate() {
        double[][] u = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            u[f.ordinal()] = new double[f.levelCount()];
            java.util.Arrays.fill(u[f.ordinal()], 0.01);
            u[f.ordinal()][f.levelCount() - 1] = 1 - 0.01 * (f.levelCount() - 2);
        }
        Map<Long, Long> narrow = new HashMap<>();
        Map<Long, Long> broad = new HashMap<>();
        int familyDifferent = Field.FAMILY_NAME.levelCount() - 1;
        int postcodeDifferent = Field.POSTCODE.levelCount() - 1;
        // Narrow rule (blocks on the date of birth): 9,000 matches agreeing on names, 1,000 with another family
        // name; 20,000 non-matches disagreeing on both.
        narrow.merge(pattern(1, 1, 0, 0), 9_000L, Long::sum);
        narrow.merge(pattern(1, familyDifferent, 0, 0), 1_000L, Long::sum);
        narrow.merge(pattern(8, familyDifferent, 0, 0), 20_000L, Long::sum);
        // Broad rule (blocks on the date of birth too, say): families at one postcode, names different.
        broad.merge(pattern(8, familyDifferent, 0, 1), 40_000L, Long::sum);
        broad.merge(pattern(8, familyDifferent, 0, postcodeDifferent), 60_000L, Long::sum);
        long dob = ((1L << Field.BITS) - 1) << (Field.DATE_OF_BIRTH.ordinal() * Field.BITS);
        Map<Long, Long> all = new HashMap<>(narrow);
        broad.forEach((k, v) -> all.merge(k, v, Long::sum));
        LinkageModel model = LinkageModel.estimate(List.of(narrow, broad), List.of(~dob, ~dob), all, u);
        assertThat(model.m(Field.FAMILY_NAME, familyDifferent)).isCloseTo(0.1, within(0.02));
        assertThat(model.m(Field.FAMILY_NAME, 1)).isCloseTo(0.9, within(0.02));
    }

    private static long pattern(int given, int family, int dob, int postcode) {
        int[] levels = new int[Field.ALL.length];
        levels[Field.GIVEN_NAME.ordinal()] = given;
        levels[Field.FAMILY_NAME.ordinal()] = family;
        levels[Field.DATE_OF_BIRTH.ordinal()] = dob;
        levels[Field.POSTCODE.ordinal()] = postcode;
        return Field.pack(levels);
    }

    @Test
    void strongMatchesJoinTransitivelyWeakChainsStopAndRejectionsHold() {
        // Records 0-4: one person, each strongly like the next only (weight 20).
        // Records 5-8: a chain of weak matches (5-6 and 7-8 weight 4, then 6-7 weight 3), no other pair scored.
        // Records 9-10: a strong match a person rejected.
        long[] pairs = {Clusterer.key(0, 1), Clusterer.key(1, 2), Clusterer.key(2, 3), Clusterer.key(3, 4),
            Clusterer.key(5, 6), Clusterer.key(6, 7), Clusterer.key(7, 8), Clusterer.key(9, 10)};
        double[] weights = {20, 20, 20, 20, 4, 3, 4, 20};
        long[] matched = {pairs[0], pairs[1], pairs[2], pairs[3], pairs[7], pairs[4], pairs[6], pairs[5]};
        double[] matchedWeights = {20, 20, 20, 20, 20, 4, 4, 3};
        int[] cluster = Clusterer.cluster(11, pairs, weights, matched, matchedWeights, java.util.Set.of(),
                java.util.Set.of(Clusterer.key(9, 10)));
        assertThat(new int[] {cluster[1], cluster[2], cluster[3], cluster[4]}).containsOnly(cluster[0]);
        assertThat(cluster[5]).as("5-6 join (their one pair)").isEqualTo(cluster[6]);
        assertThat(cluster[7]).isEqualTo(cluster[8]);
        assertThat(cluster[7]).as("6-7 is one cross pair of four: refused").isNotEqualTo(cluster[6]);
        assertThat(cluster[9]).isNotEqualTo(cluster[10]);
    }

    @Test
    void aWeakMatchJoinsClustersOnlyWhenTheirCrossPairsAgree() {
        // {0,1} and {2,3} (strong), then the weak match 1-2: the clusters join when their cross pairs agree.
        long[] pairs = {Clusterer.key(0, 1), Clusterer.key(2, 3), Clusterer.key(1, 2), Clusterer.key(0, 2), Clusterer.key(0, 3),
            Clusterer.key(1, 3)};
        double[] weights = {20, 20, 3, 3, 3, 3};
        long[] matched = {Clusterer.key(0, 1), Clusterer.key(2, 3), Clusterer.key(1, 2)};
        double[] matchedWeights = {20, 20, 3};
        int[] cluster = Clusterer.cluster(4, pairs, weights, matched, matchedWeights, java.util.Set.of(), java.util.Set.of());
        assertThat(cluster[2]).as("all four cross pairs agree (probability 0.89)").isEqualTo(cluster[0]);
        double[] fewAgree = {20, 20, 3, -10, -10, -10};
        cluster = Clusterer.cluster(4, pairs, fewAgree, matched, matchedWeights, java.util.Set.of(), java.util.Set.of());
        assertThat(cluster[2]).as("one cross pair of four agrees").isNotEqualTo(cluster[0]);
    }

    @Test
    void explanationNumbersAreWrittenAsFormatWritesThem() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-4, 4));
            assertThat(LinkageFiles.fixed(v, 3)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", v)
                    .replace("-0.000", "0.000"));
            assertThat(LinkageFiles.fixed(v, 6)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.6f", v)
                    .replace("-0.000000", "0.000000"));
        }
        assertThat(LinkageFiles.fixed(-12.0005, 3)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", -12.0005));
    }

    @Test
    void aModelThatDoesNotFitIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LinkageModel.parse("lambda=0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model has no given_name");
    }

    @Test
    void theThresholdSitsBetweenNonMatchesAndMatches() {
        double[] weights = new double[1000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i < 900 ? -20 + i % 10 : 15 + i % 5;
        }
        double threshold = Linker.chooseThreshold(weights);
        assertThat(threshold).isGreaterThan(-11).isLessThanOrEqualTo(15);
    }

    /**
     * The threshold walk sorts only the likely matches, yet chooses what walking every candidate pair chooses: on
     * runs of many non-matches and few matches, on runs with hardly a likely match (the best F1 small), and at ties.
     */
    @Test
    void theThresholdFromTheLikelyPairsIsTheThresholdFromEveryPair() {
        java.util.Random random = new java.util.Random(31);
        for (int run = 0; run < 200; run++) {
            int n = 1 + random.nextInt(3000);
            double matchShare = run % 4 == 0 ? 0.0005 : random.nextDouble() * 0.2;
            double[] weights = new double[n];
            for (int i = 0; i < n; i++) {
                weights[i] = random.nextDouble() < matchShare ? 5 + random.nextGaussian() * 6
                        : -25 + random.nextGaussian() * 8;
                if (run % 10 == 0) {
                    weights[i] = Math.rint(weights[i]);
                }
            }
            assertThat(Linker.chooseThreshold(weights)).as("run " + run).isEqualTo(everyPair(weights));
        }
        assertThat(Linker.chooseThreshold(new double[] {-40, -45})).as("nothing likely at all")
                .isEqualTo(everyPair(new double[] {-40, -45}));
    }

    /** The walk over every pair, as the engine did before sorting only the likely ones. */
    private static double everyPair(double[] weights) {
        double[] sorted = weights.clone();
        java.util.Arrays.sort(sorted);
        double expected = 0;
        for (double w : sorted) {
            expected += Scorer.probability(w);
        }
        if (expected == 0) {
            return 0;
        }
        double best = -1;
        double bestWeight = 0;
        double truePositives = 0;
        int k = 0;
        for (int i = sorted.length - 1; i >= 0; i--) {
            truePositives += Scorer.probability(sorted[i]);
            k++;
            double f1 = 2 * truePositives / (k + expected);
            if (f1 > best) {
                best = f1;
                bestWeight = sorted[i];
            }
        }
        return bestWeight;
    }

    /** Twenty distinct people, each recorded three times with small variations. */
    private static List<PersonRecord> population() {
        String[] given = {"Arthur", "Brian", "Ceri", "Dafydd", "Elin", "Ffion", "Gwen", "Huw", "Iolo", "Jac", "Kate", "Llyr",
            "Mali", "Nia", "Owain", "Pedr", "Rhian", "Sion", "Tomos", "Wyn"};
        String[] family = {"Ashworth", "Blackwood", "Cartwright", "Doherty", "Ellis", "Fletcher", "Griffiths", "Hopkins",
            "Iorwerth", "Jenkins", "Kowalski", "Llewellyn", "Mensah", "Nowak", "Okafor", "Penhaligon", "Quayle", "Rees",
            "Stewart", "Trevithick"};
        List<PersonRecord> out = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            String dob = String.format("19%02d-%02d-%02d", 60 + p, 1 + p % 12, 1 + p);
            String postcode = "LL" + (10 + p) + " " + (p % 9) + "AB";
            out.add(new PersonRecord("p" + p + "a", given[p], null, family[p], dob, "male", postcode, null, "Bangor", null, null));
            out.add(new PersonRecord("p" + p + "b", given[p].toUpperCase(), null, family[p], dob, null, postcode, null, null, null, null));
            out.add(new PersonRecord("p" + p + "c", given[p], null, family[p] + "e", dob.substring(0, 4), "male", null, null,
                    "Bangor", null, null));
        }
        return out;
    }

    @Test
    void recordsOfOnePersonClusterAndDifferentPeopleDoNot() {
        List<PersonRecord> people = population();
        Linker.Result result = linker.link(people, Linker.Options.defaults(), List.of(), m -> { });
        for (int p = 0; p < 20; p++) {
            assertThat(result.clusterOf(3 * p + 1)).as("person %d, record b", p).isEqualTo(result.clusterOf(3 * p));
            assertThat(result.clusterOf(3 * p + 2)).as("person %d, record c", p).isEqualTo(result.clusterOf(3 * p));
            if (p > 0) {
                assertThat(result.clusterOf(3 * p)).isNotEqualTo(result.clusterOf(3 * (p - 1)));
            }
        }
        Explanation why = result.explain(0, 1);
        assertThat(why.contributions()).extracting(Explanation.Contribution::levelLabel)
                .contains("exact", "full postcode", "missing");
        assertThat(why.matchWeight()).isCloseTo(why.priorWeight()
                + why.contributions().stream().mapToDouble(Explanation.Contribution::weight).sum(), within(1e-9));
    }

    @Test
    void aRejectedLinkStaysRejectedOnEveryRunAndAConfirmedOneHolds() {
        List<PersonRecord> people = population();
        List<Linker.Decision> decisions = List.of(new Linker.Decision("p3a", "p3b", false),
                new Linker.Decision("p5a", "p9a", true), new Linker.Decision("p1a", "nobody", true));
        for (int run = 0; run < 2; run++) {
            Linker.Result result = linker.link(people, Linker.Options.defaults(), decisions, m -> { });
            assertThat(result.clusterOf(9)).as("rejected pair").isNotEqualTo(result.clusterOf(10));
            assertThat(result.clusterOf(15)).as("confirmed pair").isEqualTo(result.clusterOf(27));
            assertThat(result.stats().decisionsUnknown()).isEqualTo(1);
        }
    }

    /**
     * A chain: each record resembles the next (a shared rare surname and a date one digit apart; then
     * the given name changes, then the date), but the ends share nothing but the surname. Merging every
     * matched pair would make one person of them; the clusterer keeps the ends apart.
     */
    @Test
    void aChainOfWeakLinksDoesNotMergeUnrelatedPeople() {
        List<PersonRecord> people = new ArrayList<>(population());
        people.add(new PersonRecord("x1", "Gethin", null, "Zabrowski", "1970-01-01", "male", "SY1 1AA", null, null, null, null));
        people.add(new PersonRecord("x2", "Gethin", null, "Zabrowski", "1970-01-01", "male", "SY2 2BB", null, null, null, null));
        people.add(new PersonRecord("x3", "Gethin", null, "Zabrowski", "1970-01-07", "male", "SY3 3CC", null, null, null, null));
        people.add(new PersonRecord("x4", "Gethyn", null, "Zabrowski", "1978-01-07", "male", "SY4 4DD", null, null, null, null));
        people.add(new PersonRecord("x5", "Marek", null, "Zabrowski", "1978-01-07", "male", "SY5 5EE", null, null, null, null));
        people.add(new PersonRecord("x6", "Marek", null, "Zabrowski", "1978-01-07", "male", "SY5 5EE", null, null, null, null));
        Linker.Result result = linker.link(people, new Linker.Options(0.5, null, null, 1L), List.of(), m -> { });
        int first = people.size() - 6;
        assertThat(result.clusterOf(first)).isEqualTo(result.clusterOf(first + 1));
        assertThat(result.clusterOf(first + 4)).isEqualTo(result.clusterOf(first + 5));
        assertThat(result.clusterOf(first)).isNotEqualTo(result.clusterOf(first + 5));
    }

    @Test
    void qualityIsScoredOnClusters() {
        // Truth: {0,1,2} {3,4}; clusters: {0,1} {2,3,4}.
        LinkQuality q = LinkQuality.of(new int[] {0, 0, 2, 2, 2}, new int[] {7, 7, 7, 9, 9});
        assertThat(q.truePairs()).isEqualTo(4);
        assertThat(q.predictedPairs()).isEqualTo(4);
        assertThat(q.correctPairs()).isEqualTo(2);
        assertThat(q.f1()).isCloseTo(0.5, within(1e-12));
        // B-cubed precision: (1 + 1 + 1/3 + 2/3 + 2/3) / 5; recall: (2/3 + 2/3 + 1/3 + 1 + 1) / 5.
        assertThat(q.bcubedPrecision()).isCloseTo((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, within(1e-12));
        assertThat(q.bcubedRecall()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, within(1e-12));
    }

    @Test
    void theNaiveBaselineNeedsNamesAndAFullDateOfBirth() {
        int[] clusters = linker.naive(List.of(
                new PersonRecord("a", "Ann", null, "Hughes", "1990-01-01", null, null, null, null, null, null),
                new PersonRecord("b", "ANN", null, "hughes", "1990-01-01", null, null, null, null, null, null),
                new PersonRecord("c", "Ann", null, "Hughes", "1990", null, null, null, null, null, null),
                new PersonRecord("d", "Ann", null, "Hughes", "1990", null, null, null, null, null, null)));
        assertThat(clusters).containsExactly(0, 0, 2, 3);
    }

    @Test
    void aThresholdMustBeAProbability() {
        assertThatThrownBy(() -> new Linker.Options(1.5, null, null, 1L)).hasMessageContaining("between 0 and 1");
    }
}
