package org.soteria.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a force's benchmark carries: for each measure, a grid of quarters (then the total) by offence groups
 * (then all groups), each cell as published: a count of 5 or more, "&lt;5" (0 to 4) or "[c]" (withheld). Counts are of crimes (kpis.md):
 * recorded in the quarter, outcomes assigned in it, and of those, charged (1, 1A) and victim does not
 * support (14, 16).
 */
public record BenchmarkBundle(String asOf, List<String> quarters, List<String> groups,
        Map<String, List<List<String>>> measures) {

    public static final String RECORDED = "recorded";
    public static final String OUTCOMES = "outcomes_assigned";
    public static final String CHARGED = "charged";
    public static final String VICTIM_DOES_NOT_SUPPORT = "victim_does_not_support";
    public static final List<String> MEASURES = List.of(RECORDED, OUTCOMES, CHARGED, VICTIM_DOES_NOT_SUPPORT);
    /** Each measure as a table caption names it. */
    public static final Map<String, String> LABELS = Map.of(RECORDED, "Crimes recorded", OUTCOMES, "Outcomes assigned",
            CHARGED, "Charged (outcomes 1 and 1A)", VICTIM_DOES_NOT_SUPPORT, "Victim does not support (outcomes 14 and 16)");
    /** Charged and victim-does-not-support outcomes are disjoint parts of the outcomes assigned. */
    public static final Map<String, List<String>> WITHIN = Map.of(OUTCOMES, List.of(CHARGED, VICTIM_DOES_NOT_SUPPORT));
    public static final String ALL_GROUPS = "all";
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern CELL = Pattern.compile("[0-9]{1,9}|<5|\\[c]");

    /**
     * Builds the bundle from raw counts, suppressing them together, and together with the force's {@code earlier}
     * releases, so that no small count can be worked out from this release or from all of them.
     */
    public static BenchmarkBundle of(String asOf, List<String> quarters, List<String> groups,
            Map<String, long[][]> counts, List<BenchmarkBundle> earlier) {
        List<ReleaseAttack.Release> before = new ArrayList<>();
        for (BenchmarkBundle b : earlier) {
            if (b.groups().equals(groups)) {
                before.add(b.release());
            }
        }
        Map<String, SmallNumbers.Grid> grids = SmallNumbers.suppress(counts, WITHIN, quarters, before);
        Map<String, List<List<String>>> measures = new LinkedHashMap<>();
        grids.forEach((m, g) -> measures.put(m, rows(g)));
        return new BenchmarkBundle(asOf, List.copyOf(quarters), List.copyOf(groups), measures);
    }

    private static List<List<String>> rows(SmallNumbers.Grid g) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < g.columns(); c++) {
                row.add(g.cell(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** This bundle as the attacker holds it. */
    ReleaseAttack.Release release() {
        return new ReleaseAttack.Release(quarters, grids());
    }

    public Map<String, SmallNumbers.Grid> grids() {
        Map<String, SmallNumbers.Grid> out = new LinkedHashMap<>();
        measures.forEach((m, rows) -> {
            String[][] s = new String[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                s[r] = rows.get(r).toArray(String[]::new);
            }
            out.put(m, new SmallNumbers.Grid(s));
        });
        return out;
    }

    /**
     * The problems that make a received bundle unpublishable, each in words a force's analyst can act on:
     * its shape, a count of 1 to 4 shown, totals that do not add up, or a suppressed count that can be
     * worked out from what is shown. Empty when the bundle is fit to publish.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (quarters == null || quarters.isEmpty() || groups == null || groups.isEmpty() || measures == null) {
            out.add("the bundle needs quarters, offence groups and measures");
            return out;
        }
        for (String q : quarters) {
            if (q == null || !QUARTER.matcher(q).matches()) {
                out.add("quarter " + q + " is not in the form 2025-Q3");
            }
        }
        if (!measures.keySet().equals(new java.util.HashSet<>(MEASURES))) {
            out.add("the measures must be exactly " + String.join(", ", MEASURES) + ", not " + measures.keySet());
            return out;
        }
        for (String m : MEASURES) {
            List<List<String>> rows = measures.get(m);
            if (rows == null || rows.size() != quarters.size() + 1) {
                out.add(m + ": expected " + (quarters.size() + 1) + " rows (each quarter, then the total)");
                continue;
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                String where = m + ", " + (r < quarters.size() ? quarters.get(r) : "total");
                if (row == null || row.size() != groups.size() + 1) {
                    out.add(where + ": expected " + (groups.size() + 1) + " cells (each offence group, then all)");
                    continue;
                }
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    String at = where + ", " + (c < groups.size() ? groups.get(c) : ALL_GROUPS);
                    if (cell == null || !CELL.matcher(cell).matches()) {
                        out.add(at + ": \"" + cell + "\" is not a count, <5 or [c]");
                    } else if (!SmallNumbers.Grid.suppressed(cell) && Long.parseLong(cell) <= 4) {
                        out.add(at + ": a count of " + cell + " is shown; counts under 5 must be shown as <5");
                    }
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        addTotals(out);
        if (out.isEmpty()) {
            for (SmallNumbers.Range r : SmallNumbers.ranges(grids(), WITHIN)) {
                if (r.exact()) {
                    out.add(r.measure() + ", " + label(r.row(), r.column()) + ": this suppressed count can be worked "
                            + "out from the totals (it must be " + Math.round(r.least()) + "); withhold another count");
                }
            }
        }
        return out;
    }

    private void addTotals(List<String> out) {
        grids().forEach((m, g) -> {
            int lastRow = g.rows() - 1;
            int lastCol = g.columns() - 1;
            for (int r = 0; r <= lastRow; r++) {
                checkLine(out, m + ", " + label(r, lastCol), g, r, -1, lastCol);
            }
            for (int c = 0; c <= lastCol; c++) {
                checkLine(out, m + ", " + label(lastRow, c), g, -1, c, lastRow);
            }
        });
    }

    private static void checkLine(List<String> out, String where, SmallNumbers.Grid g, int row, int column, int last) {
        long sum = 0;
        for (int i = 0; i < last; i++) {
            String cell = row >= 0 ? g.cell(row, i) : g.cell(i, column);
            if (SmallNumbers.Grid.suppressed(cell)) {
                return;
            }
            sum += Long.parseLong(cell);
        }
        String total = row >= 0 ? g.cell(row, last) : g.cell(last, column);
        if (!SmallNumbers.Grid.suppressed(total) && Long.parseLong(total) != sum) {
            out.add(where + ": the total " + total + " is not the sum of its parts (" + sum + ")");
        }
    }

    String label(int row, int column) {
        return (row < quarters.size() ? quarters.get(row) : "total") + ", "
                + (column < groups.size() ? groups.get(column) : ALL_GROUPS);
    }

    /** A bundle rebuilt from the cells the hub keeps of a force's latest benchmark (no as-of date). */
    static BenchmarkBundle published(List<HubRepository.Cell> cells) {
        List<String> quarters = new ArrayList<>(new java.util.TreeSet<>(cells.stream().map(HubRepository.Cell::quarter)
                .filter(q -> !q.equals(SmallNumbers.TOTAL)).toList()));
        List<String> groups = new ArrayList<>(new java.util.TreeSet<>(cells.stream().map(HubRepository.Cell::group)
                .filter(g -> !g.equals(BenchmarkBundle.ALL_GROUPS)).toList()));
        List<String> rows = new ArrayList<>(quarters);
        rows.add(SmallNumbers.TOTAL);
        List<String> columns = new ArrayList<>(groups);
        columns.add(BenchmarkBundle.ALL_GROUPS);
        Map<String, List<List<String>>> measures = new LinkedHashMap<>();
        for (String m : cells.isEmpty() ? List.<String>of() : BenchmarkBundle.MEASURES) {
            List<List<String>> grid = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                grid.add(new ArrayList<>(java.util.Collections.nCopies(columns.size(), (String) null)));
            }
            measures.put(m, grid);
        }
        for (HubRepository.Cell c : cells) {
            measures.get(c.measure()).get(rows.indexOf(c.quarter())).set(columns.indexOf(c.group()), c.shown());
        }
        return new BenchmarkBundle(null, quarters, groups, measures);
    }
}
