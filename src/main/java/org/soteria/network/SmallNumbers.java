package org.soteria.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Small-number suppression for counts that leave the force (kpis.md "Small numbers"). Each measure is a
 * table of rows (quarters) by columns (offence groups) with its row and column totals and a grand total.
 * Counts under 5 are shown as "&lt;5" (primary suppression), zeros included: with zeros shown, four small
 * parts of a small total would each be known to be exactly 1 (the test proves it). Further counts are
 * withheld, shown as "[c]" (secondary suppression), until no withheld or small count can be worked out
 * exactly from what is shown:
 * not from a row or column total, not from several tables' totals together, and not from the rule that a
 * subset measure (charged) cannot exceed its parent (outcomes). {@link #ranges} is that attacker, by linear
 * programming, and the suppression is only finished when it finds nothing.
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
        Map<String, long[][]> full = new LinkedHashMap<>();
        Map<String, String[][]> shown = new LinkedHashMap<>();
        interior.forEach((m, counts) -> {
            long[][] grid = withTotals(counts);
            full.put(m, grid);
            String[][] s = new String[grid.length][grid[0].length];
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[0].length; c++) {
                    s[r][c] = grid[r][c] <= 4 ? SMALL : Long.toString(grid[r][c]);
                }
            }
            shown.put(m, s);
        });
        while (true) {
            while (protectLines(full, shown)) {
                // until every row and column with a suppressed cell has at least two
            }
            Map<String, Grid> grids = grids(shown);
            List<Exposed> exposed = exposed(grids, within);
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

    /** A suppressed cell and the least and greatest values consistent with everything published. */
    public record Range(String measure, int row, int column, double least, double greatest) {

        public boolean exact() {
            return greatest - least < 0.5;
        }
    }

    private record Exposed(String measure, int row, int column) {
    }

    /** Every suppressed cell the attacker pins to one value, in one pass. */
    private static List<Exposed> exposed(Map<String, Grid> grids, Map<String, List<String>> within) {
        Attack attack = new Attack(grids, within);
        List<Exposed> out = new ArrayList<>();
        for (int[] cell : attack.cells()) {
            double least = attack.optimum(cell, GoalType.MINIMIZE);
            if (attack.optimum(cell, GoalType.MAXIMIZE) - least < 0.5) {
                out.add(new Exposed(attack.measure(cell), cell[1], cell[2]));
            }
        }
        return out;
    }

    /**
     * What an attacker holding the published grids can learn about each suppressed cell: its least and
     * greatest possible values, given every total, that small counts are 0 to 4, withheld ones 5 or more,
     * and that the parts named in {@code within} fit inside their parent. Greatest is infinite when unbounded.
     */
    public static List<Range> ranges(Map<String, Grid> grids, Map<String, List<String>> within) {
        Attack attack = new Attack(grids, within);
        List<Range> out = new ArrayList<>();
        for (int[] cell : attack.cells()) {
            out.add(new Range(attack.measure(cell), cell[1], cell[2], attack.optimum(cell, GoalType.MINIMIZE),
                    attack.optimum(cell, GoalType.MAXIMIZE)));
        }
        return out;
    }

    /** The attacker's linear programme over the published grids: one variable per suppressed cell. */
    private static final class Attack {
        private final List<String> measures = new ArrayList<>();
        private final List<int[]> cells = new ArrayList<>();
        private final LinearConstraintSet constraints;
        private final int n;

        Attack(Map<String, Grid> grids, Map<String, List<String>> within) {
            Map<String, int[][]> index = new LinkedHashMap<>();
            int count = 0;
            for (Map.Entry<String, Grid> e : grids.entrySet()) {
                Grid g = e.getValue();
                int[][] idx = new int[g.rows()][g.columns()];
                for (int r = 0; r < g.rows(); r++) {
                    for (int c = 0; c < g.columns(); c++) {
                        idx[r][c] = Grid.suppressed(g.cell(r, c)) ? count++ : -1;
                        if (idx[r][c] >= 0) {
                            cells.add(new int[] {measures.size(), r, c, idx[r][c]});
                        }
                    }
                }
                measures.add(e.getKey());
                index.put(e.getKey(), idx);
            }
            n = count;
            constraints = n == 0 ? null : new LinearConstraintSet(constraints(grids, within, index, n));
        }

        List<int[]> cells() {
            return cells;
        }

        String measure(int[] cell) {
            return measures.get(cell[0]);
        }

        double optimum(int[] cell, GoalType goal) {
            double[] objective = new double[n];
            objective[cell[3]] = 1;
            return SmallNumbers.optimum(objective, constraints, goal);
        }
    }

    private static List<LinearConstraint> constraints(Map<String, Grid> grids, Map<String, List<String>> within,
            Map<String, int[][]> index, int n) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Map.Entry<String, Grid> e : grids.entrySet()) {
            Grid g = e.getValue();
            int[][] idx = index.get(e.getKey());
            int lastRow = g.rows() - 1;
            int lastCol = g.columns() - 1;
            for (int r = 0; r <= lastRow; r++) {
                double[] a = new double[n];
                double rhs = 0;
                for (int c = 0; c <= lastCol; c++) {
                    rhs -= term(a, g, idx, r, c, c == lastCol ? -1 : 1);
                }
                add(constraints, a, Relationship.EQ, rhs);
            }
            for (int c = 0; c <= lastCol; c++) {
                double[] a = new double[n];
                double rhs = 0;
                for (int r = 0; r <= lastRow; r++) {
                    rhs -= term(a, g, idx, r, c, r == lastRow ? -1 : 1);
                }
                add(constraints, a, Relationship.EQ, rhs);
            }
            for (int r = 0; r <= lastRow; r++) {
                for (int c = 0; c <= lastCol; c++) {
                    int i = idx[r][c];
                    if (i >= 0) {
                        double[] a = new double[n];
                        a[i] = 1;
                        boolean small = SmallNumbers.SMALL.equals(g.cell(r, c));
                        if (small) {
                            constraints.add(new LinearConstraint(a, Relationship.LEQ, 4));
                        } else {
                            constraints.add(new LinearConstraint(a, Relationship.GEQ, 5));
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> w : within.entrySet()) {
            String parent = w.getKey();
            List<String> parts = w.getValue();
            Grid pg = grids.get(parent);
            if (pg == null) {
                continue;
            }
            for (int r = 0; r < pg.rows(); r++) {
                for (int c = 0; c < pg.columns(); c++) {
                    double[] a = new double[n];
                    double rhs = 0;
                    for (String part : parts) {
                        if (grids.containsKey(part)) {
                            rhs -= term(a, grids.get(part), index.get(part), r, c, 1);
                        }
                    }
                    rhs -= term(a, pg, index.get(parent), r, c, -1);
                    add(constraints, a, Relationship.LEQ, rhs);
                }
            }
        }
        return constraints;
    }

    /** Adds a cell to a constraint: a suppressed cell as a variable, a shown one as its known value (returned). */
    private static double term(double[] a, Grid g, int[][] idx, int r, int c, int sign) {
        int i = idx[r][c];
        if (i >= 0) {
            a[i] += sign;
            return 0;
        }
        return sign * Double.parseDouble(g.cell(r, c));
    }

    private static void add(List<LinearConstraint> constraints, double[] a, Relationship rel, double rhs) {
        for (double x : a) {
            if (x != 0) {
                constraints.add(new LinearConstraint(a, rel, rhs));
                return;
            }
        }
    }

    private static double optimum(double[] objective, LinearConstraintSet set, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000),
                    new LinearObjectiveFunction(objective, 0), set, goal, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() != LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                throw e;
            }
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : 0;
        }
    }
}
