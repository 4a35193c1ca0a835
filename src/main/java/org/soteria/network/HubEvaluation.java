package org.soteria.network;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.research.InterruptedTimeSeries;
import org.soteria.research.StaggeredDifferenceInDifferences;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluation across forces (issue 28, ADR 36): did forces' rates change after they joined Operation Soteria, compared
 * with forces that had not yet joined? On the hub's quarterly series (each force's latest benchmark, all offence
 * groups), staggered difference-in-differences: each joining cohort against forces not yet joined, never against
 * forces already joined. A force counts as joined from the first full quarter after the day the national team records.
 */
@Service
public class HubEvaluation {

    /** The fewest forces on either side before the result carries a warning. */
    static final int FEW_FORCES = 3;

    private final HubRepository repository;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    HubEvaluation(HubRepository repository, AuditService audit, TransactionTemplate tx, java.time.Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
    }

    /** Records (or, when {@code on} is null, clears) the day a force joined the programme. */
    public void setJoined(String code, String typed, SoteriaUser by) {
        LocalDate on = org.soteria.web.form.FormValues.date(typed);
        if (typed != null && !typed.isBlank() && on == null) {
            throw new Invalid("joinedOn", "{hubEvalError.joinedNotADate}");
        }
        if (on != null && (on.getYear() < 2000 || on.isAfter(LocalDate.now(clock).plusYears(5)))) {
            throw new Invalid("joinedOn", "{hubEvalError.joinedOutOfRange}");
        }
        tx.executeWithoutResult(s -> {
            repository.joined(code, on);
            audit.record(by.getUsername(), by.role().name(), AuditAction.CHANGE, "hub_force", code,
                    on == null ? "joining date cleared" : "joined Operation Soteria on " + on);
        });
    }

    /** A joining cohort: the quarter from which its forces count as joined, and the forces' names. */
    public record CohortRow(String quarter, List<String> forces) {
    }

    /** One quarter relative to joining: -1 is the last quarter before (the base), 0 the first quarter joined. */
    public record EventRow(int quarters, InterruptedTimeSeries.Estimate points, int forces) {

        public boolean base() {
            return quarters == -1;
        }
    }

    /**
     * The evaluation of one measure: the quarters, cohorts, the overall effect and the event study in percentage
     * points, the forces compared throughout, those left out, and the reading, assumptions and warnings as message
     * codes the page puts into its language. {@code effect} is null when there is nothing to estimate, and
     * {@code missing} then says why.
     */
    public record Evaluation(Compared measure, List<String> quarters, List<CohortRow> cohorts,
            InterruptedTimeSeries.Estimate effect, int joinedForces, List<EventRow> events, List<String> comparison,
            List<String> leftOut, List<String> warnings, String reading, String missing) {

        public static final List<String> ASSUMPTIONS = List.of("{hubEval.assumption.parallel}",
                "{hubEval.assumption.anticipation}", "{hubEval.assumption.spillover}", "{hubEval.assumption.dates}",
                "{hubEval.assumption.recording}");
    }

    private static YearMonth quarterStart(String q) {
        return YearMonth.of(Integer.parseInt(q.substring(0, 4)), (q.charAt(6) - '1') * 3 + 1);
    }

    /** The first quarter a force counts as joined: the quarter of the day if it is the quarter's first, else the next. */
    static YearMonth firstJoinedQuarter(LocalDate joined) {
        YearMonth q = YearMonth.of(joined.getYear(), ((joined.getMonthValue() - 1) / 3) * 3 + 1);
        return joined.equals(q.atDay(1)) ? q : q.plusMonths(3);
    }

    public Evaluation evaluate(Compared measure) {
        Map<String, HubRepository.HubForce> forces = new LinkedHashMap<>();
        repository.forces().stream().filter(HubRepository.HubForce::approved).forEach(f -> forces.put(f.code(), f));
        Map<String, Map<String, Map<String, String>>> cells = new LinkedHashMap<>();
        TreeSet<String> quarterSet = new TreeSet<>();
        for (HubRepository.Cell c : repository.cells(BenchmarkBundle.ALL_GROUPS)) {
            if (!SmallNumbers.TOTAL.equals(c.quarter()) && forces.containsKey(c.force())) {
                quarterSet.add(c.quarter());
                cells.computeIfAbsent(c.force(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.quarter(), k -> new LinkedHashMap<>()).put(c.measure(), c.shown());
            }
        }
        List<String> quarters = new ArrayList<>(quarterSet);
        if (quarters.isEmpty()) {
            return new Evaluation(measure, quarters, List.of(), null, 0, List.of(), List.of(), List.of(), List.of(),
                    null, "{hubEval.missing.noBenchmarks}");
        }
        YearMonth first = quarterStart(quarters.get(0));
        int periods = (int) (first.until(quarterStart(quarters.get(quarters.size() - 1)),
                java.time.temporal.ChronoUnit.MONTHS) / 3) + 1;
        List<StaggeredDifferenceInDifferences.Unit> units = new ArrayList<>();
        List<String> comparison = new ArrayList<>();
        for (var e : cells.entrySet()) {
            HubRepository.HubForce f = forces.get(e.getKey());
            double[] y = new double[periods];
            java.util.Arrays.fill(y, Double.NaN);
            e.getValue().forEach((q, byMeasure) -> {
                double[] nx = measure.counts(byMeasure);
                if (nx != null) {
                    int t = (int) (first.until(quarterStart(q), java.time.temporal.ChronoUnit.MONTHS) / 3);
                    y[t] = measure.value(nx);
                }
            });
            Integer treated = null;
            if (f.joinedOn() != null) {
                int t = (int) Math.floorDiv(first.until(firstJoinedQuarter(f.joinedOn()),
                        java.time.temporal.ChronoUnit.MONTHS), 3);
                treated = t >= periods ? null : Math.max(t, 0);
            }
            if (treated == null) {
                comparison.add(f.name());
            }
            units.add(new StaggeredDifferenceInDifferences.Unit(f.name(), treated, y));
        }
        StaggeredDifferenceInDifferences.Result r = StaggeredDifferenceInDifferences.fit(units, periods);
        List<String> allQuarters = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            YearMonth q = first.plusMonths(3L * t);
            allQuarters.add(NetworkService.quarterName(q));
        }
        if (r == null) {
            return new Evaluation(measure, allQuarters, List.of(), null, 0, List.of(), comparison, List.of(),
                    List.of(), null, "{hubEval.missing.noCohort}");
        }
        List<CohortRow> cohorts = r.cohorts().stream().map(c -> new CohortRow(allQuarters.get(c.firstTreated()),
                c.units())).toList();
        List<EventRow> events = new ArrayList<>();
        r.byEventTime().forEach((e, effect) -> events.add(new EventRow(e, points(measure, effect.estimate()),
                effect.treatedUnits())));
        InterruptedTimeSeries.Estimate effect = points(measure, r.overall().estimate());
        List<String> warnings = new ArrayList<>();
        if (r.preTrendsDoubtful()) {
            warnings.add("{hubEval.warning.preTrends}");
        }
        int joined = r.overall().treatedUnits();
        if (joined < FEW_FORCES || comparison.size() < FEW_FORCES) {
            warnings.add(Fault.of("hubEval.warning.fewForces", joined, comparison.size()));
        }
        if (!r.alreadyTreated().isEmpty()) {
            warnings.add(Fault.of("hubEval.warning.alreadyJoined", String.join(", ", r.alreadyTreated())));
        }
        return new Evaluation(measure, allQuarters, cohorts, effect, joined, events, comparison, r.alreadyTreated(),
                warnings, reading(measure, effect), null);
    }

    /** A rate's estimate in percentage points; a median's in days as it is. */
    private static InterruptedTimeSeries.Estimate points(Compared measure, InterruptedTimeSeries.Estimate e) {
        double k = measure.amount() ? 1 : 100;
        return new InterruptedTimeSeries.Estimate(k * e.value(), k * e.standardError(), k * e.lower(), k * e.upper());
    }

    private static String reading(Compared measure, InterruptedTimeSeries.Estimate e) {
        String code = !(e.lower() > 0 || e.upper() < 0) ? "hubEval.reading.noChange"
                : e.value() > 0 ? "hubEval.reading.rose" : "hubEval.reading.fell";
        boolean clear = !"hubEval.reading.noChange".equals(code);
        return Fault.of(code, "#hubEval.measure." + measure.code(), format(clear ? Math.abs(e.value()) : e.value()),
                format(e.lower()), format(e.upper()), "#hubEval.unit." + unit(measure));
    }

    /** The unit an estimate is in: percentage points for a rate, else the amount's own (days, crimes, score). */
    public static String unit(Compared measure) {
        return switch (measure.kind()) {
            case RATE -> "points";
            case MEAN -> "score";
            case MEDIAN -> measure.unit().substring(measure.unit().indexOf('.') + 1);
        };
    }

    private static String format(double v) {
        return String.format(java.util.Locale.UK, "%.1f", v);
    }
}
