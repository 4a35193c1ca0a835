package org.soteria.network;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker of ADR 24 against a force's benchmark releases: it holds every release the force has sent (each
 * eight quarters by offence group, with totals), knows that counts are whole numbers, that a "&lt;5" is 0 to 4 and a
 * withheld "[c]" is 5 or more, that the parts named in {@code within} fit inside their parent, and takes a quarter's
 * count in one release to be the same in another unless what was shown says it changed. For each suppressed cell it
 * finds the least and greatest whole value consistent with all of that, by integer programming.
 */
final class ReleaseAttack {

    static {
        // ojAlgo otherwise prints a paragraph about hardware profiles to standard out the first time it is used.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /** One published release: its quarters (the grids' rows before the total) and each measure's grid. */
    record Release(List<String> quarters, Map<String, SmallNumbers.Grid> grids) {
    }

    /**
     * A suppressed cell of one release and the whole values it may take; {@code greatest} is null when unbounded.
     * {@code published} when the same count is shown in another release: pinned, but no secret.
     */
    record Range(int release, String measure, int row, int column, long least, Long greatest, boolean published) {

        boolean exact() {
            return greatest != null && greatest == least;
        }
    }

    private final List<Release> releases;
    private final Map<String, List<String>> within;
    /** For each release, measure and cell: the shared unknown (an index), or -1 for a shown value. */
    private final List<Map<String, int[][]>> unknown = new ArrayList<>();
    /** A shared unknown pinned to a value shown in another release, or null. */
    private final List<Long> pinned = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    /** The linear relaxation, built once; each cell's bounds are found by changing its objective. */
    private ExpressionsBasedModel relaxed;

    private ReleaseAttack(List<Release> releases, Map<String, List<String>> within) {
        this.releases = releases;
        this.within = within;
        Map<String, List<int[]>> sameCount = new LinkedHashMap<>();
        for (int r = 0; r < releases.size(); r++) {
            Release rel = releases.get(r);
            Map<String, int[][]> idx = new LinkedHashMap<>();
            for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                SmallNumbers.Grid g = e.getValue();
                int[][] at = new int[g.rows()][g.columns()];
                for (int row = 0; row < g.rows(); row++) {
                    for (int col = 0; col < g.columns(); col++) {
                        at[row][col] = -1;
                        if (row < rel.quarters().size()) {
                            // A quarter's count, or its total across groups: the same in every release that has it.
                            sameCount.computeIfAbsent(e.getKey() + "|" + rel.quarters().get(row) + "|"
                                    + (col < g.columns() - 1 ? col : "total"), k -> new ArrayList<>())
                                    .add(new int[] {r, row, col});
                        } else if (SmallNumbers.Grid.suppressed(g.cell(row, col))) {
                            at[row][col] = newUnknown(g.cell(row, col), null);
                        }
                    }
                }
                idx.put(e.getKey(), at);
            }
            unknown.add(idx);
        }
        // The same quarter's count in several releases: one unknown, unless what was shown says it changed.
        sameCount.forEach((key, cells) -> {
            String measure = key.substring(0, key.indexOf('|'));
            Long shown = null;
            boolean small = false;
            boolean withheld = false;
            boolean changed = false;
            for (int[] c : cells) {
                String s = releases.get(c[0]).grids().get(measure).cell(c[1], c[2]);
                if (SmallNumbers.SMALL.equals(s)) {
                    small = true;
                } else if (SmallNumbers.WITHHELD.equals(s)) {
                    withheld = true;
                } else {
                    long v = Long.parseLong(s);
                    changed |= shown != null && shown != v;
                    shown = v;
                }
            }
            changed |= small && (withheld || shown != null);
            int shared = -1;
            for (int[] c : cells) {
                String s = releases.get(c[0]).grids().get(measure).cell(c[1], c[2]);
                if (!SmallNumbers.Grid.suppressed(s)) {
                    continue;
                }
                if (changed) {
                    unknown.get(c[0]).get(measure)[c[1]][c[2]] = newUnknown(s, null);
                } else {
                    if (shared < 0) {
                        shared = newUnknown(s, shown);
                    }
                    unknown.get(c[0]).get(measure)[c[1]][c[2]] = shared;
                }
            }
        });
    }

    private int newUnknown(String shown, Long pin) {
        boolean small = SmallNumbers.SMALL.equals(shown);
        bounds.add(new long[] {small ? 0 : 5, small ? 4 : Long.MAX_VALUE});
        pinned.add(pin);
        return pinned.size() - 1;
    }

    /** Every suppressed cell of every release with the whole values the attacker finds it may take. */
    static List<Range> ranges(List<Release> releases, Map<String, List<String>> within) {
        return ranges(releases, within, false);
    }

    /**
     * As {@link #ranges(List, Map)}; with {@code pinnedOnly} the ranges are exact only for the cells the attacker
     * pins, and may be narrower than the truth elsewhere: a few solutions of the relaxation under varied objectives
     * first show which cells can take three or more whole values, and those need no programme of their own. For the
     * suppression loop, which asks only which cells are pinned.
     */
    static List<Range> ranges(List<Release> releases, Map<String, List<String>> within, boolean pinnedOnly) {
        ReleaseAttack attack = new ReleaseAttack(releases, within);
        if (pinnedOnly) {
            attack.sample();
        }
        Map<Integer, long[]> solved = new HashMap<>();
        List<Range> out = new ArrayList<>();
        for (int r = 0; r < releases.size(); r++) {
            for (Map.Entry<String, int[][]> e : attack.unknown.get(r).entrySet()) {
                int[][] at = e.getValue();
                for (int row = 0; row < at.length; row++) {
                    for (int col = 0; col < at[row].length; col++) {
                        int u = at[row][col];
                        if (u < 0) {
                            continue;
                        }
                        long[] range = solved.computeIfAbsent(u, attack::solve);
                        out.add(new Range(r, e.getKey(), row, col, range[0],
                                range[1] == Long.MAX_VALUE ? null : range[1], attack.pinned.get(u) != null));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The least and greatest whole value of one unknown (greatest Long.MAX_VALUE when unbounded). The linear
     * relaxation comes first: rounded inwards it bounds every whole solution. Where it leaves three whole values or
     * more the cell is not pinned; where it leaves one or two, integer programming decides (ADR 24).
     */
    private long[] solve(int target) {
        if (pinned.get(target) != null) {
            return new long[] {pinned.get(target), pinned.get(target)};
        }
        if (seen != null && Math.floor(seen[1][target] + 1e-6) - Math.ceil(seen[0][target] - 1e-6) >= 2) {
            return new long[] {(long) Math.ceil(seen[0][target] - 1e-6), (long) Math.floor(seen[1][target] + 1e-6)};
        }
        if (relaxed == null) {
            relaxed = model();
            relaxed.relax(true);
        }
        Variable x = relaxed.getVariable(target);
        x.weight(1);
        Optimisation.Result least = relaxed.minimise();
        Optimisation.Result greatest = relaxed.maximise();
        x.weight(0);
        if (!least.getState().isFeasible()) {
            // What was shown is inconsistent with the attacker's assumptions (a count revised between releases
            // without it showing): the attacker then learns nothing certain about this cell.
            return new long[] {bounds.get(target)[0], bounds.get(target)[1]};
        }
        long lo = (long) Math.ceil(least.getValue() - 1e-6);
        boolean unbounded = greatest.getState() == Optimisation.State.UNBOUNDED || !greatest.getState().isFeasible()
                || greatest.getValue() >= CEILING - 1;
        long hi = unbounded ? Long.MAX_VALUE : (long) Math.floor(greatest.getValue() + 1e-6);
        if (unbounded || hi - lo >= 2) {
            return new long[] {lo, hi};
        }
        ExpressionsBasedModel whole = model();
        whole.getVariable(target).weight(1);
        Optimisation.Result a = whole.minimise();
        Optimisation.Result b = whole.maximise();
        if (!a.getState().isFeasible() || !b.getState().isFeasible()) {
            return new long[] {lo, hi};
        }
        return new long[] {Math.round(a.getValue()), Math.round(b.getValue())};
    }

    /** The least and greatest value each unknown took in the sampled solutions, or null before sampling. */
    private double[][] seen;

    /** Solves the relaxation under a few varied objectives (fixed seed: the same releases give the same result). */
    private void sample() {
        int n = pinned.size();
        seen = new double[2][n];
        java.util.Arrays.fill(seen[0], Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(seen[1], Double.NEGATIVE_INFINITY);
        if (n == 0) {
            return;
        }
        relaxed = model();
        relaxed.relax(true);
        java.util.SplittableRandom random = new java.util.SplittableRandom(n);
        for (int round = 0; round < 8; round++) {
            for (int u = 0; u < n; u++) {
                relaxed.getVariable(u).weight(random.nextDouble(-1, 1));
            }
            for (Optimisation.Result r : List.of(relaxed.minimise(), relaxed.maximise())) {
                if (!r.getState().isFeasible()) {
                    continue;
                }
                for (int u = 0; u < n; u++) {
                    double v = r.doubleValue(u);
                    seen[0][u] = Math.min(seen[0][u], v);
                    seen[1][u] = Math.max(seen[1][u], v);
                }
            }
        }
        for (int u = 0; u < n; u++) {
            relaxed.getVariable(u).weight(0);
        }
    }

    /** A bound no count reaches: finite, so that branch and bound stays short, and far above any force's counts. */
    private static final long CEILING = 1_000_000L;

    private ExpressionsBasedModel model() {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        long ceiling = CEILING;
        for (int u = 0; u < pinned.size(); u++) {
            Variable v = model.addVariable("u" + u).integer(true).lower(BigDecimal.valueOf(bounds.get(u)[0]));
            if (pinned.get(u) != null) {
                v.level(BigDecimal.valueOf(pinned.get(u)));
            } else {
                v.upper(BigDecimal.valueOf(Math.min(bounds.get(u)[1], Math.max(ceiling, bounds.get(u)[0]))));
            }
        }
        int n = 0;
        for (int r = 0; r < releases.size(); r++) {
            Release rel = releases.get(r);
            for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                SmallNumbers.Grid g = e.getValue();
                int[][] at = unknown.get(r).get(e.getKey());
                int lastRow = g.rows() - 1;
                int lastCol = g.columns() - 1;
                for (int row = 0; row <= lastRow; row++) {
                    Expression line = model.addExpression("r" + n++);
                    long rhs = 0;
                    for (int col = 0; col <= lastCol; col++) {
                        rhs -= term(line, g, at, row, col, col == lastCol ? -1 : 1);
                    }
                    line.level(BigDecimal.valueOf(rhs));
                }
                for (int col = 0; col <= lastCol; col++) {
                    Expression line = model.addExpression("c" + n++);
                    long rhs = 0;
                    for (int row = 0; row <= lastRow; row++) {
                        rhs -= term(line, g, at, row, col, row == lastRow ? -1 : 1);
                    }
                    line.level(BigDecimal.valueOf(rhs));
                }
            }
            for (Map.Entry<String, List<String>> w : within.entrySet()) {
                SmallNumbers.Grid parent = rel.grids().get(w.getKey());
                if (parent == null) {
                    continue;
                }
                for (int row = 0; row < parent.rows(); row++) {
                    for (int col = 0; col < parent.columns(); col++) {
                        Expression fits = model.addExpression("w" + n++);
                        long rhs = 0;
                        for (String part : w.getValue()) {
                            if (rel.grids().containsKey(part)) {
                                rhs -= term(fits, rel.grids().get(part), unknown.get(r).get(part), row, col, 1);
                            }
                        }
                        rhs -= term(fits, parent, unknown.get(r).get(w.getKey()), row, col, -1);
                        fits.upper(BigDecimal.valueOf(rhs));
                    }
                }
            }
        }
        return model;
    }

    /** A cell in a constraint: an unknown as a variable, a shown count as its value (returned, signed). */
    private static long term(Expression e, SmallNumbers.Grid g, int[][] at, int row, int col, int sign) {
        int u = at[row][col];
        if (u >= 0) {
            e.add(u, sign);
            return 0;
        }
        return sign * Long.parseLong(g.cell(row, col));
    }
}
