package org.soteria.assessment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.platform.Fault;
import org.soteria.research.InterruptedTimeSeries;
import org.springframework.stereotype.Component;

/**
 * Did an improvement action work (issue 26): its linked measure month by month, up to a year either side of the
 * month it went live, read by interrupted time series (the method research projects use: the change in level and in
 * trend, with 95% intervals and a plain reading), not by one period's rate against another's, which mistakes a
 * trend already under way, or a chance high, for the action's effect.
 */
@Component
public class ActionEffect {

    /** Months read on each side of the month the action went live, at most. */
    static final int MONTHS = 12;
    /** Fewer whole months than this on either side and there is no reading yet. */
    static final int FEWEST = 3;

    private final MeasureService measures;

    ActionEffect(MeasureService measures) {
        this.measures = measures;
    }

    /**
     * The reading, or why there is none yet ({@code refusal}, a message code); null for an action with no measure or
     * not yet live. The month it went live is the first month after the change; months run to the last whole
     * month before {@code today}, less any months without a rate at either end.
     */
    public record Effect(PlanMeasure measure, YearMonth from, YearMonth change, YearMonth to,
            InterruptedTimeSeries.Result its, String refusal) {
    }

    /** The reading on each measure the action is linked to, from one month-by-month series; none until it is live. */
    List<Effect> of(String forceCode, ImprovementRepository.Action a, LocalDate today) {
        if (a.measures().isEmpty() || a.liveOn() == null || a.liveOn().isAfter(today)) {
            return List.of();
        }
        YearMonth change = YearMonth.from(a.liveOn());
        YearMonth from = change.minusMonths(MONTHS);
        YearMonth lastWhole = YearMonth.from(today).minusMonths(1);
        YearMonth to = lastWhole.isAfter(change.plusMonths(MONTHS - 1)) ? change.plusMonths(MONTHS - 1) : lastWhole;
        long after = to.isBefore(change) ? 0 : change.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (after < FEWEST) {
            return a.measures().stream().map(m -> new Effect(m, from, change, to, null,
                    Fault.of("improvement.effect.tooSoon", Fault.count(after), FEWEST))).toList();
        }
        MeasureFilter force = MeasureFilter.of(Map.of("force", List.of(forceCode)));
        List<Measures> months = measures.series(new MeasureQuery(from.atDay(1), to.atEndOfMonth(), today, force), false);
        return a.measures().stream().map(m -> read(m, months, from, change, to)).toList();
    }

    private static Effect read(PlanMeasure m, List<Measures> months, YearMonth from, YearMonth change, YearMonth to) {
        double[] y = new double[months.size()];
        for (int i = 0; i < y.length; i++) {
            Double v = m.of(months.get(i)).value();
            y[i] = v == null ? Double.NaN : 100 * v;
        }
        // Months without a rate at either end (a force's data starting late, the last month's outcomes not yet in)
        // shorten the series; one in the middle would break the month-to-month trend, so there is no reading.
        int first = 0;
        while (first < y.length && Double.isNaN(y[first])) {
            first++;
        }
        int last = y.length - 1;
        while (last >= first && Double.isNaN(y[last])) {
            last--;
        }
        long inside = java.util.stream.IntStream.rangeClosed(first, last).filter(i -> Double.isNaN(y[i])).count();
        if (inside > 0) {
            return new Effect(m, from, change, to, null, Fault.of("improvement.effect.noData", Fault.count(inside)));
        }
        if (MONTHS - first < FEWEST || last - MONTHS + 1 < FEWEST) {
            return new Effect(m, from, change, to, null, Fault.of("improvement.effect.tooFew",
                    Fault.count(Math.max(0, MONTHS - first)), Fault.count(Math.max(0, last - MONTHS + 1)), FEWEST));
        }
        return new Effect(m, from.plusMonths(first), change, from.plusMonths(last),
                InterruptedTimeSeries.fit(java.util.Arrays.copyOfRange(y, first, last + 1), MONTHS - first,
                        "percentage points"), null);
    }
}
