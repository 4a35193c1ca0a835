package org.soteria.linkage;

import java.util.HashMap;
import java.util.Map;

/**
 * How well clusters agree with the truth. Pairwise: a pair of records in one cluster is a true
 * positive when they are one identity. B-cubed: per record, the share of its cluster that is its
 * identity (precision) and of its identity that is in its cluster (recall), averaged over records.
 */
public record LinkQuality(long truePairs, long predictedPairs, long correctPairs, double precision, double recall,
        double f1, double bcubedPrecision, double bcubedRecall, double bcubedF1) {

    /** Scores clusters (any number per record) against identities (any number per record), both indexed by record. */
    public static LinkQuality of(int[] cluster, int[] identity) {
        int n = cluster.length;
        if (identity.length != n) {
            throw new IllegalArgumentException("clusters and identities differ in length");
        }
        Map<Integer, Integer> clusterSize = new HashMap<>();
        Map<Integer, Integer> identitySize = new HashMap<>();
        Map<Long, Integer> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            clusterSize.merge(cluster[i], 1, Integer::sum);
            identitySize.merge(identity[i], 1, Integer::sum);
            both.merge((long) cluster[i] << 32 | (identity[i] & 0xFFFFFFFFL), 1, Integer::sum);
        }
        long predicted = clusterSize.values().stream().mapToLong(Integer::longValue).map(s -> s * (s - 1) / 2).sum();
        long truth = identitySize.values().stream().mapToLong(Integer::longValue).map(s -> s * (s - 1) / 2).sum();
        long correct = both.values().stream().mapToLong(Integer::longValue).map(s -> s * (s - 1) / 2).sum();
        double precision = predicted == 0 ? 1 : (double) correct / predicted;
        double recall = truth == 0 ? 1 : (double) correct / truth;
        double bp = 0;
        double br = 0;
        for (int i = 0; i < n; i++) {
            double overlap = both.get((long) cluster[i] << 32 | (identity[i] & 0xFFFFFFFFL));
            bp += overlap / clusterSize.get(cluster[i]);
            br += overlap / identitySize.get(identity[i]);
        }
        bp = n == 0 ? 1 : bp / n;
        br = n == 0 ? 1 : br / n;
        return new LinkQuality(truth, predicted, correct, precision, recall, f1(precision, recall), bp, br, f1(bp, br));
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
