package org.soteria.linkage;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The linkage engine: normalise, block, compare, estimate the model (unless given one), score, choose
 * a threshold (unless given one) and cluster. Source records are never changed; the result says which
 * records are the same person and why.
 */
public final class Linker {

    /**
     * How to run.
     *
     * @param threshold match probability at or above which a pair is a match; null to choose one from the scores
     * @param model a model from an earlier run to reuse; null to estimate one from these records
     * @param focus when not null, only pairs with at least one record in it are compared (new records)
     */
    public record Options(Double threshold, LinkageModel model, BitSet focus, long seed) {
        public Options {
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                throw new IllegalArgumentException("the threshold is a probability between 0 and 1 (exclusive), not " + threshold);
            }
        }

        public static Options defaults() {
            return new Options(null, null, null, 20240101L);
        }
    }

    /** A pair found by an earlier run, kept as an edge when only new records are compared. */
    public record Match(String personIdA, String personIdB, double weight) {
    }

    /** A person's decision on a pair of records, by person_id. */
    public record Decision(String personIdA, String personIdB, boolean confirmed) {
    }

    /** Counts for the progress report and the benchmark. */
    public record Stats(int records, long candidatePairs, Map<String, Long> pairsByRule, int oversizedBlocks,
            long matchedPairs, int clusters, int decisionsApplied, int decisionsUnknown, int emIterations) {
    }

    /** What a run found. */
    public static final class Result {
        private final RecordSet records;
        private final int[] cluster;
        private final long[] matched;
        private final double thresholdWeight;
        private final LinkageModel model;
        private final Scorer scorer;
        private final Stats stats;

        Result(RecordSet records, int[] cluster, long[] matched, double thresholdWeight,
                LinkageModel model, Scorer scorer, Stats stats) {
            this.records = records;
            this.cluster = cluster;
            this.matched = matched;
            this.thresholdWeight = thresholdWeight;
            this.model = model;
            this.scorer = scorer;
            this.stats = stats;
        }

        public RecordSet records() {
            return records;
        }

        /** The cluster of a record, as the index of the cluster's first record. */
        public int clusterOf(int record) {
            return cluster[record];
        }

        public int[] clusters() {
            return cluster.clone();
        }

        /** Matched pairs (score at or above the threshold), strongest first, as record indexes. */
        public int matchedPairs() {
            return matched.length;
        }

        public int matchedA(int k) {
            return (int) (matched[k] >>> 32);
        }

        public int matchedB(int k) {
            return (int) matched[k];
        }

        public double thresholdWeight() {
            return thresholdWeight;
        }

        public double thresholdProbability() {
            return Scorer.probability(thresholdWeight);
        }

        public LinkageModel model() {
            return model;
        }

        public Stats stats() {
            return stats;
        }

        /** Why two records score as they do. */
        public Explanation explain(int a, int b) {
            return scorer.explain(Math.min(a, b), Math.max(a, b));
        }
    }

    private final Nicknames nicknames;

    public Linker(Nicknames nicknames) {
        this.nicknames = nicknames;
    }

    public Result link(List<PersonRecord> people, Options options, List<Decision> decisions, Consumer<String> progress) {
        return link(people, options, decisions, List.of(), progress);
    }

    /**
     * Links {@code people}. With a focus (new records), only pairs involving them are compared; the
     * {@code known} matches of earlier runs join them as edges so that clusters are formed over all.
     */
    public Result link(List<PersonRecord> people, Options options, List<Decision> decisions, List<Match> known,
            Consumer<String> progress) {
        long started = System.nanoTime();
        RecordSet records = new RecordSet(people, nicknames);
        int n = records.size();
        progress.accept(String.format("Normalised %,d records (%s)", n, elapsed(started)));
        Blocking.Candidates candidates = Blocking.candidates(records, options.focus());
        long[] pairs = candidates.pairs();
        progress.accept(String.format("Blocking gave %,d candidate pairs (%s)", pairs.length, elapsed(started)));
        candidates.pairsByRule().forEach((rule, count) -> progress.accept(String.format("  %,d pairs by %s", count, rule.label)));
        candidates.budgetNotes().forEach(note -> progress.accept("  Pair budget: " + note));
        Comparator comparator = new Comparator(records);
        long[] patterns = new long[pairs.length];
        IntStream.range(0, pairs.length).parallel()
                .forEach(k -> patterns[k] = comparator.pattern((int) (pairs[k] >>> 32), (int) pairs[k]));
        progress.accept(String.format("Compared the candidate pairs (%s)", elapsed(started)));
        LinkageModel model = options.model();
        if (model == null) {
            double[][] u = LinkageModel.estimateU(records, comparator, options.seed());
            Map<Long, Long> counts = new HashMap<>();
            List<Map<Long, Long>> byRule = new java.util.ArrayList<>();
            List<Long> masks = new java.util.ArrayList<>();
            if (candidates.allPairs()) {
                // Every pair was compared, so nothing was picked for resembling: one EM over all of them.
                for (long p : patterns) {
                    counts.merge(p, 1L, Long::sum);
                }
                byRule.add(counts);
                masks.add(-1L);
            } else {
                // m from every rule whose class is the same person (LinkageModel.identifies); lambda only over the
                // narrow rules' pairs: a broad rule's many near-namesakes (same given name and birth place) look
                // like matches to a model that takes fields as independent, and would raise the prior of all.
                List<Blocking.Rule> rules = List.of(Blocking.Rule.values());
                // One task a rule (and one for the narrow rules' pairs), each counting its own patterns.
                List<Map<Long, Long>> counted = IntStream.rangeClosed(0, rules.size()).parallel().mapToObj(x -> {
                    Map<Long, Long> out = new HashMap<>();
                    for (int k = 0; k < pairs.length; k++) {
                        int a = (int) (pairs[k] >>> 32);
                        int b = (int) pairs[k];
                        if (x < rules.size()) {
                            if (candidates.blockedBy(rules.get(x), a, b)) {
                                out.merge(patterns[k] & rules.get(x).mask, 1L, Long::sum);
                            }
                        } else if (candidates.blockedByAny(Blocking.Rule.NARROW, a, b)) {
                            out.merge(patterns[k], 1L, Long::sum);
                        }
                    }
                    return out;
                }).toList();
                for (int x = 0; x < rules.size(); x++) {
                    byRule.add(counted.get(x));
                    masks.add(rules.get(x).mask);
                }
                counts.putAll(counted.get(rules.size()));
            }
            model = LinkageModel.estimate(byRule, masks, counts, u);
            // The prior of a match for any two records, not for a candidate pair: blocking picked the
            // candidates for resembling each other, which their weights already count. Lambda is the share
            // of matches among the pairs it was estimated over.
            double allPairs = (double) n * (n - 1) / 2;
            long counted = counts.values().stream().mapToLong(Long::longValue).sum();
            model = model.withLambda(Math.min(0.5, model.lambda() * counted / Math.max(1, allPairs)));
            progress.accept(String.format("Estimated the model: %d EM iterations over %,d patterns; prior match "
                    + "probability of two records %.2e (%s)", model.iterations(), counts.size(), model.lambda(), elapsed(started)));
        }
        Scorer scorer = new Scorer(records, comparator, model);
        double[] weights = new double[pairs.length];
        IntStream.range(0, pairs.length).parallel()
                .forEach(k -> weights[k] = scorer.weight((int) (pairs[k] >>> 32), (int) pairs[k], patterns[k]));
        double threshold = options.threshold() != null
                ? LinkageModel.log2(options.threshold() / (1 - options.threshold()))
                : chooseThreshold(weights);
        Integer[] order = matchedInOrder(weights, threshold);
        long[] matched = new long[order.length];
        double[] matchedWeights = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            matched[k] = pairs[order[k]];
            matchedWeights[k] = weights[order[k]];
        }
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(records.personId(i), i);
        }
        long[] scored = pairs;
        double[] scoredWeights = weights;
        long[] clusterEdges = matched;
        double[] clusterWeights = matchedWeights;
        if (!known.isEmpty()) {
            // Pairs matched by earlier runs (not compared in this one) join the scored pairs and the matches.
            Map<Long, Double> earlier = new HashMap<>();
            for (Match m : known) {
                Integer a = index.get(m.personIdA());
                Integer b = index.get(m.personIdB());
                if (a != null && b != null && !a.equals(b)) {
                    long key = Clusterer.key(a, b);
                    if (Arrays.binarySearch(pairs, key) < 0) {
                        earlier.put(key, m.weight());
                    }
                }
            }
            scored = Arrays.copyOf(pairs, pairs.length + earlier.size());
            scoredWeights = Arrays.copyOf(weights, pairs.length + earlier.size());
            int k = pairs.length;
            for (Map.Entry<Long, Double> e : earlier.entrySet()) {
                scored[k] = e.getKey();
                scoredWeights[k++] = e.getValue();
            }
            double[] all = scoredWeights;
            long[] from = scored;
            int[] edgeOrder = IntStream.range(0, scored.length).filter(x -> all[x] >= threshold || x >= pairs.length).boxed()
                    .sorted((x, y) -> Double.compare(all[y], all[x])).mapToInt(Integer::intValue).toArray();
            clusterEdges = Arrays.stream(edgeOrder).mapToLong(x -> from[x]).toArray();
            clusterWeights = Arrays.stream(edgeOrder).mapToDouble(x -> all[x]).toArray();
        }
        Set<Long> confirmed = new HashSet<>();
        Set<Long> rejected = new HashSet<>();
        int unknown = 0;
        for (Decision d : decisions) {
            Integer a = index.get(d.personIdA());
            Integer b = index.get(d.personIdB());
            if (a == null || b == null || a.equals(b)) {
                unknown++;
                continue;
            }
            (d.confirmed() ? confirmed : rejected).add(Clusterer.key(a, b));
        }
        confirmed.removeAll(rejected);
        int[] cluster = Clusterer.cluster(n, scored, scoredWeights, clusterEdges, clusterWeights, confirmed, rejected);
        int clusters = (int) Arrays.stream(cluster).distinct().count();
        progress.accept(String.format("%,d pairs at or above the threshold (probability %.3f), %,d clusters (%s)",
                matched.length, Scorer.probability(threshold), clusters, elapsed(started)));
        Map<String, Long> byRule = new java.util.LinkedHashMap<>();
        candidates.pairsByRule().forEach((rule, count) -> byRule.put(rule.label, count));
        Stats stats = new Stats(n, pairs.length, byRule, candidates.oversizedBlocks(), matched.length, clusters,
                confirmed.size() + rejected.size(), unknown, model.iterations());
        return new Result(records, cluster, matched, threshold, model, scorer, stats);
    }

    /** Probability below which a pair is left out of the first walk of {@link #chooseThreshold}. */
    private static final double LIKELY = 0.01;

    /**
     * The weight that maximises the expected F1 of the pairs above it, the expectation taken over the
     * model's own match probabilities: where the score distribution's valley between non-matches and
     * matches lies.
     * <p>Walking down from the highest weight, a pair raises the F1 only when its probability is more than half
     * the F1 so far, and no run of pairs below half of the best F1 can lift it above the best. So the walk sorts
     * only the pairs of probability at least {@value #LIKELY} (the few likely matches, not the millions of
     * candidate pairs a force's run compares, which a full copy sorted in memory); it walks every pair only when
     * the best F1 found is under twice that. The answer is the same as walking them all.
     */
    static double chooseThreshold(double[] weights) {
        double expectedMatches = 0;
        int likely = 0;
        for (double w : weights) {
            double p = Scorer.probability(w);
            expectedMatches += p;
            likely += p >= LIKELY ? 1 : 0;
        }
        if (expectedMatches == 0) {
            return 0;
        }
        double[] top = new double[likely];
        int t = 0;
        for (double w : weights) {
            if (Scorer.probability(w) >= LIKELY) {
                top[t++] = w;
            }
        }
        double[] best = walk(top, expectedMatches);
        return best[0] >= 2 * LIKELY ? best[1] : walk(weights.clone(), expectedMatches)[1];
    }

    /** The best expected F1 over thresholds at the weights given (sorted here), and its weight. */
    private static double[] walk(double[] weights, double expectedMatches) {
        Arrays.sort(weights);
        double best = -1;
        double bestWeight = 0;
        double truePositives = 0;
        int k = 0;
        for (int i = weights.length - 1; i >= 0; i--) {
            truePositives += Scorer.probability(weights[i]);
            k++;
            double f1 = 2 * truePositives / (k + expectedMatches);
            if (f1 > best) {
                best = f1;
                bestWeight = weights[i];
            }
        }
        return new double[] {best, bestWeight};
    }

    private static Integer[] matchedInOrder(double[] weights, double threshold) {
        return IntStream.range(0, weights.length).filter(k -> weights[k] >= threshold).boxed()
                .sorted((x, y) -> Double.compare(weights[y], weights[x])).toArray(Integer[]::new);
    }

    /** The naive baseline: records are the same person when normalised given name, family name and full date of birth are all equal. */
    public int[] naive(List<PersonRecord> people) {
        RecordSet r = new RecordSet(people, nicknames);
        Map<String, Integer> first = new HashMap<>();
        int[] cluster = new int[r.size()];
        for (int i = 0; i < r.size(); i++) {
            cluster[i] = i;
            if (r.given[i] >= 0 && r.family[i] >= 0 && DateOfBirth.full(r.dob[i])) {
                String key = r.given[i] + "/" + r.family[i] + "/" + r.dob[i];
                Integer existing = first.putIfAbsent(key, i);
                cluster[i] = existing == null ? i : existing;
            }
        }
        return cluster;
    }

    private static String elapsed(long started) {
        return String.format("%.1f s", (System.nanoTime() - started) / 1e9);
    }
}
