package org.soteria.linkage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Fellegi–Sunter model: for each field and level the probability of that level among true matches
 * (m) and among non-matches (u), and the share of candidate pairs that match (lambda). u comes from
 * random pairs, where matches are vanishingly rare; m and lambda from expectation–maximisation over
 * the candidate pairs that blocking produced. No labels are used.
 */
public final class LinkageModel {

    /** Random pairs drawn to estimate u. */
    static final int RANDOM_PAIRS = 1_000_000;
    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-7;
    /** Within a rule, matches must disagree on a name or the date of birth at most this share as often as random pairs. */
    static final double IDENTIFYING = 0.3;

    final double lambda;
    final double[][] m;
    final double[][] u;
    final int iterations;

    LinkageModel(double lambda, double[][] m, double[][] u, int iterations) {
        this.lambda = lambda;
        this.m = m;
        this.u = u;
        this.iterations = iterations;
    }

    /** u per field and level from random pairs of records, smoothed so that no level has u of zero. */
    static double[][] estimateU(RecordSet records, Comparator comparator, long seed) {
        int n = records.size();
        long[][] counts = emptyCounts();
        long allPairs = (long) n * (n - 1) / 2;
        if (allPairs <= RANDOM_PAIRS) {
            long[][][] partial = new long[n][][];
            java.util.stream.IntStream.range(0, n).parallel().forEach(a -> {
                long[][] local = emptyCounts();
                for (int b = a + 1; b < n; b++) {
                    count(local, comparator.pattern(a, b));
                }
                partial[a] = local;
            });
            add(counts, partial);
        } else {
            // Sixteen slices, each with its own split of the seeded generator: the same pairs on any number of cores.
            SplittableRandom rnd = new SplittableRandom(seed);
            int slices = 16;
            SplittableRandom[] streams = new SplittableRandom[slices];
            for (int s = 0; s < slices; s++) {
                streams[s] = rnd.split();
            }
            long[][][] partial = new long[slices][][];
            java.util.stream.IntStream.range(0, slices).parallel().forEach(s -> {
                long[][] local = emptyCounts();
                for (int k = 0; k < RANDOM_PAIRS / slices; k++) {
                    int a = streams[s].nextInt(n);
                    int b = streams[s].nextInt(n - 1);
                    if (b >= a) {
                        b++;
                    }
                    count(local, comparator.pattern(a, b));
                }
                partial[s] = local;
            });
            add(counts, partial);
        }
        double[][] u = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            long[] c = counts[f.ordinal()];
            long present = 0;
            for (int l = 1; l < c.length; l++) {
                present += c[l];
            }
            u[f.ordinal()] = new double[c.length];
            for (int l = 1; l < c.length; l++) {
                u[f.ordinal()][l] = (c[l] + 0.5) / (present + 0.5 * (c.length - 1));
            }
        }
        return u;
    }

    private static long[][] emptyCounts() {
        long[][] counts = new long[Field.ALL.length][];
        for (Field f : Field.ALL) {
            counts[f.ordinal()] = new long[f.levelCount()];
        }
        return counts;
    }

    private static void add(long[][] into, long[][][] parts) {
        for (long[][] part : parts) {
            for (int f = 0; f < part.length; f++) {
                for (int l = 0; l < part[f].length; l++) {
                    into[f][l] += part[f][l];
                }
            }
        }
    }

    private static void count(long[][] counts, long pattern) {
        for (Field f : Field.ALL) {
            counts[f.ordinal()][f.of(pattern)]++;
        }
    }

    /**
     * Estimates m and lambda without labels. Pairs that blocking produced are not random: a pair found
     * by "same date of birth" agrees on the date of birth whether or not it is a match. So m is estimated
     * by expectation–maximisation within each blocking rule's pairs with that rule's own fields left out,
     * and each field's m is the average of the rules that leave it free, weighted by the matches each
     * rule expects. Lambda (the share of all candidates that match) is then estimated with m and u fixed.
     *
     * @param byRule per rule, its pairs' patterns (the rule's fields already masked out) and how often each occurs
     * @param all the patterns of all candidate pairs and how often each occurs
     */
    static LinkageModel estimate(List<Map<Long, Long>> byRule, List<Long> ruleMasks, Map<Long, Long> all, double[][] u) {
        double[][] sum = new double[Field.ALL.length][];
        double[] weight = new double[Field.ALL.length];
        for (Field f : Field.ALL) {
            sum[f.ordinal()] = new double[f.levelCount()];
        }
        int iterations = 0;
        for (int r = 0; r < byRule.size(); r++) {
            Map<Long, Long> counts = byRule.get(r);
            if (counts.isEmpty()) {
                continue;
            }
            double[][] m = initialM();
            Em em = em(counts, u, m, true);
            iterations += em.iterations;
            if (!identifies(m, u, ruleMasks.get(r), em)) {
                continue;
            }
            double expectedMatches = em.lambda * em.total;
            for (Field f : Field.ALL) {
                long fieldBits = ((1L << Field.BITS) - 1) << (f.ordinal() * Field.BITS);
                if ((ruleMasks.get(r) & fieldBits) == 0 || em.present[f.ordinal()] == 0) {
                    continue;
                }
                for (int l = 1; l < f.levelCount(); l++) {
                    sum[f.ordinal()][l] += expectedMatches * m[f.ordinal()][l];
                }
                weight[f.ordinal()] += expectedMatches;
            }
        }
        double[][] m = initialM();
        for (Field f : Field.ALL) {
            if (weight[f.ordinal()] > 0) {
                for (int l = 1; l < f.levelCount(); l++) {
                    m[f.ordinal()][l] = sum[f.ordinal()][l] / weight[f.ordinal()];
                }
            }
        }
        Em overall = em(all, u, m, false);
        return new LinkageModel(overall.lambda, m, u, iterations + overall.iterations);
    }

    /**
     * False when the class EM found within a rule is not "the same person": its pairs disagree on a name or
     * the date of birth (fields the rule did not block on) nearly as often as random pairs do. EM then
     * found some other shared trait (a common birth place and year hold many families), and its m would
     * mislead the model, so the rule is left out of the estimate.
     */
    private static boolean identifies(double[][] m, double[][] u, long mask, Em em) {
        for (Field f : new Field[] {Field.GIVEN_NAME, Field.FAMILY_NAME, Field.DATE_OF_BIRTH}) {
            long fieldBits = ((1L << Field.BITS) - 1) << (f.ordinal() * Field.BITS);
            int different = f.levelCount() - 1;
            if ((mask & fieldBits) != 0 && em.present[f.ordinal()] > 0
                    && m[f.ordinal()][different] > IDENTIFYING * u[f.ordinal()][different]) {
                return false;
            }
        }
        return true;
    }

    private static double[][] initialM() {
        double[][] m = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            int levels = f.levelCount();
            m[f.ordinal()] = new double[levels];
            // Start from "matches mostly agree": most weight on the strongest level, little elsewhere.
            double rest = 0.2 / Math.max(1, levels - 2);
            for (int l = 1; l < levels; l++) {
                m[f.ordinal()][l] = l == 1 ? 0.8 : rest;
            }
            normalise(m[f.ordinal()]);
        }
        return m;
    }

    /** The outcome of one EM: lambda, the pairs it ran over, iterations, and per field the pairs with a value. */
    private record Em(double lambda, double total, int iterations, double[] present) {
    }

    /** EM over pattern counts; updates {@code m} in place when asked, lambda always. Missing levels are left out. */
    private static Em em(Map<Long, Long> patternCounts, double[][] u, double[][] m, boolean updateM) {
        int k = patternCounts.size();
        long[] patterns = new long[k];
        double[] counts = new double[k];
        int i = 0;
        double total = 0;
        for (Map.Entry<Long, Long> e : patternCounts.entrySet()) {
            patterns[i] = e.getKey();
            counts[i] = e.getValue();
            total += counts[i];
            i++;
        }
        double[] present = new double[Field.ALL.length];
        for (int p = 0; p < k; p++) {
            for (Field f : Field.ALL) {
                if (f.of(patterns[p]) > 0) {
                    present[f.ordinal()] += counts[p];
                }
            }
        }
        double lambda = 0.3;
        int iteration = 0;
        while (iteration < MAX_ITERATIONS && total > 0) {
            iteration++;
            double[][] num = new double[Field.ALL.length][];
            for (Field f : Field.ALL) {
                num[f.ordinal()] = new double[f.levelCount()];
            }
            double matched = 0;
            for (int p = 0; p < k; p++) {
                double pm = lambda;
                double pu = 1 - lambda;
                for (Field f : Field.ALL) {
                    int l = f.of(patterns[p]);
                    if (l > 0) {
                        pm *= m[f.ordinal()][l];
                        pu *= u[f.ordinal()][l];
                    }
                }
                double posterior = pm / (pm + pu);
                double w = counts[p] * posterior;
                matched += w;
                for (Field f : Field.ALL) {
                    num[f.ordinal()][f.of(patterns[p])] += w;
                }
            }
            double change = Math.abs(matched / total - lambda);
            lambda = Math.min(1 - 1e-6, Math.max(1e-9, matched / total));
            if (updateM) {
                for (Field f : Field.ALL) {
                    double[] next = num[f.ordinal()];
                    double withValue = 0;
                    for (int l = 1; l < next.length; l++) {
                        withValue += next[l];
                    }
                    if (withValue == 0) {
                        continue;
                    }
                    for (int l = 1; l < next.length; l++) {
                        double value = (next[l] + 1e-3) / (withValue + 1e-3 * (next.length - 1));
                        change = Math.max(change, Math.abs(value - m[f.ordinal()][l]));
                        m[f.ordinal()][l] = value;
                    }
                }
            }
            if (change < TOLERANCE) {
                break;
            }
        }
        return new Em(lambda, total, iteration, present);
    }

    private static void normalise(double[] values) {
        double sum = 0;
        for (int l = 1; l < values.length; l++) {
            sum += values[l];
        }
        for (int l = 1; l < values.length; l++) {
            values[l] /= sum;
        }
    }

    /** log2(m/u) of a field's level; 0 for missing. */
    double weight(Field field, int level) {
        if (level == 0) {
            return 0;
        }
        return log2(m[field.ordinal()][level] / u[field.ordinal()][level]);
    }

    /** log2 of the prior odds of a match among candidate pairs. */
    double priorWeight() {
        return log2(lambda / (1 - lambda));
    }

    double m(Field field, int level) {
        return m[field.ordinal()][level];
    }

    double u(Field field, int level) {
        return u[field.ordinal()][level];
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Text form for storing a model between runs: {@code lambda=…;<field>=m1,m2…|u1,u2…;…}. */
    public String serialise() {
        StringBuilder b = new StringBuilder("lambda=").append(lambda);
        for (Field f : Field.ALL) {
            b.append(';').append(f.column()).append('=');
            for (int l = 1; l < f.levelCount(); l++) {
                b.append(l > 1 ? "," : "").append(m[f.ordinal()][l]);
            }
            b.append('|');
            for (int l = 1; l < f.levelCount(); l++) {
                b.append(l > 1 ? "," : "").append(u[f.ordinal()][l]);
            }
        }
        return b.toString();
    }

    /** Reads {@link #serialise()}'s form; throws IllegalArgumentException with the reason when it does not fit. */
    public static LinkageModel parse(String text) {
        Map<String, String> parts = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("model part without '=': " + part);
            }
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        double lambda = Double.parseDouble(required(parts, "lambda"));
        double[][] m = new double[Field.ALL.length][];
        double[][] u = new double[Field.ALL.length][];
        for (Field f : Field.ALL) {
            String[] mu = required(parts, f.column()).split("\\|");
            m[f.ordinal()] = levels(f, mu[0]);
            u[f.ordinal()] = levels(f, mu[1]);
        }
        return new LinkageModel(lambda, m, u, 0);
    }

    /** True when {@link #parse} takes the text: a model of this engine's fields and levels. */
    public static boolean fits(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String required(Map<String, String> parts, String key) {
        String value = parts.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model has no " + key);
        }
        return value;
    }

    private static double[] levels(Field f, String csv) {
        String[] values = csv.split(",");
        if (values.length != f.levelCount() - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model has %d levels for %s, expected %d",
                    values.length, f.column(), f.levelCount() - 1));
        }
        double[] out = new double[f.levelCount()];
        for (int l = 1; l < out.length; l++) {
            out[l] = Double.parseDouble(values[l - 1]);
        }
        return out;
    }

    LinkageModel withLambda(double lambda) {
        return new LinkageModel(lambda, m, u, iterations);
    }

    public double lambda() {
        return lambda;
    }

    public int iterations() {
        return iterations;
    }
}
