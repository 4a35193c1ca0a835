package org.soteria.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The hub's comparison of two forces' encodings: the Dice coefficient of each field's filters, weighted
 * (date of birth most, postcode least), over the fields both records have; given and family names are
 * also tried the other way round. Pairs scoring at or above the threshold are reported. The hub sees only
 * the filters and the forces' opaque tokens.
 */
public final class CrossForceMatcher {

    /** Weights of given name, family name, date of birth, postcode. */
    private static final double[] WEIGHTS = {2.0, 2.0, 3.0, 1.0};

    private static final double MINIMUM_WEIGHT = 5.0;
    private static final double[] FULL = {1, 1, 1, 1};

    private final double threshold;

    public CrossForceMatcher(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("the threshold must be above 0 and at most 1");
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** One force's encoded suspect: its token (meaningful only to that force) and its filters. */
    public record Encoded(String token, long[] filters) {
    }

    /** A pair of records, one from each force, that may be the same person. */
    public record Match(String tokenA, String tokenB, double score) {
    }

    /**
     * The pairs at or above the threshold where each record is the other's best match: a record that
     * resembles several of the other force's (namesakes, twins) is reported once, with its closest.
     */
    public List<Match> match(List<Encoded> a, List<Encoded> b) {
        Rarity rarity = new Rarity(a, b);
        double[][] ra = new double[a.size()][];
        double[][] rb = new double[b.size()][];
        for (int i = 0; i < a.size(); i++) {
            ra[i] = rarity.factors(a.get(i).filters());
        }
        for (int j = 0; j < b.size(); j++) {
            rb[j] = rarity.factors(b.get(j).filters());
        }
        double[] bestA = new double[a.size()];
        double[] bestB = new double[b.size()];
        List<int[]> candidates = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double s = score(a.get(i).filters(), b.get(j).filters(), ra[i], rb[j]);
                if (s >= threshold) {
                    candidates.add(new int[] {i, j});
                    scores.add(s);
                    bestA[i] = Math.max(bestA[i], s);
                    bestB[j] = Math.max(bestB[j], s);
                }
            }
        }
        List<Match> out = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            int[] c = candidates.get(k);
            double s = scores.get(k);
            if (s == bestA[c[0]] && s == bestB[c[1]]) {
                out.add(new Match(a.get(c[0]).token(), b.get(c[1]).token(), s));
            }
        }
        return out;
    }

    /** The weighted similarity of two records, 0 to 1; the better of names as given and names swapped. */
    public static double score(long[] x, long[] y) {
        return score(x, y, FULL, FULL);
    }

    static double score(long[] x, long[] y, double[] rx, double[] ry) {
        return Math.max(weighted(x, y, false, rx, ry), weighted(x, y, true, rx, ry));
    }

    /**
     * How common each exact filter is among the records compared. Agreeing on a common name (James, Jones) says
     * less than agreeing on a rare one, so a name's weight falls with its frequency: full weight for a name held
     * by one record in a thousand or fewer, down to a quarter for the commonest. The hub learns nothing new by
     * this: it already holds the filters, and equal filters are equal whatever the key.
     */
    static final class Rarity {
        private final java.util.Map<Integer, java.util.Map<java.util.List<Long>, Integer>> counts = new java.util.HashMap<>();
        private final int records;

        Rarity(List<Encoded> a, List<Encoded> b) {
            records = a.size() + b.size();
            for (List<Encoded> side : List.of(a, b)) {
                for (Encoded e : side) {
                    for (int f = 0; f < 2; f++) {
                        counts.computeIfAbsent(f, k -> new java.util.HashMap<>()).merge(key(e.filters(), f), 1,
                                Integer::sum);
                    }
                }
            }
        }

        private static java.util.List<Long> key(long[] bits, int field) {
            Long[] words = new Long[BloomEncoder.WORDS];
            for (int w = 0; w < words.length; w++) {
                words[w] = bits[field * BloomEncoder.WORDS + w];
            }
            return java.util.Arrays.asList(words);
        }

        /** The factor of each field of a record: only names are weighed by rarity. */
        double[] factors(long[] bits) {
            return new double[] {factor(bits, 0), factor(bits, 1), 1, 1};
        }

        /** 1 for a rare name, falling to 0.25 as the share of records holding it rises to 1 in 20. */
        double factor(long[] bits, int field) {
            double share = counts.get(field).getOrDefault(key(bits, field), 1) / (double) records;
            if (share <= 0.001) {
                return 1;
            }
            double t = Math.min(1, Math.log(share / 0.001) / Math.log(50));
            return 1 - 0.75 * t;
        }
    }

    private static double weighted(long[] x, long[] y, boolean swapNames, double[] rx, double[] ry) {
        double sum = 0;
        double weights = 0;
        double present = 0;
        for (int f = 0; f < WEIGHTS.length; f++) {
            int g = swapNames && f < 2 ? 1 - f : f;
            int cx = count(x, f);
            int cy = count(y, g);
            if (cx == 0 || cy == 0) {
                continue;
            }
            int common = 0;
            for (int w = 0; w < BloomEncoder.WORDS; w++) {
                common += Long.bitCount(x[f * BloomEncoder.WORDS + w] & y[g * BloomEncoder.WORDS + w]);
            }
            present += WEIGHTS[f];
            double w = WEIGHTS[f] * Math.max(rx[f], ry[g]);
            sum += w * 2.0 * common / (cx + cy);
            weights += w;
        }
        // a name and the date of birth at least (or both names and the postcode): less identifies no one
        return present < MINIMUM_WEIGHT ? 0 : sum / weights;
    }

    private static int count(long[] bits, int field) {
        int n = 0;
        for (int w = 0; w < BloomEncoder.WORDS; w++) {
            n += Long.bitCount(bits[field * BloomEncoder.WORDS + w]);
        }
        return n;
    }
}
