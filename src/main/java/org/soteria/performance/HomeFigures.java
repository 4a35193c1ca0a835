package org.soteria.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.soteria.home.Figure;
import org.soteria.home.FigureSource;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/**
 * The force's figures on the home page of those who steer its improvement: the charge rate and the Victims' Code
 * duties met on time over the last twelve complete months, each against the twelve months before, at force level
 * (as the dashboard shows them, exact). Nothing while the measures are still loading after a restart.
 */
@ForceMode
@Component
class HomeFigures implements FigureSource {

    private final MeasureService measures;

    HomeFigures(MeasureService measures) {
        this.measures = measures;
    }

    @Override
    public List<Figure> figures(SoteriaUser user) {
        // Those who steer the force's improvement (supervisors, analysts, the force lead), not every case worker.
        if (!user.can(Permission.VIEW_MEASURES) || !user.can(Permission.VIEW_IMPROVEMENT_PLAN)
                || user.forceCode() == null || !measures.readyForPages()) {
            return List.of();
        }
        LocalDate today = measures.today();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(11);
        MeasureFilter force = MeasureFilter.of(Map.of());
        MeasureQuery now = measures.scope(new MeasureQuery(first.atDay(1), last.atEndOfMonth(), today, force), user);
        MeasureQuery before = now.withPeriod(first.minusMonths(12).atDay(1), first.minusMonths(1).atEndOfMonth());
        Measures m = measures.publish(now);
        Measures b = measures.publish(before);
        measures.audited(user, false, "home page figures", now);
        List<Figure> out = new ArrayList<>();
        String href = "/performance?from=" + first.atDay(1) + "&to=" + last.atEndOfMonth();
        add(out, "homeFigure.chargeRate", m.chargeRate().value(), b.chargeRate().value(), first, last, href);
        add(out, "homeFigure.victimsCode", m.victimsCodeCompliance().total().value(),
                b.victimsCodeCompliance().total().value(), first, last, href);
        return out;
    }

    private static void add(List<Figure> out, String label, Double now, Double before, YearMonth first, YearMonth last,
            String href) {
        if (now == null) {
            return;
        }
        String value = String.format(Locale.UK, "%.1f%%", now * 100);
        String comparison = before == null ? Fault.of("homeFigure.period", Fault.month(first), Fault.month(last))
                : Fault.of("homeFigure.periodAndChange", Fault.month(first), Fault.month(last),
                        String.format(Locale.UK, "%+.1f", (now - before) * 100));
        out.add(new Figure(label, value, comparison, href));
    }
}
