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
 * support (14, 16); since ADR 38 also the victim-does-not-support outcomes on crimes reported by someone other than
 * the victim, and the crimes recorded with a suspect and, of those, with a repeat suspect. {@code medians} holds the
 * timeliness medians in whole days on the same grid, each shown only where the count it rests on is shown (ADR 38).
 * {@code force} holds figures about the force as a whole, one cell a quarter (ADR 38): victims' feedback as published
 * (responses, and the mean of the five dimensions' means), the RASSO officers and those accredited at the quarter's
 * end, and their median open caseload; a quarter's force-wide figures, once published, are carried unchanged into
 * every later release. A bundle from a force on an earlier release carries only the first four counts.
 */
public record BenchmarkBundle(String asOf, List<String> quarters, List<String> groups,
        Map<String, List<List<String>>> measures, Map<String, List<List<String>>> medians,
        Map<String, List<String>> force) {

    public static final String RECORDED = "recorded";
    public static final String OUTCOMES = "outcomes_assigned";
    public static final String CHARGED = "charged";
    public static final String VICTIM_DOES_NOT_SUPPORT = "victim_does_not_support";
    public static final String THIRD_PARTY = "victim_does_not_support_third_party";
    public static final String WITH_SUSPECT = "recorded_with_suspect";
    public static final String REPEAT_SUSPECT = "repeat_suspect";
    public static final String DAYS_TO_CHARGE = "median_days_to_charge";
    public static final String DAYS_TO_OUTCOME = "median_days_to_outcome";
    public static final String FEEDBACK_RESPONSES = "feedback_responses";
    public static final String FEEDBACK_MEAN = "feedback_mean";
    public static final String OFFICERS = "rasso_officers";
    public static final String ACCREDITED = "accredited_officers";
    public static final String CASELOAD = "median_open_caseload";
    /** The force-wide figures, in the order a force sends them. */
    public static final List<String> FORCE = List.of(FEEDBACK_RESPONSES, FEEDBACK_MEAN, OFFICERS, ACCREDITED, CASELOAD);
    /** Each force-wide figure as a column names it. */
    public static final Map<String, String> FORCE_LABELS = Map.of(FEEDBACK_RESPONSES, "Victims' feedback forms",
            FEEDBACK_MEAN, "Victims' feedback, mean score (1 to 5)", OFFICERS, "RASSO officers",
            ACCREDITED, "With a specialist accreditation", CASELOAD, "Median open caseload per officer");
    /** The counts every bundle carries (the first release's set). */
    public static final List<String> REQUIRED = List.of(RECORDED, OUTCOMES, CHARGED, VICTIM_DOES_NOT_SUPPORT);
    /** Every count a bundle may carry, in the order a force sends them. */
    public static final List<String> MEASURES = List.of(RECORDED, OUTCOMES, CHARGED, VICTIM_DOES_NOT_SUPPORT,
            THIRD_PARTY, WITH_SUSPECT, REPEAT_SUSPECT);
    /** Each median and the count of crimes it is the median of: shown only where that count is shown. */
    public static final Map<String, String> MEDIAN_OF = orderedMap(DAYS_TO_CHARGE, CHARGED, DAYS_TO_OUTCOME, OUTCOMES);
    /** Each measure as a table caption names it. */
    public static final Map<String, String> LABELS = Map.of(RECORDED, "Crimes recorded", OUTCOMES, "Outcomes assigned",
            CHARGED, "Charged (outcomes 1 and 1A)", VICTIM_DOES_NOT_SUPPORT, "Victim does not support (outcomes 14 and 16)",
            THIRD_PARTY, "Victim does not support, reported by someone else", WITH_SUSPECT, "Crimes recorded with a suspect",
            REPEAT_SUSPECT, "Crimes recorded with a repeat suspect", DAYS_TO_CHARGE, "Median days from recording to charge",
            DAYS_TO_OUTCOME, "Median days from recording to outcome");
    /**
     * Which counts are parts of which: charged and victim-does-not-support outcomes are disjoint parts of the outcomes
     * assigned; those reported by someone else are part of the victim-does-not-support outcomes; crimes with a repeat
     * suspect are part of those with a suspect, which are part of those recorded.
     */
    public static final Map<String, List<String>> WITHIN = Map.of(OUTCOMES, List.of(CHARGED, VICTIM_DOES_NOT_SUPPORT),
            VICTIM_DOES_NOT_SUPPORT, List.of(THIRD_PARTY), RECORDED, List.of(WITH_SUSPECT),
            WITH_SUSPECT, List.of(REPEAT_SUSPECT));
    public static final String ALL_GROUPS = "all";
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern CELL = Pattern.compile("[0-9]{1,9}|<5|\\[c]");
    private static final Pattern MEDIAN = Pattern.compile("[0-9]{1,6}|\\[c]");
    private static final Pattern MEAN = Pattern.compile("[1-5]\\.[0-9]{2}|\\[c]");

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Builds the bundle from raw counts, suppressing them together, and together with the force's {@code earlier}
     * releases, so that no small count can be worked out from this release or from all of them.
     */
    public static BenchmarkBundle of(String asOf, List<String> quarters, List<String> groups,
            Map<String, long[][]> counts, List<BenchmarkBundle> earlier) {
        return of(asOf, quarters, groups, counts, Map.of(), null, earlier);
    }

    /**
     * As {@link #of(String, List, List, Map, List)}, with the medians in whole days, each grid with its total row and
     * all-groups column (null where there is nothing to take the median of); a median is shown only where the count
     * it rests on ({@link #MEDIAN_OF}) is shown after suppression, else withheld.
     */
    public static BenchmarkBundle of(String asOf, List<String> quarters, List<String> groups,
            Map<String, long[][]> counts, Map<String, Integer[][]> medians, List<ForceQuarter> force,
            List<BenchmarkBundle> earlier) {
        return of(asOf, quarters, groups, counts, medians, force, earlier, SmallNumbers.FORMAT_MINIMUM);
    }

    /**
     * As {@link #of(String, List, List, Map, Map, List, List)}, under the force's disclosure threshold {@code minimum}
     * (ADR 24): no count, officers' number or force-wide figure resting on fewer is shown, however the format
     * could show it.
     */
    public static BenchmarkBundle of(String asOf, List<String> quarters, List<String> groups,
            Map<String, long[][]> counts, Map<String, Integer[][]> medians, List<ForceQuarter> force,
            List<BenchmarkBundle> earlier, int minimum) {
        List<ReleaseAttack.Release> before = new ArrayList<>();
        for (BenchmarkBundle b : earlier) {
            if (b.groups().equals(groups)) {
                before.add(b.release());
            }
        }
        Map<String, SmallNumbers.Grid> grids = SmallNumbers.suppress(counts, WITHIN, quarters, before,
                Math.max(minimum, SmallNumbers.FORMAT_MINIMUM));
        Map<String, List<List<String>>> measures = new LinkedHashMap<>();
        grids.forEach((m, g) -> measures.put(m, rows(g)));
        Map<String, List<List<String>>> shownMedians = new LinkedHashMap<>();
        MEDIAN_OF.forEach((m, count) -> {
            Integer[][] values = medians.get(m);
            SmallNumbers.Grid base = grids.get(count);
            if (values == null || base == null) {
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < base.rows(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < base.columns(); c++) {
                    boolean shown = !SmallNumbers.Grid.suppressed(base.cell(r, c)) && values[r][c] != null;
                    row.add(shown ? Integer.toString(values[r][c]) : SmallNumbers.WITHHELD);
                }
                rows.add(row);
            }
            shownMedians.put(m, rows);
        });
        return new BenchmarkBundle(asOf, List.copyOf(quarters), List.copyOf(groups), measures, shownMedians,
                force == null ? null : asFirstPublished(forceFigures(force,
                        Math.max(minimum, SmallNumbers.FORMAT_MINIMUM)), quarters, earlier));
    }

    /**
     * The force-wide figures with each quarter an earlier release already carried taken from the first release that
     * carried it: officers are counted as the roster stands when a release is made (it keeps no history), so a
     * quarter counted again could differ by the one person who joined or left since, which two releases would show.
     */
    private static Map<String, List<String>> asFirstPublished(Map<String, List<String>> figures, List<String> quarters,
            List<BenchmarkBundle> earlier) {
        for (int q = 0; q < quarters.size(); q++) {
            for (BenchmarkBundle b : earlier) {
                int at = b.quarters().indexOf(quarters.get(q));
                if (at >= 0 && b.force().keySet().containsAll(FORCE)) {
                    for (String m : FORCE) {
                        figures.get(m).set(q, b.force().get(m).get(at));
                    }
                    break;
                }
            }
        }
        return figures;
    }

    /**
     * A quarter of the force as a whole, exact: victims' feedback as the force publishes it (responses 0 when none
     * is published), the mean of the five dimensions' means (null when none), officers and those accredited at the
     * quarter's end, and the officers in the case with their median open caseload.
     */
    public record ForceQuarter(long responses, Double feedbackMean, long officers, long accredited, long caseloadOfficers,
            Integer caseloadMedian) {
    }

    /**
     * The force-wide figures as they leave the force: feedback only where 5 or more forms are published (the force's
     * own rule for people's answers, ADR 24); officers under 5 shown as "&lt;5"; those accredited shown only when
     * neither they nor the officers not accredited number 1 to 4; a median caseload only over 5 officers or more.
     */
    static Map<String, List<String>> forceFigures(List<ForceQuarter> quarters) {
        return forceFigures(quarters, SmallNumbers.FORMAT_MINIMUM);
    }

    /** As {@link #forceFigures(List)}, with the force's threshold {@code k} (5 or more) in place of 5. */
    static Map<String, List<String>> forceFigures(List<ForceQuarter> quarters, int k) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        FORCE.forEach(m -> out.put(m, new ArrayList<>()));
        for (ForceQuarter q : quarters) {
            boolean feedback = q.responses() >= k && q.feedbackMean() != null;
            out.get(FEEDBACK_RESPONSES).add(feedback ? Long.toString(q.responses()) : SmallNumbers.WITHHELD);
            out.get(FEEDBACK_MEAN).add(feedback ? String.format(java.util.Locale.ROOT, "%.2f", q.feedbackMean())
                    : SmallNumbers.WITHHELD);
            out.get(OFFICERS).add(q.officers() < SmallNumbers.FORMAT_MINIMUM ? SmallNumbers.SMALL
                    : q.officers() < k ? SmallNumbers.WITHHELD : Long.toString(q.officers()));
            long rest = q.officers() - q.accredited();
            boolean accredited = q.officers() >= k && q.accredited() >= k && (rest == 0 || rest >= k);
            out.get(ACCREDITED).add(accredited ? Long.toString(q.accredited())
                    : q.accredited() < SmallNumbers.FORMAT_MINIMUM ? SmallNumbers.SMALL : SmallNumbers.WITHHELD);
            out.get(CASELOAD).add(q.caseloadOfficers() >= k && q.caseloadMedian() != null
                    ? Integer.toString(q.caseloadMedian()) : SmallNumbers.WITHHELD);
        }
        return out;
    }

    /** The force-wide figures carried (none from a force on an earlier release). */
    public Map<String, List<String>> force() {
        return force == null ? Map.of() : force;
    }

    /** The medians carried (none from a force on an earlier release). */
    public Map<String, List<List<String>>> medians() {
        return medians == null ? Map.of() : medians;
    }

    /** Every table a page shows of this bundle: the counts, then the medians. */
    public Map<String, List<List<String>>> tables() {
        Map<String, List<List<String>>> out = new LinkedHashMap<>(measures == null ? Map.of() : measures);
        out.putAll(medians());
        return out;
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
        if (!measures.keySet().containsAll(REQUIRED) || !MEASURES.containsAll(measures.keySet())) {
            out.add("the measures must include " + String.join(", ", REQUIRED) + " and may add only "
                    + String.join(", ", MEASURES.subList(REQUIRED.size(), MEASURES.size())) + ", not "
                    + measures.keySet());
            return out;
        }
        WITHIN.forEach((parent, parts) -> {
            for (String part : parts) {
                if (measures.containsKey(part) && !measures.containsKey(parent)) {
                    out.add(part + " is sent without " + parent + ", the count it is part of");
                }
            }
        });
        if (!FORCE.containsAll(force().keySet())) {
            out.add("the force-wide figures may be only " + String.join(", ", FORCE) + ", not " + force().keySet());
        }
        if (!MEDIAN_OF.keySet().containsAll(medians().keySet())) {
            out.add("the medians may be only " + String.join(", ", MEDIAN_OF.keySet()) + ", not " + medians().keySet());
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (String m : MEASURES) {
            if (!measures.containsKey(m)) {
                continue;
            }
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
        medianProblems(out);
        forceProblems(out);
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

    /** A median is whole days or withheld, on the grid's shape, and shown only where its count is shown. */
    private void medianProblems(List<String> out) {
        medians().forEach((m, rows) -> {
            List<List<String>> base = measures.get(MEDIAN_OF.get(m));
            if (rows == null || rows.size() != quarters.size() + 1) {
                out.add(m + ": expected " + (quarters.size() + 1) + " rows (each quarter, then the total)");
                return;
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row == null || row.size() != groups.size() + 1) {
                    out.add(m + ", " + (r < quarters.size() ? quarters.get(r) : "total") + ": expected " + (groups.size() + 1) + " cells");
                    continue;
                }
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c);
                    if (cell == null || !MEDIAN.matcher(cell).matches()) {
                        out.add(m + ", " + label(r, c) + ": \"" + cell + "\" is not a number of days or [c]");
                    } else if (!SmallNumbers.WITHHELD.equals(cell) && base != null && r < base.size()
                            && c < base.get(r).size() && !isShownCount(base.get(r).get(c))) {
                        out.add(m + ", " + label(r, c) + ": a median is shown where its count (" + MEDIAN_OF.get(m)
                                + ") is not; withhold it");
                    }
                }
            }
        });
    }

    /** The force-wide figures: one cell a quarter, each of its form, and none that gives a small number away. */
    private void forceProblems(List<String> out) {
        force().forEach((m, cells) -> {
            if (cells == null || cells.size() != quarters.size()) {
                out.add(m + ": expected " + quarters.size() + " cells (each quarter)");
                return;
            }
            for (int q = 0; q < cells.size(); q++) {
                String cell = cells.get(q);
                String at = m + ", " + quarters.get(q);
                boolean mean = FEEDBACK_MEAN.equals(m);
                boolean median = CASELOAD.equals(m);
                if (cell == null || !(mean ? MEAN : median ? MEDIAN : CELL).matcher(cell).matches()) {
                    out.add(at + ": \"" + cell + "\" is not " + (mean ? "a mean score from 1.00 to 5.99 or [c]"
                            : median ? "a number of crimes or [c]" : "a count, <5 or [c]"));
                } else if (!mean && !median && isShownCount(cell) && Long.parseLong(cell) <= 4) {
                    out.add(at + ": a count of " + cell + " is shown; counts under 5 must be shown as <5");
                }
            }
        });
        if (!out.isEmpty()) {
            return;
        }
        for (int q = 0; q < quarters.size(); q++) {
            String at = quarters.get(q);
            if (isMean(cell(FEEDBACK_MEAN, q))) {
                if (!isShownCount(cell(FEEDBACK_RESPONSES, q))) {
                    out.add(FEEDBACK_MEAN + ", " + at + ": a mean is shown where the forms it rests on are not; "
                            + "withhold it");
                }
            }
            String officers = cell(OFFICERS, q);
            String accredited = cell(ACCREDITED, q);
            if (isShownCount(accredited)) {
                if (!isShownCount(officers)) {
                    out.add(ACCREDITED + ", " + at + ": shown where the officers are not; withhold it");
                } else {
                    long rest = Long.parseLong(officers) - Long.parseLong(accredited);
                    if (rest < 0 || (rest > 0 && rest < 5)) {
                        out.add(ACCREDITED + ", " + at + ": the officers not accredited (" + rest + ") can be worked "
                                + "out and are not 0 or 5 or more; withhold it");
                    }
                }
            }
        }
    }

    private String cell(String measure, int quarter) {
        List<String> cells = force().get(measure);
        return cells == null ? null : cells.get(quarter);
    }

    private static boolean isMean(String cell) {
        return cell != null && !SmallNumbers.WITHHELD.equals(cell) && MEAN.matcher(cell).matches();
    }

    private static boolean isShownCount(String cell) {
        return cell != null && CELL.matcher(cell).matches() && !SmallNumbers.Grid.suppressed(cell);
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
        Map<String, List<List<String>>> medians = new LinkedHashMap<>();
        Map<String, List<String>> force = new LinkedHashMap<>();
        java.util.Set<String> sent = new java.util.HashSet<>(cells.stream().map(HubRepository.Cell::measure).toList());
        for (String m : MEASURES) {
            if (sent.contains(m)) {
                measures.put(m, emptyGrid(rows.size(), columns.size()));
            }
        }
        for (String m : MEDIAN_OF.keySet()) {
            if (sent.contains(m)) {
                medians.put(m, emptyGrid(rows.size(), columns.size()));
            }
        }
        for (String m : FORCE) {
            if (sent.contains(m)) {
                force.put(m, new ArrayList<>(java.util.Collections.nCopies(quarters.size(), (String) null)));
            }
        }
        for (HubRepository.Cell c : cells) {
            if (force.containsKey(c.measure())) {
                force.get(c.measure()).set(quarters.indexOf(c.quarter()), c.shown());
                continue;
            }
            List<List<String>> grid = measures.containsKey(c.measure()) ? measures.get(c.measure())
                    : medians.get(c.measure());
            if (grid != null) {
                grid.get(rows.indexOf(c.quarter())).set(columns.indexOf(c.group()), c.shown());
            }
        }
        return new BenchmarkBundle(null, quarters, groups, measures, medians, force.isEmpty() ? null : force);
    }

    private static List<List<String>> emptyGrid(int rows, int columns) {
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            grid.add(new ArrayList<>(java.util.Collections.nCopies(columns, (String) null)));
        }
        return grid;
    }
}
