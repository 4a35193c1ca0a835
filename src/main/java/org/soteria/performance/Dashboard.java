package org.soteria.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.soteria.platform.Fault;
import org.soteria.reference.OutcomeGroup;
import org.soteria.reference.WithdrawalReason;
import org.soteria.web.Labels;

/**
 * The dashboard's views for one query: each a table of numbers (shown on the page and downloadable
 * as CSV and XLSX) and, where it helps, a chart drawn from the same numbers.
 */
public final class Dashboard {

    /** One view: its table and its chart (SVG, or null). */
    public record View(String key, Table table, String chart) {
    }

    /** A headline measure: this period, the previous period and the same period a year before. */
    private record Headline(String title, Measure measure, Function<Measures, Number> value, boolean rate) {
    }

    /** What a cell says in place of a figure withheld because it rests on too few crimes (ADR 24). */
    public static final String WITHHELD = "too few crimes to show";

    /** The value, or {@link #WITHHELD} when its measure is withheld from these measures. */
    private static Object v(Measures m, Measure measure, Object value) {
        return m.isWithheld(measure) ? WITHHELD : value;
    }

    private static final List<Headline> HEADLINES = List.of(
            new Headline("Crimes recorded", Measure.RECORDED, Measures::recorded, false),
            new Headline("Outcomes assigned", Measure.OUTCOMES_ASSIGNED, Measures::outcomesAssigned, false),
            new Headline("Charge rate", Measure.CHARGE_RATE, m -> m.chargeRate().value(), true),
            new Headline("Charged so far (crimes recorded in the period)", Measure.COHORT_CHARGE_RATE, m -> m.cohortChargeRate().value(), true),
            new Headline("Victim does not support (outcomes 14 and 16)", Measure.VICTIM_DOES_NOT_SUPPORT_RATE, m -> m.victimDoesNotSupportRate().value(), true),
            new Headline("Median days from report to charge", Measure.DAYS_TO_CHARGE, m -> m.daysToCharge().median(), false),
            new Headline("CPS charge rate", Measure.CPS_CHARGE_RATE, m -> m.cpsChargeRate().value(), true),
            new Headline("Files returned by the CPS", Measure.CPS_FILES_RETURNED,
                    m -> m.partners().filesReturned().value(), true),
            new Headline("Victims referred to an ISVA", Measure.ISVA_REFERRALS,
                    m -> m.partners().isvaReferrals().value(), true),
            new Headline("Withdrawals after a referral to an ISVA", Measure.WITHDRAWALS_WITH_ISVA,
                    m -> m.partners().withdrawalsWithIsva().value(), true),
            new Headline("Victims referred to an ISVA and supported by one", Measure.ISVA_SUPPORTED,
                    m -> m.partners().isvaSupported().value(), true),
            new Headline("Withdrawals after support from an ISVA", Measure.WITHDRAWALS_AFTER_ISVA_SUPPORT,
                    m -> m.partners().withdrawalsAfterIsvaSupport().value(), true),
            new Headline("Early advice answered within target", Measure.EARLY_ADVICE_WITHIN_TARGET,
                    m -> m.partners().earlyAdviceWithinTarget().value(), true),
            new Headline("Police actions overdue", Measure.POLICE_ACTIONS_OVERDUE,
                    m -> m.partners().policeActionsOverdue().value(), true),
            new Headline("CPS actions overdue", Measure.CPS_ACTIONS_OVERDUE,
                    m -> m.partners().cpsActionsOverdue().value(), true),
            new Headline("Conviction rate", Measure.CONVICTION_RATE, m -> m.convictionRate().value(), true),
            new Headline("Victims' Code duties met on time", Measure.VICTIMS_CODE_COMPLIANCE, m -> m.victimsCodeCompliance().total().value(), true),
            new Headline("Crimes with a repeat suspect", Measure.REPEAT_SUSPECT_SHARE, m -> m.repeatSuspectShare().value(), true),
            new Headline("Reported by a third party", Measure.THIRD_PARTY_SHARE, m -> m.thirdPartyShare().value(), true));

    private Dashboard() {
    }

    public static View headline(Measures now, Measures previous, Measures yearBefore) {
        List<List<Object>> rows = new ArrayList<>();
        for (Headline h : HEADLINES) {
            Number a = h.value().apply(now);
            Number b = h.value().apply(previous);
            Number c = h.value().apply(yearBefore);
            rows.add(row(h.title(), v(now, h.measure(), a), v(previous, h.measure(), b),
                    now.isWithheld(h.measure()) || previous.isWithheld(h.measure()) ? null : change(a, b),
                    v(yearBefore, h.measure(), c),
                    now.isWithheld(h.measure()) || yearBefore.isWithheld(h.measure()) ? null : change(a, c)));
        }
        return new View("headline", new Table("Headline measures", List.of("Measure", "This period",
                "Previous period", "Change on previous period", "Same period a year before", "Change on a year before"),
                rows), null);
    }

    public static View funnel(Measures m, Words w) {
        List<List<Object>> rows = new ArrayList<>();
        List<Charts.Bar> bars = new ArrayList<>();
        for (Measures.FunnelStage s : m.attritionFunnel()) {
            String label = stageLabel(s.stage());
            rows.add(row(label, v(m, Measure.ATTRITION_FUNNEL, s.count()), s.shareOfRecorded(), s.shareOfPrevious()));
            bars.add(new Charts.Bar(w.text(label), s.count(), String.format("%,d", s.count())));
        }
        return new View("funnel", new Table("Attrition funnel", List.of("Stage", "Crimes", "Share of recorded",
                "Share of previous stage"), rows), Charts.bars("funnel-chart", w.text("Attrition funnel"),
                w.say("chart.funnel.description"), bars));
    }

    public static View outcomes(List<Measures> series, boolean quarterly, Words w) {
        List<String> headers = new ArrayList<>(List.of(quarterly ? "Quarter" : "Month", "Outcomes assigned"));
        List<String> groups = new ArrayList<>();
        for (OutcomeGroup g : OutcomeGroup.values()) {
            headers.add(g.label());
            groups.add(w.of(g));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        double[][] shares = new double[series.size()][groups.size()];
        for (int i = 0; i < series.size(); i++) {
            Measures m = series.get(i);
            String label = w.period(m.query().from(), quarterly);
            columns.add(label);
            List<Object> row = new ArrayList<>(List.of(label, v(m, Measure.OUTCOMES_ASSIGNED, m.outcomesAssigned())));
            int k = 0;
            for (OutcomeGroup g : OutcomeGroup.values()) {
                Double share = m.outcomeGroupShares().get(g.code()).share();
                row.add(share);
                shares[i][k++] = share == null ? 0 : share;
            }
            rows.add(row);
        }
        return new View("outcomes", new Table("Outcome groups over time", headers, rows),
                Charts.stacked("outcomes-chart", w.text("Outcome groups over time"),
                        w.say(quarterly ? "chart.outcomes.descriptionQuarter" : "chart.outcomes.descriptionMonth"),
                        columns, groups, shares));
    }

    public static View timeliness(Measures m, Words w) {
        List<List<Object>> rows = new ArrayList<>();
        addDistribution(rows, "Report to charge", m.daysToCharge(), m.isWithheld(Measure.DAYS_TO_CHARGE));
        addDistribution(rows, "Report to outcome", m.daysToOutcome(), m.isWithheld(Measure.DAYS_TO_OUTCOME));
        addDistribution(rows, "Report to CPS referral", m.daysReportToCpsReferral(),
                m.isWithheld(Measure.DAYS_REPORT_TO_CPS_REFERRAL));
        addDistribution(rows, "CPS referral to charging decision (count of decisions)", m.partners().daysReferralToDecision(),
                m.isWithheld(Measure.DAYS_REFERRAL_TO_CPS_DECISION));
        addDistribution(rows, "CPS return to resubmission (count of resubmissions)", m.partners().daysReturnToResubmission(),
                m.isWithheld(Measure.DAYS_RETURN_TO_RESUBMISSION));
        List<Charts.Bar> bars = new ArrayList<>();
        for (List<Object> r : rows) {
            Number median = r.get(3) instanceof Number n ? n : null;
            bars.add(new Charts.Bar(w.text((String) r.get(0)), median == null ? 0 : median.doubleValue(),
                    median == null ? w.say("chart.noData") : w.say("chart.days", median)));
        }
        List<List<Object>> open = new ArrayList<>();
        m.openAfterDays().forEach((n, c) -> open.add(row("Still open after " + n + " days",
                v(m, Measure.OPEN_AFTER_DAYS, c), "", "", "")));
        rows.addAll(open);
        // the count is of crimes for most rows, of charging decisions and of resubmissions for the CPS rows
        return new View("timeliness", new Table("Timeliness (days)", List.of("Measure", "Count", "25th percentile",
                "Median", "90th percentile"), rows), Charts.bars("timeliness-chart", w.text("Median days"),
                w.say("chart.timeliness.description"), bars));
    }

    /**
     * The charge rate's XmR chart: a period without outcomes (or whose figures are withheld) is a gap, not 0%; each
     * note (an improvement action going live, {@link ChartNotes}) marks its period, and the table says what it was.
     */
    public static View xmr(List<Measures> series, boolean quarterly, List<ChartNotes.Note> notes, Words w) {
        double[] values = new double[series.size()];
        List<String> labels = new ArrayList<>();
        List<Charts.Mark> marks = new ArrayList<>();
        List<String> happened = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Double v = series.get(i).chargeRate().value();
            values[i] = v == null ? Double.NaN : v;
            labels.add(w.period(series.get(i).query().from(), quarterly));
            List<String> within = new ArrayList<>();
            for (ChartNotes.Note n : notes) {
                if (!n.on().isBefore(series.get(i).query().from()) && !n.on().isAfter(series.get(i).query().to())) {
                    within.add(n.words());
                    marks.add(new Charts.Mark(i, w.text(n.words())));
                }
            }
            happened.add(within.isEmpty() ? "" : within.size() == 1 ? within.get(0)
                    : Fault.of("perf.xmr.actionsLive", within.size()));
        }
        Charts.Xmr chart = Charts.Xmr.of(values);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Measures.Rate r = series.get(i).chargeRate();
            Measures mi = series.get(i);
            rows.add(row(labels.get(i), v(mi, Measure.CHARGE_RATE, r.numerator()), v(mi, Measure.CHARGE_RATE,
                    r.denominator()), v(mi, Measure.CHARGE_RATE, r.value()), chart.mean(), chart.lowerLimit(),
                    chart.upperLimit(), chart.signals()[i] ? "Signal" : "", happened.get(i)));
        }
        String description = w.say(quarterly ? "chart.xmr.descriptionQuarter" : "chart.xmr.descriptionMonth",
                Charts.percent(chart.mean()), Charts.percent(chart.lowerLimit()), Charts.percent(chart.upperLimit()));
        return new View("xmr", new Table("Charge rate, XmR chart", List.of(quarterly ? "Quarter" : "Month", "Charged",
                "Outcomes assigned", "Charge rate", "Mean", "Lower limit", "Upper limit", "Signal",
                "Improvement action went live"), rows),
                Charts.xmr("xmr-chart", w.text("Charge rate: is the change real?"), description, labels, chart, marks));
    }

    public static View victims(Measures m) {
        List<List<Object>> rows = new ArrayList<>();
        Measures.Breakdown c = m.victimsCodeCompliance();
        rows.add(row("Victims' Code duties met on time", v(m, Measure.VICTIMS_CODE_COMPLIANCE, c.total().numerator()),
                v(m, Measure.VICTIMS_CODE_COMPLIANCE, c.total().denominator()), c.total().value()));
        c.by().forEach((type, r) -> rows.add(row(org.soteria.reference.Coded.parse(org.soteria.victim.VictimsCode.ObligationType.class, type)
                .map(t -> Fault.of("perf.row.part", "~" + t.messageKey())).orElse("  " + type.replace('_', ' ')),
                r.numerator(), r.denominator(), r.value())));
        Measures.Withdrawals w = m.withdrawalByStageAndReason();
        rows.add(row("Victim withdrawals", v(m, Measure.WITHDRAWAL_BY_STAGE_AND_REASON, w.total()), null, null));
        for (WithdrawalReason reason : WithdrawalReason.values()) {
            rows.add(row(Fault.of("perf.row.reason", "~" + reason.messageKey()), w.byReason().get(reason.code()),
                    w.total(), share(w.byReason().get(reason.code()), w.total())));
        }
        w.byStage().forEach((stage, n) -> rows.add(row(Fault.of("perf.row.atStage",
                "~" + Labels.textKey(stageLabel(stage))), n, w.total(), share(n, w.total()))));
        Measures.Feedback f = m.victimFeedback();
        rows.add(row(feedbackLabel(f), f.notPublished() == null ? f.responses() : null, null, null));
        if (f.withheld()) {
            rows.add(row(Fault.of("perf.row.monthsLeftOut", f.monthsWithheld()), null, null, null));
        }
        rows.add(row("  dignity and respect (mean 1 to 5)", null, null, f.dignity()));
        rows.add(row("  fairness (mean 1 to 5)", null, null, f.fairness()));
        rows.add(row("  voice (mean 1 to 5)", null, null, f.voice()));
        rows.add(row("  safety (mean 1 to 5)", null, null, f.safety()));
        rows.add(row("  trustworthiness (mean 1 to 5)", null, null, f.trust()));
        return new View("victims", new Table("Victims", List.of("Measure", "Count", "Out of", "Value"), rows), null);
    }

    /** What the published feedback covers, in words: its months, or why nothing is published. */
    static String feedbackLabel(Measures.Feedback f) {
        if (f.notShown() != null) {
            return f.notShown();
        }
        if (f.months().isEmpty()) {
            return "{perf.row.feedbackNone}";
        }
        java.time.YearMonth first = f.months().get(0);
        java.time.YearMonth last = f.months().get(f.months().size() - 1);
        String late = f.includesLate() ? Fault.message("perf.row.feedbackLate") : "";
        return first.equals(last) ? Fault.of("perf.row.feedbackMonth", Fault.month(first), late)
                : Fault.of("perf.row.feedbackMonths", Fault.month(first), Fault.month(last), late);
    }

    public static View suspects(Measures m) {
        List<List<Object>> rows = new ArrayList<>();
        Measures.Rate r = m.repeatSuspectShare();
        rows.add(row("Crimes with a repeat suspect", v(m, Measure.REPEAT_SUSPECT_SHARE, r.numerator()),
                v(m, Measure.REPEAT_SUSPECT_SHARE, r.denominator()), r.value()));
        rows.add(row("Civil orders and bail conditions in force", v(m, Measure.ACTIVE_DISRUPTIONS,
                m.activeDisruptions().total()), null, null));
        m.activeDisruptions().byType().forEach((type, n) -> rows.add(row("  " + type, n, null, null)));
        Measures.Caseload c = m.openCaseload();
        rows.add(row("Officers with open crimes", c.officers(), null, null));
        rows.add(row("  open crimes per officer, median", c.median(), null, null));
        rows.add(row("  open crimes per officer, 90th percentile", c.p90(), null, null));
        rows.add(row("  open crimes per officer, most", c.max(), null, null));
        rows.add(row("  officers above the caseload threshold", c.aboveThreshold(), null, null));
        Measures.Rate a = m.accreditedShare();
        rows.add(row("Officers with a current accreditation", a.numerator(), a.denominator(), a.value()));
        rows.add(row("Days officers were taken off RASSO work", m.abstractionDays(), null, null));
        return new View("suspects", new Table("Suspects and workforce", List.of("Measure", "Count", "Out of", "Value"),
                rows), null);
    }

    /** Key measures per team or officer. */
    public static View breakdown(String key, String label, List<MeasureService.Breakdown> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (MeasureService.Breakdown b : rows) {
            Measures m = b.measures();
            out.add(row(b.code(), v(m, Measure.RECORDED, m.recorded()), v(m, Measure.OUTCOMES_ASSIGNED,
                    m.outcomesAssigned()), m.chargeRate().value(), m.cohortChargeRate().value(),
                    v(m, Measure.DAYS_TO_CHARGE, m.daysToCharge().median()), m.victimsCodeCompliance().total().value(),
                    b.openWithheld() ? WITHHELD : b.openCrimes()));
        }
        return new View(key, new Table("Measures by " + label.toLowerCase(), List.of(label, "Crimes recorded",
                "Outcomes assigned", "Charge rate", "Charged so far", "Median days to charge",
                "Victims' Code duties met on time", "Open crimes at the as-known-on date"), out), null);
    }

    public static View all(Measures m) {
        return new View("measures", MeasureTable.of(m), null);
    }

    static String stageLabel(String stage) {
        return switch (stage) {
            case "recorded" -> "Recorded";
            case "suspect_identified" -> "Suspect identified";
            case "arrested_or_interviewed" -> "Arrested or interviewed";
            case "referred_to_cps" -> "Referred to CPS";
            case "charged" -> "Charged";
            case "convicted" -> "Convicted";
            default -> stage;
        };
    }

    private static void addDistribution(List<List<Object>> rows, String label, Measures.Distribution d,
            boolean withheld) {
        rows.add(withheld ? row(label, WITHHELD, null, null, null) : row(label, d.count(), d.p25(), d.median(), d.p90()));
    }

    private static Double share(Long n, long total) {
        return n == null || total == 0 ? null : (double) n / total;
    }

    private static Number change(Number a, Number b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Double || b instanceof Double) {
            return a.doubleValue() - b.doubleValue();
        }
        return a.longValue() - b.longValue();
    }

    private static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>();
        java.util.Collections.addAll(r, cells);
        return r;
    }

    /** Every view in order, keyed for the download links. */
    public static Map<String, View> byKey(List<View> views) {
        Map<String, View> out = new LinkedHashMap<>();
        views.forEach(v -> out.put(v.key(), v));
        return out;
    }
}
