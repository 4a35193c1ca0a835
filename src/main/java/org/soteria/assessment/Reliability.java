package org.soteria.assessment;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agreement among any number of reviewers, some of whom did not rate every crime: Krippendorff's alpha
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). Each crime rated by two or more contributes
 * every pair of its ratings to a coincidence matrix (each pair weighted 1 / (ratings − 1)); alpha = 1 − (n − 1) ×
 * (observed disagreement) / (the disagreement expected from how often each rating was used), where a disagreement
 * is weighed by the level of the scale: any difference counts whole (nominal), the ratings used between the two
 * (ordinal), or the squared difference (interval). 1 is perfect agreement, 0 what chance would give.
 */
final class Reliability {

    /** How far apart two ratings are taken to be. */
    enum Level { NOMINAL, ORDINAL, INTERVAL }

    /**
     * Crimes rated by two or more, the ratings they hold, the share of pairs of ratings that are the same, and alpha
     * (null when there is nothing to pair or every rating is the same, so no disagreement could be expected).
     */
    record Result(int units, int values, double observedAgreement, Double alpha) {
    }

    private Reliability() {
    }

    /** Alpha over {@code units}: for each crime, the ratings given (missing ones left out), as numbers. */
    static Result alpha(List<List<Integer>> units, Level level) {
        TreeMap<Integer, TreeMap<Integer, Double>> o = new TreeMap<>();
        int pairable = 0;
        int values = 0;
        for (List<Integer> unit : units) {
            int m = unit.size();
            if (m < 2) {
                continue;
            }
            pairable++;
            values += m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o.computeIfAbsent(unit.get(i), k -> new TreeMap<>()).merge(unit.get(j), 1.0 / (m - 1), Double::sum);
                    }
                }
            }
        }
        if (values == 0) {
            return new Result(0, 0, 0, null);
        }
        TreeMap<Integer, Double> marginal = new TreeMap<>();
        o.forEach((c, row) -> marginal.put(c, row.values().stream().mapToDouble(Double::doubleValue).sum()));
        double n = values;
        double observed = 0;
        double same = 0;
        for (var row : o.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                observed += cell.getValue() * delta(row.getKey(), cell.getKey(), level, marginal);
                same += row.getKey().equals(cell.getKey()) ? cell.getValue() : 0;
            }
        }
        double expected = 0;
        TreeSet<Integer> used = new TreeSet<>(marginal.keySet());
        for (int c : used) {
            for (int k : used) {
                expected += marginal.get(c) * marginal.get(k) * delta(c, k, level, marginal);
            }
        }
        Double alpha = expected == 0 ? null : 1 - (n - 1) * observed / expected;
        return new Result(pairable, values, same / n, alpha);
    }

    /** The squared distance between ratings {@code c} and {@code k} at the scale's level. */
    private static double delta(int c, int k, Level level, TreeMap<Integer, Double> marginal) {
        if (c == k) {
            return 0;
        }
        return switch (level) {
            case NOMINAL -> 1;
            case INTERVAL -> (double) (c - k) * (c - k);
            case ORDINAL -> {
                int lo = Math.min(c, k);
                int hi = Math.max(c, k);
                double between = marginal.subMap(lo, true, hi, true).values().stream().mapToDouble(Double::doubleValue)
                        .sum() - (marginal.get(lo) + marginal.get(hi)) / 2;
                yield between * between;
            }
        };
    }

    /**
     * Krippendorff's guidance on alpha, as a message code: at least 0.800 reliable; from 0.667 only for tentative
     * conclusions; below that not reliable.
     */
    static String words(Double alpha) {
        if (alpha == null) {
            return "{sample.alpha.undefined}";
        }
        if (alpha >= 0.8) {
            return "{sample.alpha.reliable}";
        }
        return alpha >= 0.667 ? "{sample.alpha.tentative}" : "{sample.alpha.unreliable}";
    }
}
