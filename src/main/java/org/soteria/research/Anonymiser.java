package org.soteria.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Makes a table k-anonymous on its quasi-identifiers by generalisation and a little suppression. Each
 * quasi-identifier has a hierarchy of levels (0 = as recorded, then coarser, up to the coarsest that still
 * serves the research, which for some is "any"). Every
 * combination of levels is tried, least generalised first (by the sum of levels); the first under which
 * at most {@code maxSuppressed} of the rows sit in classes smaller than k wins, and those rows are left
 * out. When none does, the extract is refused with the reason.
 */
final class Anonymiser {

    /** A quasi-identifier: its column and how to coarsen a value to each level above 0. */
    record Hierarchy(String column, List<UnaryOperator<String>> levels) {

        int height() {
            return levels.size();
        }

        String at(String value, int level) {
            return level == 0 ? value : levels.get(level - 1).apply(value);
        }
    }

    /** The released rows, the level chosen for each quasi-identifier, and how many rows were left out. */
    record Release(List<Map<String, String>> rows, Map<String, Integer> levels, int suppressed, int smallestClass) {
    }

    /** Thrown when k-anonymity cannot hold; the message says why. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private Anonymiser() {
    }

    static Release anonymise(List<Map<String, String>> rows, List<Hierarchy> qis, int k, double maxSuppressedShare) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be 2 or more");
        }
        if (rows.size() < k) {
            throw new Refused("The extract has " + rows.size() + " rows, fewer than k = " + k
                    + ": no generalisation can hide a row among " + k + " others");
        }
        int allowed = (int) Math.floor(rows.size() * maxSuppressedShare);
        List<int[]> nodes = new ArrayList<>();
        enumerate(qis, 0, new int[qis.size()], nodes);
        nodes.sort((a, b) -> {
            int sa = 0;
            int sb = 0;
            for (int i = 0; i < a.length; i++) {
                sa += a[i];
                sb += b[i];
            }
            if (sa != sb) {
                return Integer.compare(sa, sb);
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i] != b[i]) {
                    return Integer.compare(a[i], b[i]);
                }
            }
            return 0;
        });
        int bestSuppressed = Integer.MAX_VALUE;
        for (int[] node : nodes) {
            Map<String, Integer> classes = new HashMap<>();
            List<String> keys = new ArrayList<>(rows.size());
            for (Map<String, String> row : rows) {
                String key = key(row, qis, node);
                keys.add(key);
                classes.merge(key, 1, Integer::sum);
            }
            int suppressed = 0;
            for (int size : classes.values()) {
                if (size < k) {
                    suppressed += size;
                }
            }
            bestSuppressed = Math.min(bestSuppressed, suppressed);
            if (suppressed <= allowed && suppressed < rows.size()) {
                List<Map<String, String>> out = new ArrayList<>();
                int smallest = Integer.MAX_VALUE;
                for (int i = 0; i < rows.size(); i++) {
                    int size = classes.get(keys.get(i));
                    if (size >= k) {
                        Map<String, String> g = new LinkedHashMap<>(rows.get(i));
                        for (int q = 0; q < qis.size(); q++) {
                            Hierarchy h = qis.get(q);
                            g.put(h.column(), h.at(g.get(h.column()), node[q]));
                        }
                        out.add(g);
                        smallest = Math.min(smallest, size);
                    }
                }
                Map<String, Integer> levels = new LinkedHashMap<>();
                for (int q = 0; q < qis.size(); q++) {
                    levels.put(qis.get(q).column(), node[q]);
                }
                return new Release(out, levels, suppressed, smallest);
            }
        }
        throw new Refused("k-anonymity with k = " + k + " cannot hold: even the most general form allowed leaves "
                + bestSuppressed + " of " + rows.size() + " rows in groups smaller than " + k + ", and at most "
                + allowed + " may be left out");
    }

    private static String key(Map<String, String> row, List<Hierarchy> qis, int[] node) {
        StringBuilder b = new StringBuilder();
        for (int q = 0; q < qis.size(); q++) {
            Hierarchy h = qis.get(q);
            b.append(h.at(row.get(h.column()), node[q])).append('\u0001');
        }
        return b.toString();
    }

    private static void enumerate(List<Hierarchy> qis, int i, int[] current, List<int[]> out) {
        if (i == qis.size()) {
            out.add(current.clone());
            return;
        }
        for (int level = 0; level <= qis.get(i).height(); level++) {
            current[i] = level;
            enumerate(qis, i + 1, current, out);
        }
    }
}
