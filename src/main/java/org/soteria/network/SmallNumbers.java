package org.soteria.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-number suppression for counts that leave the force (kpis.md "Small numbers"). Each measure is a
 * table of rows (quarters) by columns (offence groups) with its row and column totals and a grand total.
 * Counts under 5 are shown as "&lt;5" (primary suppression), zeros included: with zeros shown, four small
 * parts of a small total would each be known to be exactly 1 (the test proves it). Further counts are
 * withheld, shown as "[c]" (secondary suppression), until no withheld or small count can be worked out
 * exactly from what is shown, in this release or together with every release the force sent before (ADR 24):
 * not from a row or column total, not from several tables' totals together, not from the rule that a
 * subset measure (charged) cannot exceed its parent (outcomes), not from the quarters two releases share, and not
 * from counts being whole numbers. {@link ReleaseAttack} is that attacker, by integer programming, and the
 * suppression is only finished when it finds nothing.
 */
public final class SmallNumbers {

    public static final String SMALL = "<5";
    public static final String WITHHELD = "[c]";
    public static final String TOTAL = "total";

    private SmallNumbers() {
    }

    /** The published grid of one measure: rows then a total row, columns then a total column, each cell as shown. */
    public record Grid(String[][] shown) {

        public String cell(int row, int column) {
            return shown[row][column];
        }

        public int rows() {
            return shown.length;
        }

        public int columns() {
            return shown[0].length;
        }

        static boolean suppressed(String s) {
            return SMALL.equals(s) || WITHHELD.equals(s);
        }
    }

    /**
     * Suppresses a set of tables that share rows and columns. {@code interior} gives each measure's counts
     * without totals; {@code within} says which measures are disjoint parts of which (for example
     * outcomes: charged and victim does not support), which an attacker may use.
     */
    public static Map<String, Grid> suppress(Map<String, long[][]> interior, Map<String, List<String>> within) {
        int quarters = interior.values().iterator().next().length;
        List<String> labels = new ArrayList<>();
        for (int q = 0; q < quarters; q++) {
            labels.add("row" + q);
        }
        return suppress(interior, within, labels, List.of());
    }

    /**
     * Suppresses a new release of {@code quarters} together with the force's earlier releases, which are published
     * and cannot change: a quarter's count hidden before stays hidden while it is the same, and more counts of the
     * new release are withheld until the attacker holding every release works none out.
     */
    public static Map<String, Grid> suppress(Map<String, long[][]> interior, Map<String, List<String>> within,
            List<String> quarters, List<ReleaseAttack.Release> earlier) {
        return suppress(interior, within, quarters, earlier, FORMAT_MINIMUM);
    }

    /** The smallest count the exchange format shows as itself: under it, "&lt;5". */
    public static final int FORMAT_MINIMUM = 5;

    /**
     * As {@link #suppress(Map, Map, List, List)}, for a force whose disclosure threshold ({@code minimum}, ADR 24) is
     * above the format's 5: a count from 5 to {@code minimum - 1} is withheld ("[c]") as well, and protected as the
     * others are (issue 28: the hub's file must not show what the force's own pages would not).
     */
    public static Map<String, Grid> suppress(Map<String, long[][]> interior, Map<String, List<String>> within,
            List<String> quarters, List<ReleaseAttack.Release> earlier, int minimum) {
        Map<String, long[][]> full = new LinkedHashMap<>();
        Map<String, String[][]> shown = new LinkedHashMap<>();
        interior.forEach((m, counts) -> {
            long[][] grid = withTotals(counts);
            full.put(m, grid);
            String[][] s = new String[grid.length][grid[0].length];
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[0].length; c++) {
                    s[r][c] = grid[r][c] < FORMAT_MINIMUM ? SMALL
                            : grid[r][c] < minimum ? WITHHELD : Long.toString(grid[r][c]);
                }
            }
            shown.put(m, s);
        });
        keepHidden(full, shown, quarters, earlier);
        while (true) {
            while (protectLines(full, shown)) {
                // until every row and column with a suppressed cell has at least two
            }
            Map<String, Grid> grids = grids(shown);
            // The release alone first (a small programme), then with the earlier releases once it holds alone.
            List<Exposed> exposed = exposed(grids, within, quarters, List.of());
            if (exposed.isEmpty() && !earlier.isEmpty()) {
                exposed = exposed(grids, within, quarters, earlier);
            }
            if (exposed.isEmpty()) {
                return grids;
            }
            boolean changed = false;
            for (Exposed e : exposed) {
                // an earlier withholding in this pass may already protect it; the next pass checks again
                changed |= withholdNear(full, shown, within, e);
            }
            if (!changed) {
                return grids; // nothing left to withhold: every count of the tables is suppressed
            }
        }
    }

    private static Map<String, Grid> grids(Map<String, String[][]> shown) {
        Map<String, Grid> out = new LinkedHashMap<>();
        shown.forEach((m, s) -> {
            String[][] copy = new String[s.length][];
            for (int r = 0; r < s.length; r++) {
                copy[r] = s[r].clone();
            }
            out.put(m, new Grid(copy));
        });
        return out;
    }

    static long[][] withTotals(long[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        long[][] grid = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                long v = counts[r][c];
                if (v < 0) {
                    throw new IllegalArgumentException("a count cannot be negative: " + v);
                }
                grid[r][c] = v;
                grid[r][cols] += v;
                grid[rows][c] += v;
                grid[rows][cols] += v;
            }
        }
        return grid;
    }

    /** One pass of the line rule: a row or column with exactly one suppressed cell gets a second. */
    private static boolean protectLines(Map<String, long[][]> full, Map<String, String[][]> shown) {
        boolean changed = false;
        for (String m : full.keySet()) {
            long[][] v = full.get(m);
            String[][] s = shown.get(m);
            for (int r = 0; r < v.length; r++) {
                changed |= protectLine(v, s, lineOfRow(v, r));
            }
            for (int c = 0; c < v[0].length; c++) {
                changed |= protectLine(v, s, lineOfColumn(v, c));
            }
        }
        return changed;
    }

    private static List<int[]> lineOfRow(long[][] v, int r) {
        List<int[]> cells = new ArrayList<>();
        for (int c = 0; c < v[0].length; c++) {
            cells.add(new int[] {r, c});
        }
        return cells;
    }

    private static List<int[]> lineOfColumn(long[][] v, int c) {
        List<int[]> cells = new ArrayList<>();
        for (int r = 0; r < v.length; r++) {
            cells.add(new int[] {r, c});
        }
        return cells;
    }

    private static boolean protectLine(long[][] v, String[][] s, List<int[]> line) {
        int suppressed = 0;
        for (int[] cell : line) {
            if (Grid.suppressed(s[cell[0]][cell[1]])) {
                suppressed++;
            }
        }
        return suppressed == 1 && withholdSmallest(v, s, line);
    }

    /**
     * Withholds the smallest shown count of a line, preferring cells inside the table to totals. Every shown
     * count is 5 or more, so a withheld one is known to be 5 or more, and the attacker is given that.
     */
    private static boolean withholdSmallest(long[][] v, String[][] s, List<int[]> line) {
        int[] best = null;
        int lastRow = v.length - 1;
        int lastCol = v[0].length - 1;
        for (int[] cell : line) {
            long value = v[cell[0]][cell[1]];
            if (Grid.suppressed(s[cell[0]][cell[1]])) {
                continue;
            }
            boolean total = cell[0] == lastRow || cell[1] == lastCol;
            if (best == null) {
                best = cell;
                continue;
            }
            boolean bestTotal = best[0] == lastRow || best[1] == lastCol;
            long bestValue = v[best[0]][best[1]];
            if (bestTotal && !total || bestTotal == total && value < bestValue) {
                best = cell;
            }
        }
        if (best == null) {
            return false;
        }
        s[best[0]][best[1]] = WITHHELD;
        return true;
    }

    /**
     * Withholds a count that protects an exposed cell: in its row, else its column, else the same cell of a
     * table it is tied to (its parent or a sibling part), else anywhere in its own table or the tied ones.
     */
    private static boolean withholdNear(Map<String, long[][]> full, Map<String, String[][]> shown,
            Map<String, List<String>> within, Exposed exposed) {
        long[][] v = full.get(exposed.measure());
        String[][] s = shown.get(exposed.measure());
        int row = exposed.row();
        int column = exposed.column();
        if (withholdSmallest(v, s, lineOfRow(v, row)) || withholdSmallest(v, s, lineOfColumn(v, column))) {
            return true;
        }
        List<String> tied = tied(exposed.measure(), within, full);
        for (String m : tied) {
            if (withholdSmallest(full.get(m), shown.get(m), List.of(new int[] {row, column}))) {
                return true;
            }
        }
        List<String> tables = new ArrayList<>();
        tables.add(exposed.measure());
        tables.addAll(tied);
        for (String m : tables) {
            long[][] t = full.get(m);
            List<int[]> all = new ArrayList<>();
            for (int r = 0; r < t.length; r++) {
                all.addAll(lineOfRow(t, r));
            }
            if (withholdSmallest(t, shown.get(m), all)) {
                return true;
            }
        }
        return false;
    }

    /** The tables tied to a measure by {@code within}: its parent and its sibling parts, or its parts. */
    private static List<String> tied(String measure, Map<String, List<String>> within, Map<String, long[][]> full) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> w : within.entrySet()) {
            if (w.getKey().equals(measure) || w.getValue().contains(measure)) {
                for (String m : w.getValue()) {
                    if (!m.equals(measure) && full.containsKey(m) && !out.contains(m)) {
                        out.add(m);
                    }
                }
                if (!w.getKey().equals(measure) && full.containsKey(w.getKey()) && !out.contains(w.getKey())) {
                    out.add(0, w.getKey());
                }
            }
        }
        return out;
    }

    /** A suppressed cell and the least and greatest whole values consistent with everything published. */
    public record Range(String measure, int row, int column, double least, double greatest) {

        public boolean exact() {
            return greatest - least < 0.5;
        }
    }

    private record Exposed(String measure, int row, int column) {
    }

    /**
     * A count hidden in an earlier release stays hidden in this one while it is the same kind of count (small, or 5
     * and more): shown now, it would give the earlier release's hidden count back.
     */
    private static void keepHidden(Map<String, long[][]> full, Map<String, String[][]> shown, List<String> quarters,
            List<ReleaseAttack.Release> earlier) {
        for (ReleaseAttack.Release before : earlier) {
            for (Map.Entry<String, Grid> e : before.grids().entrySet()) {
                String[][] s = shown.get(e.getKey());
                long[][] v = full.get(e.getKey());
                if (s == null) {
                    continue;
                }
                for (int row = 0; row < before.quarters().size(); row++) {
                    int now = quarters.indexOf(before.quarters().get(row));
                    for (int col = 0; now >= 0 && col < e.getValue().columns() - 1 && col < s[now].length - 1; col++) {
                        if (WITHHELD.equals(e.getValue().cell(row, col)) && v[now][col] >= 5) {
                            s[now][col] = WITHHELD;
                        }
                    }
                }
            }
        }
    }

    /**
     * Every suppressed cell the attacker pins to one value, holding this release and the earlier ones, as a cell of
     * this release to protect: an earlier release's exposed cell is protected here by its quarter's row (or the
     * total row when this release no longer has that quarter).
     */
    private static List<Exposed> exposed(Map<String, Grid> grids, Map<String, List<String>> within,
            List<String> quarters, List<ReleaseAttack.Release> earlier) {
        List<ReleaseAttack.Release> all = new ArrayList<>(earlier);
        all.add(new ReleaseAttack.Release(quarters, grids));
        int latest = all.size() - 1;
        List<Exposed> out = new ArrayList<>();
        for (ReleaseAttack.Range r : ReleaseAttack.ranges(all, within, true)) {
            if (!r.exact() || r.published()) {
                continue; // a count shown in another release is pinned, but public already
            }
            if (r.release() == latest) {
                out.add(new Exposed(r.measure(), r.row(), r.column()));
            } else {
                ReleaseAttack.Release before = all.get(r.release());
                int row = r.row() < before.quarters().size() ? quarters.indexOf(before.quarters().get(r.row())) : -1;
                out.add(new Exposed(r.measure(), row < 0 ? quarters.size() : row, r.column()));
            }
        }
        return out;
    }

    /**
     * What an attacker holding the published grids of one release can learn about each suppressed cell: its least
     * and greatest whole values, given every total, that small counts are 0 to 4, withheld ones 5 or more, and that
     * the parts named in {@code within} fit inside their parent. Greatest is infinite when unbounded.
     */
    public static List<Range> ranges(Map<String, Grid> grids, Map<String, List<String>> within) {
        int rows = grids.values().iterator().next().rows() - 1;
        List<String> labels = new ArrayList<>();
        for (int q = 0; q < rows; q++) {
            labels.add("row" + q);
        }
        List<Range> out = new ArrayList<>();
        for (ReleaseAttack.Range r : ReleaseAttack.ranges(List.of(new ReleaseAttack.Release(labels, grids)), within)) {
            out.add(new Range(r.measure(), r.row(), r.column(), r.least(),
                    r.greatest() == null ? Double.POSITIVE_INFINITY : r.greatest()));
        }
        return out;
    }
}
