package org.soteria.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns pairwise matches into clusters without chaining, in time close to linear in the pairs. Matched
 * pairs are taken strongest first. A match of weight {@link #STRONG} or more joins its two clusters: a
 * person's many records, linked by strong evidence, join transitively. A weaker match joins them only when
 * the pairs across them have a mean match probability of at least {@link #MERGE_SUPPORT}, counting every
 * cross pair: a pair the run scored counts with its probability, one it never compared (they shared no
 * blocking key) as 0. Two pairs joined by a
 * single link (one cross pair in four) stay apart, so a chain a–b–c–d of weak links stops where the ends
 * do not resemble each other, where merging every matched pair would fold thousands of different people
 * into one cluster; while a person's many records, each strongly like most of the others, join.
 *
 * <p>Scores are worked out once per pair, before clustering, and kept per record (only those above
 * {@link #FLOOR}, which cannot move a mean by more than the floor). Judging a merge walks the pairs of
 * the smaller cluster's records; a refused merge is not judged again until one of the two clusters has
 * grown. Confirmed links always merge; a rejected link is never inside a cluster.
 */
final class Clusterer {

    static final double MERGE_SUPPORT = 0.3;
    /** A match of at least this weight (odds of 1,000 to 1) joins two clusters without judging the pairs across them. */
    static final double STRONG = 10;
    /** Scored pairs below this probability are left out of the cross-pair sums (as if never compared). */
    static final double FLOOR = 0.01;
    /** Marks a rejected pair in the per-record lists: a merge across it is refused whatever the rest says. */
    private static final float REJECTED = -1f;

    private final int[] start;
    private final int[] neighbour;
    private final float[] probability;
    private final DisjointSets sets;
    private final int[] size;
    /** Members of each cluster as a circular list: next[i] is the next member after i. */
    private final int[] next;
    /** Bumped when a cluster grows, so that an earlier refusal between two clusters is judged again. */
    private final int[] version;
    private final Map<Long, Long> refused = new HashMap<>();

    private Clusterer(int n, long[] pairs, double[] weights, Set<Long> rejected) {
        int[] degree = new int[n + 1];
        for (int k = 0; k < pairs.length; k++) {
            if (Scorer.probability(weights[k]) >= FLOOR) {
                degree[(int) (pairs[k] >>> 32)]++;
                degree[(int) pairs[k]]++;
            }
        }
        for (long pair : rejected) {
            degree[(int) (pair >>> 32)]++;
            degree[(int) pair]++;
        }
        start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        neighbour = new int[start[n]];
        probability = new float[start[n]];
        for (int k = 0; k < pairs.length; k++) {
            double p = Scorer.probability(weights[k]);
            if (p >= FLOOR) {
                add(fill, (int) (pairs[k] >>> 32), (int) pairs[k], (float) p);
            }
        }
        for (long pair : rejected) {
            add(fill, (int) (pair >>> 32), (int) pair, REJECTED);
        }
        sets = new DisjointSets(n);
        size = new int[n];
        next = new int[n];
        version = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            next[i] = i;
        }
    }

    private void add(int[] fill, int a, int b, float p) {
        neighbour[fill[a]] = b;
        probability[fill[a]++] = p;
        neighbour[fill[b]] = a;
        probability[fill[b]++] = p;
    }

    /**
     * @param pairs every pair the run scored ({@code a << 32 | b}), with its weight in {@code weights}
     * @param matched the pairs at or above the threshold, in descending order of weight
     * @param confirmed pairs a person confirmed: merged first, whatever their score
     * @param rejected pairs a person rejected: never in one cluster
     * @return a cluster number per record, numbered by each cluster's first record
     */
    static int[] cluster(int n, long[] pairs, double[] weights, long[] matched, double[] matchedWeights, Set<Long> confirmed,
            Set<Long> rejected) {
        Clusterer c = new Clusterer(n, pairs, weights, rejected);
        for (long pair : confirmed) {
            c.merge((int) (pair >>> 32), (int) pair, false);
        }
        for (int k = 0; k < matched.length; k++) {
            c.merge((int) (matched[k] >>> 32), (int) matched[k], matchedWeights[k] < STRONG);
        }
        return c.sets.roots();
    }

    private void merge(int a, int b, boolean judge) {
        int ra = sets.find(a);
        int rb = sets.find(b);
        if (ra == rb) {
            return;
        }
        long key = key(ra, rb);
        long stamp = (long) version[ra] << 32 | version[rb] & 0xFFFFFFFFL;
        if (ra > rb) {
            stamp = (long) version[rb] << 32 | version[ra] & 0xFFFFFFFFL;
        }
        Long refusedAt = refused.get(key);
        if (refusedAt != null && refusedAt == stamp) {
            return;
        }
        int small = size[ra] <= size[rb] ? ra : rb;
        int other = small == ra ? rb : ra;
        double support = 0;
        int member = small;
        do {
            for (int k = start[member]; k < start[member + 1]; k++) {
                if (sets.find(neighbour[k]) == other) {
                    if (probability[k] == REJECTED) {
                        refused.put(key, stamp);
                        return;
                    }
                    support += probability[k];
                }
            }
            member = next[member];
        } while (member != small);
        if (judge && support < MERGE_SUPPORT * size[ra] * (double) size[rb]) {
            refused.put(key, stamp);
            return;
        }
        refused.remove(key);
        int root = sets.union(ra, rb);
        size[root] = size[ra] + size[rb];
        version[root] = Math.max(version[ra], version[rb]) + 1;
        int after = next[ra];
        next[ra] = next[rb];
        next[rb] = after;
    }

    static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }
}
