package org.soteria.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A stratified random sample of crimes for a deep-dive case file review: crimes are grouped into strata
 * (offence group × outcome group × quarter recorded) and up to n are drawn from each, or a total shared in
 * proportion to each stratum's crimes, without replacement.
 * The draw depends only on the seed and the crimes offered: each stratum is shuffled by its own generator
 * seeded from the draw's seed and the stratum's name, after sorting its crimes by id, so the same seed over the
 * same records always gives the same sample, whatever order the records arrive in.
 */
final class StratifiedSample {

    /** A crime offered to the draw, with its stratum. */
    record Candidate(long crimeId, String stratum) {
    }

    /** A drawn crime and its stratum. */
    record Drawn(long crimeId, String stratum) {
    }

    /** The stratum a crime belongs to: "adult_rape / charged / 2025-Q3". */
    static String stratum(String offenceGroup, String outcomeGroup, String quarter) {
        return offenceGroup + " / " + (outcomeGroup == null ? "open" : outcomeGroup) + " / " + quarter;
    }

    private StratifiedSample() {
    }

    /** The crimes offered in each stratum. */
    static Map<String, Integer> populations(List<Candidate> candidates) {
        Map<String, Integer> populations = new TreeMap<>();
        candidates.forEach(c -> populations.merge(c.stratum(), 1, Integer::sum));
        return populations;
    }

    /** Up to {@code perStratum} crimes from each stratum (all of a smaller one). */
    static List<Drawn> draw(List<Candidate> candidates, int perStratum, long seed) {
        if (perStratum < 1) {
            throw new IllegalArgumentException("Draw at least one crime from each stratum");
        }
        Map<String, Integer> quotas = new TreeMap<>();
        populations(candidates).keySet().forEach(k -> quotas.put(k, perStratum));
        return draw(candidates, quotas, seed);
    }

    /**
     * How many of {@code size} crimes to draw from each stratum in proportion to its crimes: one from each first
     * (when there are at least as many as strata, so that no stratum is left out of the findings), the rest shared by
     * largest remainder (ties to the larger stratum, then by name), never more than a stratum holds.
     */
    static Map<String, Integer> proportional(Map<String, Integer> populations, int size) {
        Map<String, Integer> quotas = new TreeMap<>();
        populations.keySet().forEach(k -> quotas.put(k, 0));
        int left = size;
        if (size >= populations.size()) {
            populations.forEach((k, n) -> quotas.put(k, Math.min(1, n)));
            left -= populations.values().stream().mapToInt(n -> Math.min(1, n)).sum();
        }
        long total = populations.values().stream().mapToLong(Integer::longValue).sum();
        while (left > 0) {
            Map<String, Double> ideal = new TreeMap<>();
            long room = 0;
            for (Map.Entry<String, Integer> p : populations.entrySet()) {
                int spare = p.getValue() - quotas.get(p.getKey());
                if (spare > 0) {
                    ideal.put(p.getKey(), (double) left * p.getValue() / total);
                    room += spare;
                }
            }
            if (room == 0) {
                break;
            }
            int given = 0;
            for (Map.Entry<String, Double> e : ideal.entrySet()) {
                int add = (int) Math.min(Math.floor(e.getValue()), populations.get(e.getKey()) - quotas.get(e.getKey()));
                quotas.merge(e.getKey(), add, Integer::sum);
                given += add;
            }
            List<String> order = new ArrayList<>(ideal.keySet());
            order.sort(java.util.Comparator.comparingDouble((String k) -> ideal.get(k) - Math.floor(ideal.get(k)))
                    .reversed().thenComparing(k -> -populations.get(k)).thenComparing(k -> k));
            for (String k : order) {
                if (given >= left) {
                    break;
                }
                if (quotas.get(k) < populations.get(k)) {
                    quotas.merge(k, 1, Integer::sum);
                    given++;
                }
            }
            if (given == 0) {
                break;
            }
            left -= given;
        }
        return quotas;
    }

    /** {@code quotas} crimes from each stratum, without replacement (all of a smaller one). */
    static List<Drawn> draw(List<Candidate> candidates, Map<String, Integer> quotas, long seed) {
        Map<String, List<Long>> strata = new TreeMap<>();
        for (Candidate c : candidates) {
            strata.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c.crimeId());
        }
        List<Drawn> out = new ArrayList<>();
        for (Map.Entry<String, List<Long>> s : strata.entrySet()) {
            List<Long> ids = s.getValue();
            ids.sort(null);
            Random random = new Random(seed * 31 + s.getKey().hashCode());
            // A partial Fisher-Yates shuffle: the first n positions are a uniform sample without replacement.
            int n = Math.min(quotas.getOrDefault(s.getKey(), 0), ids.size());
            for (int i = 0; i < n; i++) {
                int j = i + random.nextInt(ids.size() - i);
                Long t = ids.get(i);
                ids.set(i, ids.get(j));
                ids.set(j, t);
                out.add(new Drawn(ids.get(i), s.getKey()));
            }
        }
        return out;
    }
}
