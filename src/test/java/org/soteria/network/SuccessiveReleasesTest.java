package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, hub releases: a force sends a benchmark every quarter, each of the last few quarters, so successive
 * releases share all but one. The attacker here holds every release and is written apart from the production code
 * (another solver, its own model): linear programming over all releases at once, a quarter's count taken to be the
 * same wherever it appears, and counts known to be whole numbers (a range that holds one whole number pins it).
 */
class SuccessiveReleasesTest {

    private static final int WINDOW = 4;
    private static final int GROUPS = 3;

    /** Counts of each measure by quarter (0 … quarters-1) and group, parts within their parents. */
    private static Map<String, long[][]> history(SplittableRandom random, int quarters) {
        Map<String, long[][]> out = new LinkedHashMap<>();
        long[][] recorded = new long[quarters][GROUPS];
        long[][] outcomes = new long[quarters][GROUPS];
        long[][] charged = new long[quarters][GROUPS];
        long[][] vdns = new long[quarters][GROUPS];
        for (int q = 0; q < quarters; q++) {
            for (int g = 0; g < GROUPS; g++) {
                recorded[q][g] = random.nextInt(random.nextBoolean() ? 7 : 30);
                outcomes[q][g] = random.nextInt(random.nextBoolean() ? 9 : 40);
                charged[q][g] = outcomes[q][g] == 0 ? 0 : random.nextInt((int) Math.min(outcomes[q][g], 6) + 1);
                vdns[q][g] = random.nextLong(outcomes[q][g] - charged[q][g] + 1);
            }
        }
        out.put(BenchmarkBundle.RECORDED, recorded);
        out.put(BenchmarkBundle.OUTCOMES, outcomes);
        out.put(BenchmarkBundle.CHARGED, charged);
        out.put(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, vdns);
        return out;
    }

    private static Map<String, long[][]> window(Map<String, long[][]> history, int first) {
        Map<String, long[][]> out = new LinkedHashMap<>();
        history.forEach((m, counts) -> {
            long[][] w = new long[WINDOW][];
            for (int q = 0; q < WINDOW; q++) {
                w[q] = counts[first + q].clone();
            }
            out.put(m, w);
        });
        return out;
    }

    private static List<String> quarters(int first) {
        List<String> out = new ArrayList<>();
        for (int q = first; q < first + WINDOW; q++) {
            out.add("Q" + q);
        }
        return out;
    }

    /** The releases a force sends, one a quarter; {@code together} checks each with the earlier ones. */
    private static List<ReleaseAttack.Release> releases(Map<String, long[][]> history, int count, boolean together) {
        List<ReleaseAttack.Release> sent = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            Map<String, SmallNumbers.Grid> grids = together
                    ? SmallNumbers.suppress(window(history, r), BenchmarkBundle.WITHIN, quarters(r), List.copyOf(sent))
                    : SmallNumbers.suppress(window(history, r), BenchmarkBundle.WITHIN);
            sent.add(new ReleaseAttack.Release(quarters(r), grids));
        }
        return sent;
    }

    // ---- the independent attacker -------------------------------------------------------------------------

    /** Each suppressed cell the attacker pins to one whole number, as "release measure row column = value". */
    static List<String> pinned(List<ReleaseAttack.Release> releases) {
        Map<String, Integer> variable = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<double[]> bounds = new ArrayList<>();
        // Variables: one per (measure, quarter, group) hidden anywhere, one per hidden total of each release.
        for (int r = 0; r < releases.size(); r++) {
            ReleaseAttack.Release rel = releases.get(r);
            for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                SmallNumbers.Grid g = e.getValue();
                for (int row = 0; row < g.rows(); row++) {
                    for (int col = 0; col < g.columns(); col++) {
                        String cell = g.cell(row, col);
                        if (!SmallNumbers.Grid.suppressed(cell)) {
                            continue;
                        }
                        String name = name(rel, r, e.getKey(), row, col, g);
                        if (!variable.containsKey(name)) {
                            variable.put(name, names.size());
                            names.add(name);
                            bounds.add(SmallNumbers.SMALL.equals(cell) ? new double[] {0, 4} : new double[] {5, 1e9});
                        }
                    }
                }
            }
        }
        int n = names.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        // Each unknown is written as its least value plus a non-negative part, so only the small ones need a row.
        for (int i = 0; i < n; i++) {
            if (bounds.get(i)[1] < 1e9) {
                double[] a = new double[n];
                a[i] = 1;
                constraints.add(new LinearConstraint(a, Relationship.LEQ, bounds.get(i)[1] - bounds.get(i)[0]));
            }
        }
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            shift[i] = bounds.get(i)[0];
        }
        for (int r = 0; r < releases.size(); r++) {
            ReleaseAttack.Release rel = releases.get(r);
            for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                SmallNumbers.Grid g = e.getValue();
                for (int row = 0; row < g.rows(); row++) {
                    double[] a = new double[n];
                    double known = 0;
                    for (int col = 0; col < g.columns(); col++) {
                        known += put(a, variable, rel, r, e.getKey(), g, row, col, col == g.columns() - 1 ? -1 : 1);
                    }
                    constraints.add(new LinearConstraint(a, Relationship.EQ, -known - dot(a, shift)));
                }
                for (int col = 0; col < g.columns(); col++) {
                    double[] a = new double[n];
                    double known = 0;
                    for (int row = 0; row < g.rows(); row++) {
                        known += put(a, variable, rel, r, e.getKey(), g, row, col, row == g.rows() - 1 ? -1 : 1);
                    }
                    constraints.add(new LinearConstraint(a, Relationship.EQ, -known - dot(a, shift)));
                }
            }
            SmallNumbers.Grid outcomes = rel.grids().get(BenchmarkBundle.OUTCOMES);
            for (int row = 0; row < outcomes.rows(); row++) {
                for (int col = 0; col < outcomes.columns(); col++) {
                    double[] a = new double[n];
                    double known = put(a, variable, rel, r, BenchmarkBundle.CHARGED,
                            rel.grids().get(BenchmarkBundle.CHARGED), row, col, 1)
                            + put(a, variable, rel, r, BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT,
                            rel.grids().get(BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT), row, col, 1)
                            + put(a, variable, rel, r, BenchmarkBundle.OUTCOMES, outcomes, row, col, -1);
                    constraints.add(new LinearConstraint(a, Relationship.LEQ, -known - dot(a, shift)));
                }
            }
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] objective = new double[n];
            objective[i] = 1;
            double least = solve(objective, set, GoalType.MINIMIZE) + shift[i];
            double greatest = solve(objective, set, GoalType.MAXIMIZE) + shift[i];
            if (Double.isNaN(least)) {
                continue; // inconsistent: a count revised between releases; nothing certain
            }
            if (Math.ceil(least - 1e-6) == Math.floor(greatest + 1e-6) && !shownElsewhere(releases, names.get(i))) {
                out.add(names.get(i) + " = " + Math.round(Math.ceil(least - 1e-6)));
            }
        }
        return out;
    }

    /**
     * A quarter's count, and its total across groups, is one unknown in every release; the other totals (a group's
     * over the release's quarters, the grand total) belong to their release.
     */
    private static String name(ReleaseAttack.Release rel, int r, String measure, int row, int col, SmallNumbers.Grid g) {
        if (row < rel.quarters().size()) {
            return measure + " " + rel.quarters().get(row) + (col < g.columns() - 1 ? " g" + col : " total");
        }
        return "release" + r + " " + measure + " total " + row + "," + col;
    }

    /** Whether a count the attacker pins is shown as a number in some release: public already, no secret. */
    private static boolean shownElsewhere(List<ReleaseAttack.Release> releases, String name) {
        for (int r = 0; r < releases.size(); r++) {
            ReleaseAttack.Release rel = releases.get(r);
            for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                SmallNumbers.Grid g = e.getValue();
                for (int row = 0; row < g.rows(); row++) {
                    for (int col = 0; col < g.columns(); col++) {
                        if (!SmallNumbers.Grid.suppressed(g.cell(row, col)) && name(rel, r, e.getKey(), row, col, g)
                                .equals(name)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private static double put(double[] a, Map<String, Integer> variable, ReleaseAttack.Release rel, int r,
            String measure, SmallNumbers.Grid g, int row, int col, int sign) {
        String cell = g.cell(row, col);
        if (SmallNumbers.Grid.suppressed(cell)) {
            a[variable.get(name(rel, r, measure, row, col, g))] += sign;
            return 0;
        }
        return sign * Double.parseDouble(cell);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double solve(double[] objective, LinearConstraintSet set, GoalType goal) {
        try {
            return new SimplexSolver().optimize(new MaxIter(20_000), new LinearObjectiveFunction(objective, 0), set, goal,
                    new NonNegativeConstraint(true)).getValue();
        } catch (MathIllegalStateException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NaN;
        }
    }

    // ---- the attack ---------------------------------------------------------------------------------------

    @Test
    void releasesCheckedOneAtATimeGiveCountsAwayThatReleasesCheckedTogetherKeep() {
        SplittableRandom random = new SplittableRandom(23);
        int leakedAlone = 0;
        for (int trial = 0; trial < 3; trial++) {
            Map<String, long[][]> history = history(random, WINDOW + 3);
            List<ReleaseAttack.Release> alone = releases(history, 4, false);
            if (!pinned(alone).isEmpty()) {
                leakedAlone++;
            }
            List<ReleaseAttack.Release> together = releases(history, 4, true);
            assertThat(pinned(together)).as("trial %d: four successive releases checked together", trial).isEmpty();
            for (ReleaseAttack.Release rel : together) {
                for (Map.Entry<String, SmallNumbers.Grid> e : rel.grids().entrySet()) {
                    long[][] truth = SmallNumbers.withTotals(window(history,
                            Integer.parseInt(rel.quarters().get(0).substring(1))).get(e.getKey()));
                    for (int row = 0; row < truth.length; row++) {
                        for (int col = 0; col < truth[0].length; col++) {
                            String shown = e.getValue().cell(row, col);
                            assertThat(shown).isEqualTo(truth[row][col] <= 4 ? SmallNumbers.SMALL
                                    : SmallNumbers.Grid.suppressed(shown) ? SmallNumbers.WITHHELD
                                    : Long.toString(truth[row][col]));
                        }
                    }
                }
            }
        }
        assertThat(leakedAlone).as("checked one at a time, every one of these histories gives a count away").isEqualTo(3);
    }
}
