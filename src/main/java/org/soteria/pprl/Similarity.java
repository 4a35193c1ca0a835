package org.soteria.pprl;

import java.util.Arrays;

/**
 * How alike two encoded records are: the Dice coefficient of each field's filters, weighted (the PNC identifier
 * most, then the date of birth, postcode least), over the fields both records have; given and family names are also tried the other
 * way round and the better reading counts. A name's weight falls with how common its filter is among the
 * records compared ({@link #rarity}), as agreeing on James Jones says less than agreeing on a rare name. A year
 * of birth alone against a full date counts for agreeing on the year, with the weight of what it says.
 */
public final class Similarity {

    /** Weights of given name, family name, date of birth, postcode, PNC identifier. */
    private static final double[] WEIGHTS = {2.0, 2.0, 3.0, 1.0, 4.0};
    /**
     * A name and the date of birth at least (or both names and the postcode, or a name and the PNC identifier, or
     * the PNC identifier with the date of birth and the postcode): less identifies no one.
     */
    private static final double MINIMUM_WEIGHT = 5.0;
    private static final int W = BloomEncoder.WORDS;
    private static final int DATE = 2;
    private static final int PNC = 4;
    /** The weight of two PNC identifiers that differ (agreeing, they weigh {@code WEIGHTS[PNC]}). */
    private static final double PNC_DISAGREEING = 1.0;
    /** A date filter with fewer than this share of the other's bits is a partial date (a year, a year and month). */
    private static final double PARTIAL = 0.6;
    /** The Dice coefficient of two name filters below which the names are taken to disagree. */
    private static final double NAME_FLOOR = 0.3;

    private Similarity() {
    }

    /** The weighted similarity of two records, 0 to 1, with every name taken as rare. */
    public static double score(long[] x, long[] y) {
        return score(x, 0, y, 0, 1, 1, 1, 1);
    }

    /**
     * The similarity of the records packed at {@code xAt} and {@code yAt} (offsets in longs), with the rarity
     * factors of their given and family names.
     */
    static double score(long[] x, int xAt, long[] y, int yAt, double xGiven, double xFamily, double yGiven,
            double yFamily) {
        double straight = weighted(x, xAt, y, yAt, false, xGiven, xFamily, yGiven, yFamily);
        double swapped = weighted(x, xAt, y, yAt, true, xGiven, xFamily, yGiven, yFamily);
        return Math.max(straight, swapped);
    }

    private static double weighted(long[] x, int xAt, long[] y, int yAt, boolean swapNames, double xGiven,
            double xFamily, double yGiven, double yFamily) {
        double sum = 0;
        double weights = 0;
        double present = 0;
        double nameSum = 0;
        double nameWeights = 0;
        double namePresent = 0;
        for (int f = 0; f < WEIGHTS.length; f++) {
            int g = swapNames && f < 2 ? 1 - f : f;
            int cx = 0;
            int cy = 0;
            int common = 0;
            for (int w = 0; w < W; w++) {
                long a = x[xAt + f * W + w];
                long b = y[yAt + g * W + w];
                cx += Long.bitCount(a);
                cy += Long.bitCount(b);
                common += Long.bitCount(a & b);
            }
            if (cx == 0 || cy == 0) {
                continue;
            }
            double rx = f == 0 ? xGiven : f == 1 ? xFamily : 1;
            double ry = g == 0 ? yGiven : g == 1 ? yFamily : 1;
            double w = WEIGHTS[f] * Math.max(rx, ry);
            double agreement = 2.0 * common / (cx + cy);
            int small = Math.min(cx, cy);
            int large = Math.max(cx, cy);
            double identifies = WEIGHTS[f];
            if (f == DATE && small < PARTIAL * large) {
                // a year alone (or year and month) against a full date: agreement on what the shorter one says,
                // weighed by how much it says, and counting half towards what identifies
                agreement = common / (double) small;
                w *= small / (double) large;
                identifies /= 2;
            }
            if (f < DATE || f == PNC) {
                // names (or identifiers) that share less than a few bigrams differ, not by a typo: no credit at all
                agreement = Math.max(0, (agreement - NAME_FLOOR) / (1 - NAME_FLOOR));
            }
            if (f == PNC && agreement == 0) {
                // an identifier recorded twice is sometimes recorded wrong: two that differ say less against a
                // match than two that agree say for one, and identify no one
                w = PNC_DISAGREEING;
                identifies = 0;
            }
            if (f < DATE) {
                nameSum += w * agreement;
                nameWeights += w;
                namePresent += identifies;
            } else {
                sum += w * agreement;
                weights += w;
                present += identifies;
            }
        }
        if (nameSum > 0) {
            sum += nameSum;
            weights += nameWeights;
            present += namePresent;
        }
        // when no name agrees at all the names say nothing (salted with different years, or an alias): the
        // other fields must carry the match, which takes the PNC identifier (MINIMUM_WEIGHT)
        return present < MINIMUM_WEIGHT ? 0 : sum / weights;
    }

    /**
     * The rarity factor of each record's given name and family name ({@code 2 * records} values, given then
     * family): 1 for a filter held by one record in a thousand or fewer (or by one or two records, however few are
     * compared), falling to 0.25 as its share rises to
     * one in twenty. The hub learns nothing new by this: it already holds the filters, and equal filters are
     * equal whatever the key.
     */
    static float[] rarity(long[] filters, int records) {
        float[] out = new float[2 * records];
        for (int field = 0; field < 2; field++) {
            long[] keyed = new long[records];
            long[] hashes = new long[records];
            for (int i = 0; i < records; i++) {
                hashes[i] = hash(filters, i * BloomEncoder.FIELDS.size() * W + field * W);
                keyed[i] = hashes[i];
            }
            Arrays.sort(keyed);
            for (int i = 0; i < records; i++) {
                int held = bound(keyed, hashes[i], true) - bound(keyed, hashes[i], false);
                out[2 * i + field] = held <= 2 ? 1 : (float) factor(held / (double) records);
            }
        }
        return out;
    }

    /** The index of the first element above {@code key} ({@code above}) or not below it, in a sorted array. */
    private static int bound(long[] sorted, long key, boolean above) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key || above && sorted[mid] == key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double factor(double share) {
        if (share <= 0.001) {
            return 1;
        }
        double t = Math.min(1, Math.log(share / 0.001) / Math.log(50));
        return 1 - 0.75 * t;
    }

    private static long hash(long[] bits, int at) {
        long h = 0x9E3779B97F4A7C15L;
        for (int w = 0; w < W; w++) {
            h = Long.rotateLeft(h ^ bits[at + w], 29) * 0xBF58476D1CE4E5B9L;
        }
        return h ^ (h >>> 31);
    }
}
