package org.soteria.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A stratified random sample of crimes for a deep-dive case file review: crimes are grouped into strata
 * (offence group × outcome group × quarter recorded) and up to n are drawn from each, without replacement.
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

    static List<Drawn> draw(List<Candidate> candidates, int perStratum, long seed) {
        if (perStratum < 1) {
            throw new IllegalArgumentException("Draw at least one crime from each stratum");
        }
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
            int n = Math.min(perStratum, ids.size());
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
