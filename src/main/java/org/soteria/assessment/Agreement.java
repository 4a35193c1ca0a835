package org.soteria.assessment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agreement between two reviewers who rated the same crimes on one item: the share of crimes on which they
 * gave the same rating, and Cohen's kappa, which discounts the agreement two reviewers would reach by chance
 * given how often each used each rating: kappa = (observed − expected) / (1 − expected).
 */
final class Agreement {

    /** Crimes rated by both, the share rated alike, and kappa (null when chance agreement is total). */
    record Result(int crimes, int agreed, double observed, Double kappa) {
    }

    /** Two ratings of one crime. */
    record Pair(String first, String second) {
    }

    private Agreement() {
    }

    static Result of(List<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new Result(0, 0, 0, null);
        }
        int agreed = 0;
        Map<String, Integer> firsts = new HashMap<>();
        Map<String, Integer> seconds = new HashMap<>();
        Set<String> categories = new HashSet<>();
        for (Pair p : pairs) {
            agreed += p.first().equals(p.second()) ? 1 : 0;
            firsts.merge(p.first(), 1, Integer::sum);
            seconds.merge(p.second(), 1, Integer::sum);
            categories.add(p.first());
            categories.add(p.second());
        }
        double observed = agreed / (double) n;
        double expected = 0;
        for (String c : categories) {
            expected += (firsts.getOrDefault(c, 0) / (double) n) * (seconds.getOrDefault(c, 0) / (double) n);
        }
        Double kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
        return new Result(n, agreed, observed, kappa);
    }

    /** Landis and Koch's words for a kappa, for the page. */
    static String words(Double kappa) {
        if (kappa == null) {
            return "not defined (both reviewers gave one rating throughout)";
        }
        if (kappa < 0) {
            return "poor (less than chance)";
        }
        if (kappa <= 0.2) {
            return "slight";
        }
        if (kappa <= 0.4) {
            return "fair";
        }
        if (kappa <= 0.6) {
            return "moderate";
        }
        if (kappa <= 0.8) {
            return "substantial";
        }
        return "almost perfect";
    }
}
