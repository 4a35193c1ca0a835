package org.soteria.casework;

import java.util.List;

/** The median and 90th percentile (nearest rank) of a list of day counts, with its size. */
public record Distribution(int count, Integer median, Integer p90) {

    static Distribution of(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return new Distribution(0, null, null);
        }
        return new Distribution(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static int rank(List<Integer> sorted, double p) {
        int k = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, k - 1));
    }
}
