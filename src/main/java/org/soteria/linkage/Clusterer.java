package org.soteria.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Turns pairwise matches into clusters without chaining. Matched pairs are taken strongest first; two
 * clusters merge only when the pairs across them, scored directly, have a mean match probability of at
 * least {@link #MERGE_SUPPORT}. Two pairs joined by a single link (one cross pair in four) stay apart,
 * so a chain a–b–c–d of weak links stops where the ends do not resemble each other, where merging every
 * matched pair would fold thousands of different people into one cluster. Confirmed links always merge; a rejected link is never inside a
 * cluster.
 */
final class Clusterer {

    static final double MERGE_SUPPORT = 0.3;
    /** Beyond this many cross pairs a merge is judged on an even sample of them. */
    private static final int MAX_CROSS_PAIRS = 20_000;

    private Clusterer() {
    }

    /**
     * @param edges matched pairs ({@code a << 32 | b}) in descending order of weight
     * @param confirmed pairs a person confirmed: merged first, whatever their score
     * @param rejected pairs a person rejected: never in one cluster
     * @return a cluster number per record, numbered by each cluster's first record
     */
    static int[] cluster(int n, long[] edges, Set<Long> confirmed, Set<Long> rejected, Scorer scorer) {
        DisjointSets parent = new DisjointSets(n);
        List<int[]> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(null);
        }
        for (long pair : confirmed) {
            merge(parent, members, (int) (pair >>> 32), (int) pair, rejected, null);
        }
        for (long pair : edges) {
            merge(parent, members, (int) (pair >>> 32), (int) pair, rejected, scorer);
        }
        return parent.roots();
    }

    private static int[] membersOf(List<int[]> members, int root) {
        int[] m = members.get(root);
        return m == null ? new int[] {root} : m;
    }

    private static void merge(DisjointSets parent, List<int[]> members, int a, int b, Set<Long> rejected,
            Scorer scorer) {
        int ra = parent.find(a);
        int rb = parent.find(b);
        if (ra == rb) {
            return;
        }
        int[] ma = membersOf(members, ra);
        int[] mb = membersOf(members, rb);
        long cross = (long) ma.length * mb.length;
        int step = (int) Math.max(1, cross / MAX_CROSS_PAIRS);
        double support = 0;
        int judged = 0;
        long k = 0;
        for (int x : ma) {
            for (int y : mb) {
                if (!rejected.isEmpty() && rejected.contains(key(x, y))) {
                    return;
                }
                if (scorer != null && cross > 1 && k++ % step == 0) {
                    support += Scorer.probability(scorer.weight(Math.min(x, y), Math.max(x, y)));
                    judged++;
                }
            }
        }
        if (judged > 0 && support / judged < MERGE_SUPPORT) {
            return;
        }
        int[] joined = Arrays.copyOf(ma, ma.length + mb.length);
        System.arraycopy(mb, 0, joined, ma.length, mb.length);
        int root = parent.union(ra, rb);
        int other = Math.max(ra, rb);
        members.set(root, joined);
        members.set(other, null);
    }

    static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }
}
