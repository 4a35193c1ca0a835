package org.soteria.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.soteria.platform.Fault;

/**
 * Makes a table k-anonymous on its quasi-identifiers by generalisation and a little suppression (ADR 24). Each
 * quasi-identifier has a hierarchy of levels (0 = as recorded, then coarser, up to the coarsest that still serves the
 * research, which for some is "any"). A class (rows alike on every quasi-identifier) is large enough when it holds
 * k different people of each kind named in the row ({@code people}: victims, suspects), not k rows: one suspect's
 * five crimes hide nobody. Every combination of levels is tried, least generalised first (by the sum of levels); the
 * first under which at most {@code maxSuppressed} of the rows sit in classes too small wins, and those rows are left
 * out. A project whose extracts are linked passes the levels of its first release, and only those are tried, so that
 * two extracts joined give nothing finer than either. When nothing holds, the extract is refused with the reason.
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
    /** Why no release can be made: in English, and as a fault in the page's language ({@link Fault}). */
    static final class Refused extends RuntimeException {
        private final String fault;

        Refused(String message, String fault) {
            super(message);
            this.fault = fault;
        }

        String fault() {
            return fault;
        }
    }

    private Anonymiser() {
    }

    static Release anonymise(List<Map<String, String>> rows, List<Hierarchy> qis, List<String> people, int k,
            double maxSuppressedShare, Map<String, Integer> fixed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be 2 or more");
        }
        if (rows.size() < k) {
            throw new Refused("The extract has " + rows.size() + " rows, fewer than k = " + k
                    + ": no generalisation can hide a row among " + k + " others",
                    Fault.of("researchError.fewerRowsThanK", rows.size(), k));
        }
        int n = rows.size();
        int allowed = (int) Math.floor(n * maxSuppressedShare);
        // Each quasi-identifier's value at each level as a small integer, once: a node is then a pass over ints.
        int[][][] codes = new int[qis.size()][][];
        int[][] radix = new int[qis.size()][];
        for (int q = 0; q < qis.size(); q++) {
            Hierarchy h = qis.get(q);
            codes[q] = new int[h.height() + 1][n];
            radix[q] = new int[h.height() + 1];
            for (int level = 0; level <= h.height(); level++) {
                Map<String, Integer> dictionary = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    String v = h.at(rows.get(i).get(h.column()), level);
                    codes[q][level][i] = dictionary.computeIfAbsent(v, x -> dictionary.size());
                }
                radix[q][level] = dictionary.size();
            }
        }
        int[][] persons = new int[people.size()][n];
        for (int p = 0; p < people.size(); p++) {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = rows.get(i).get(people.get(p));
                persons[p][i] = key == null || key.isEmpty() ? -1 : ids.computeIfAbsent(key, x -> ids.size());
            }
        }
        List<int[]> nodes = new ArrayList<>();
        if (fixed != null) {
            int[] node = new int[qis.size()];
            for (int q = 0; q < qis.size(); q++) {
                Integer level = fixed.get(qis.get(q).column());
                if (level == null || level < 0 || level > qis.get(q).height()) {
                    throw new Refused("the levels fixed at the project's first release do not fit this extract ("
                            + qis.get(q).column() + ")", Fault.of("researchError.fixedLevelsDoNotFit", qis.get(q).column()));
                }
                node[q] = level;
            }
            nodes.add(node);
        } else {
            enumerate(qis, 0, new int[qis.size()], nodes);
            nodes.sort(Anonymiser::leastGeneralFirst);
        }
        int bestSuppressed = Integer.MAX_VALUE;
        LongIntMap classes = new LongIntMap(n);
        int[] classOf = new int[n];
        for (int[] node : nodes) {
            classes.clear();
            for (int i = 0; i < n; i++) {
                // Mixed radix: each level's dictionary is at most the rows' count, and the product of the
                // quasi-identifiers' value counts stays far below 2^63 for the columns an extract has.
                long key = 0;
                for (int q = 0; q < qis.size(); q++) {
                    key = key * radix[q][node[q]] + codes[q][node[q]][i];
                }
                classOf[i] = classes.idOf(key);
            }
            // Rows first (cheap): a class of fewer than k rows cannot hold k people, so a node failing on rows fails.
            int[] rowsOf = new int[classes.size()];
            for (int i = 0; i < n; i++) {
                rowsOf[classOf[i]]++;
            }
            int tooFewRows = 0;
            for (int i = 0; i < n; i++) {
                if (rowsOf[classOf[i]] < k) {
                    tooFewRows++;
                }
            }
            if (tooFewRows > allowed || tooFewRows == n) {
                bestSuppressed = Math.min(bestSuppressed, tooFewRows);
                continue;
            }
            int[] size = smallestPeople(classOf, classes.size(), persons);
            int suppressed = 0;
            for (int i = 0; i < n; i++) {
                if (size[classOf[i]] < k) {
                    suppressed++;
                }
            }
            bestSuppressed = Math.min(bestSuppressed, suppressed);
            if (suppressed <= allowed && suppressed < n) {
                List<Map<String, String>> out = new ArrayList<>();
                int smallest = Integer.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    if (size[classOf[i]] >= k) {
                        Map<String, String> g = new LinkedHashMap<>(rows.get(i));
                        for (int q = 0; q < qis.size(); q++) {
                            Hierarchy h = qis.get(q);
                            g.put(h.column(), h.at(g.get(h.column()), node[q]));
                        }
                        out.add(g);
                        smallest = Math.min(smallest, size[classOf[i]]);
                    }
                }
                Map<String, Integer> levels = new LinkedHashMap<>();
                for (int q = 0; q < qis.size(); q++) {
                    levels.put(qis.get(q).column(), node[q]);
                }
                return new Release(out, levels, suppressed, smallest);
            }
        }
        throw new Refused("k-anonymity with k = " + k + " cannot hold: "
                + (fixed != null ? "at the levels fixed by the project's first release (its extracts are linked), "
                        : "even the most general form allowed ")
                + "leaves " + bestSuppressed + " of " + n + " rows in groups of fewer than " + k
                + " different people, and at most " + allowed + " may be left out",
                Fault.of(fixed != null ? "researchError.kCannotHoldFixed" : "researchError.kCannotHold", k, bestSuppressed, n,
                        allowed));
    }

    /**
     * Per class, the fewest different people of any kind it holds (kinds absent from the whole class do not count;
     * a class naming no one at all counts its rows).
     */
    private static int[] smallestPeople(int[] classOf, int classes, int[][] persons) {
        int[] rows = new int[classes];
        for (int c : classOf) {
            rows[c]++;
        }
        int[] smallest = new int[classes];
        java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
        LongIntMap seen = new LongIntMap(classOf.length);
        for (int[] kind : persons) {
            seen.clear();
            int[] distinct = new int[classes];
            for (int i = 0; i < classOf.length; i++) {
                if (kind[i] >= 0) {
                    int before = seen.size();
                    seen.idOf(((long) classOf[i] << 32) | kind[i]);
                    if (seen.size() > before) {
                        distinct[classOf[i]]++;
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                if (distinct[c] > 0) {
                    smallest[c] = Math.min(smallest[c], distinct[c]);
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            if (smallest[c] == Integer.MAX_VALUE) {
                smallest[c] = rows[c];
            }
        }
        return smallest;
    }

    /** Numbers distinct long keys 0, 1, 2… in the order first seen (open addressing; no boxing on the hot path). */
    static final class LongIntMap {
        private long[] keys;
        private int[] ids;
        private boolean[] used;
        private int size;

        LongIntMap(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2)) * 2;
            keys = new long[capacity];
            ids = new int[capacity];
            used = new boolean[capacity];
        }

        void clear() {
            java.util.Arrays.fill(used, false);
            size = 0;
        }

        int size() {
            return size;
        }

        int idOf(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mix(key) & mask);
            while (used[slot]) {
                if (keys[slot] == key) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            keys[slot] = key;
            ids[slot] = size;
            return size++;
        }

        private static long mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 29);
        }
    }

    private static int leastGeneralFirst(int[] a, int[] b) {
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
