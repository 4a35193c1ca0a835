package org.soteria.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.disclosure.Cell;
import org.soteria.disclosure.DisclosurePolicy;
import org.soteria.disclosure.PublishedAnswers;
import org.soteria.platform.Fault;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Measures for the pages, the API and the report command: computes them from the in-memory
 * snapshot, keeps users to their own force's data, and writes each view and export to the audit log.
 */
@Service
public class MeasureService {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MeasureStore store;
    private final MeasureEngine engine;
    private final AuditService audit;
    private final Clock clock;
    private final PublishedAnswers published;
    private final FeedbackCellsRepository feedback;
    private final DisclosurePolicy policy;

    MeasureService(MeasureStore store, MeasureEngine engine, AuditService audit, Clock clock, PublishedAnswers published,
            FeedbackCellsRepository feedback, DisclosurePolicy policy) {
        this.store = store;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
        this.published = published;
        this.feedback = feedback;
        this.policy = policy;
    }

    /**
     * Everything this service hands out passes here: victims' feedback is replaced by its published figure (ADR 24),
     * whole ended months only, fixed once published, and only cells of k people or more.
     */
    Measures shown(Measures m) {
        return m.withVictimFeedback(publishedFeedback(m.query()));
    }

    /** The fewest respondents any shown feedback figure rests on, each month. */
    public int minimumFeedback() {
        return policy.minimum();
    }

    private static final java.util.EnumSet<MeasureFilter.Key> FEEDBACK_KEYS = java.util.EnumSet.of(
            MeasureFilter.Key.FORCE, MeasureFilter.Key.TEAM, MeasureFilter.Key.OFFICER);

    /** The published feedback of a query: by force, team and officer only, over the period's whole ended months. */
    Measures.Feedback publishedFeedback(MeasureQuery q) {
        List<String> other = new ArrayList<>();
        q.filter().values().keySet().stream().filter(k -> !FEEDBACK_KEYS.contains(k)).forEach(k -> other.add(k.code()));
        if (!other.isEmpty()) {
            return Measures.Feedback.notPublished("victims' feedback is published by force, team and officer only, "
                    + "not by " + String.join(", ", other), Fault.of("perf.row.feedbackUnitsOnly", String.join(", ", other)));
        }
        LocalDate to = q.to().isAfter(q.asOf()) ? q.asOf() : q.to();
        if (to.isBefore(q.from())) {
            return Measures.Feedback.notPublished("the period starts after the as-of date",
                    "{perf.row.feedbackAfterAsOf}");
        }
        YearMonth[] months = PublishedAnswers.wholeMonths(q.from(), to);
        if (months[1].isBefore(months[0])) {
            return Measures.Feedback.notPublished("victims' feedback is published for whole calendar months, and the "
                    + "period holds none", "{perf.row.feedbackNoWholeMonth}");
        }
        if (!months[1].isBefore(published.currentMonth())) {
            months[1] = published.currentMonth().minusMonths(1);
        }
        Set<String> forces = q.filter().get(MeasureFilter.Key.FORCE);
        Set<String> teams = q.filter().get(MeasureFilter.Key.TEAM);
        Set<String> officers = q.filter().get(MeasureFilter.Key.OFFICER);
        java.util.function.Predicate<Cell> counted;
        if (!officers.isEmpty()) {
            counted = c -> officers.contains(Cell.officerOf(c.unit()))
                    && (teams.isEmpty() || teams.contains(Cell.teamOf(c.unit())));
        } else if (!teams.isEmpty()) {
            counted = c -> Cell.officerOf(c.unit()) == null && teams.contains(Cell.teamOf(c.unit()));
        } else {
            counted = c -> c.unit().equals(Cell.FORCE);
        }
        PublishedAnswers.Figure f = published.figure(feedback, forces.isEmpty() ? feedback.forces() : List.copyOf(forces),
                months[0], months[1], counted);
        Double[] m = f.means() == null ? new Double[5] : f.means();
        return new Measures.Feedback(f.responses(), m[0], m[1], m[2], m[3], m[4], f.months(), f.monthsWithheld(),
                f.includesLate(), null, null);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** The measures, from the in-memory engine. */
    public Measures compute(MeasureQuery q) {
        return shown(engine.compute(store.snapshot(), q));
    }

    /** Reads every record again, as at start-up (after a restore, or in tests that empty the database). */
    public void reloadAll() {
        store.reload();
        published.forget();
    }

    /** Picks up what imports changed now, instead of at the next scheduled refresh (benchmarks and tests). */
    public void refreshNow() {
        store.refresh();
    }

    /** When the measures last took in what imports changed (the snapshot's build time). */
    public java.time.ZonedDateTime refreshedAt() {
        return java.time.Instant.ofEpochMilli(store.snapshot().newest().loadedAt).atZone(LONDON);
    }

    public boolean ready() {
        return store.ready();
    }

    /**
     * For pages: whether the measures can be shown now, waiting a few seconds for the first load after
     * a start. A large force's first load takes minutes; pages say so instead of hanging.
     */
    public boolean readyForPages() {
        return store.ready() || store.awaitReady(java.time.Duration.ofSeconds(10));
    }

    /**
     * Keeps a user to their own force: with no force filter it adds theirs, and a filter naming another
     * force is refused. Users without a force (administrators) may ask for any.
     */
    public MeasureQuery scope(MeasureQuery q, SoteriaUser user) {
        String own = user.forceCode();
        Set<String> asked = q.filter().get(MeasureFilter.Key.FORCE);
        if (!q.filter().get(MeasureFilter.Key.OFFICER).isEmpty()
                && !user.can(org.soteria.security.Permission.VIEW_OFFICER_MEASURES)) {
            throw new MeasureFilter.Invalid("officer", "filter officer: measures by officer need the permission to see "
                    + "officers' measures, which your role does not have");
        }
        if (own == null) {
            return q;
        }
        if (!asked.isEmpty() && !(asked.size() == 1 && asked.contains(own))) {
            throw new MeasureFilter.Invalid("force", "filter force: you can see the measures of your own force (" + own
                    + ") only");
        }
        return q.withFilter(q.filter().with(MeasureFilter.Key.FORCE, own));
    }

    /** Audits a view or export of measures by a user; {@code what} says which view and format. */
    public void audited(SoteriaUser user, boolean export, String what, MeasureQuery q) {
        audit.record(user.getUsername(), user.role().code(), export ? AuditAction.EXPORT : AuditAction.VIEW,
                "measures", what, describe(q));
    }

    public static String describe(MeasureQuery q) {
        return q.from() + " to " + q.to() + ", as of " + q.asOf()
                + (q.filter().isEmpty() ? "" : ", " + q.filter().asMap());
    }

    /** The measures of each calendar month (or quarter) from {@code from} to {@code to}, for series and XmR charts. */
    public List<Measures> series(MeasureQuery q, boolean quarterly) {
        List<Measures> out = new ArrayList<>();
        YearMonth month = YearMonth.from(q.from());
        if (quarterly) {
            month = YearMonth.of(month.getYear(), ((month.getMonthValue() - 1) / 3) * 3 + 1);
        }
        YearMonth end = YearMonth.from(q.to());
        MeasureSnapshot facts = store.snapshot();
        while (!month.isAfter(end)) {
            YearMonth last = quarterly ? month.plusMonths(2) : month;
            out.add(shown(engine.computePeriod(facts, q.withPeriod(month.atDay(1), last.atEndOfMonth()))));
            month = last.plusMonths(1);
        }
        return out;
    }

    /** {@link #series} as pages show it: each period below force level withholds what rests on too few crimes. */
    public List<Measures> publishSeries(MeasureQuery q, boolean quarterly) {
        return series(q, quarterly).stream().map(this::belowForceLevel).toList();
    }

    /**
     * A team's or officer's measures of the period, with the crimes open at the as-of date ({@code openWithheld}
     * when they are too few to show, ADR 24).
     */
    public record Breakdown(String code, Measures measures, long openCrimes, boolean openWithheld) {
    }

    /**
     * The measures per team or per officer (the values of {@code key} found in the data), one row each, as shown:
     * each row is below force level, so what rests on fewer than k crimes is withheld.
     */
    public List<Breakdown> breakdown(MeasureQuery q, MeasureFilter.Key key) {
        MeasureSnapshot facts = store.snapshot();
        Map<String, Long> open = engine.openCrimesBy(facts, q, key);
        Set<String> wanted = q.filter().get(key);
        List<String> codes = new ArrayList<>();
        List<Measures> exact = new ArrayList<>();
        List<Measures> rows = new ArrayList<>();
        List<Long> opens = new ArrayList<>();
        for (String code : new TreeSet<>(open.keySet())) {
            if (wanted.isEmpty() || wanted.contains(code)) {
                Measures m = shown(engine.computeOnce(facts, q.withFilter(q.filter().with(key, code))));
                long openCrimes = open.get(code);
                if (m.recorded() > 0 || m.outcomesAssigned() > 0 || openCrimes > 0) {
                    codes.add(code);
                    exact.add(m);
                    rows.add(belowForceLevel(m));
                    opens.add(openCrimes);
                }
            }
        }
        // Rows asked for one by one are not a whole breakdown: only the full list has a total to protect against.
        List<Measures> protectedRows = wanted.isEmpty() ? secondary(exact, rows) : rows;
        boolean[] openHidden = wanted.isEmpty() ? openWithheld(opens) : null;
        List<Breakdown> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(new Breakdown(codes.get(i), protectedRows.get(i), opens.get(i),
                    openHidden == null ? policy.tooSmall(opens.get(i)) : openHidden[i]));
        }
        return out;
    }

    /**
     * The measures of a query as pages, downloads and the API show them (ADR 24). At force level they are exact; below
     * it (any filter but force) a measure resting on fewer than k crimes is withheld, since the user could not open
     * those crimes. {@link #compute} stays exact for the force's own report.
     */
    public Measures publish(MeasureQuery q) {
        return belowForceLevel(compute(q));
    }

    private Measures belowForceLevel(Measures m) {
        return m.query().filter().restrictsCrimes() ? m.withholding(tooFewCrimes(m)) : m;
    }

    /** A population of crimes (or events) some measures rest on: its size, and the measures withheld with it. */
    private record Population(java.util.function.ToLongFunction<Measures> size, List<Measure> measures) {
    }

    private static final List<Population> POPULATIONS = List.of(
            new Population(Measures::recorded, List.of(Measure.RECORDED, Measure.THIRD_PARTY_SHARE,
                    Measure.COHORT_CHARGE_RATE, Measure.ATTRITION_FUNNEL, Measure.OPEN_AFTER_DAYS,
                    Measure.REPEAT_SUSPECT_SHARE)),
            new Population(m -> m.repeatSuspectShare() == null ? 0 : m.repeatSuspectShare().denominator(),
                    List.of(Measure.REPEAT_SUSPECT_SHARE)),
            new Population(m -> m.n100Incidents().total(), List.of(Measure.N100_INCIDENTS)),
            new Population(Measures::outcomesAssigned, List.of(Measure.OUTCOMES_ASSIGNED, Measure.CHARGE_RATE,
                    Measure.VICTIM_DOES_NOT_SUPPORT_RATE, Measure.VICTIM_DOES_NOT_SUPPORT_EXCLUDING,
                    Measure.OUTCOME_GROUP_SHARES, Measure.DAYS_TO_OUTCOME)),
            new Population(m -> m.daysToCharge().count(), List.of(Measure.DAYS_TO_CHARGE)),
            new Population(m -> Math.max(m.cpsReferrals(), m.daysReportToCpsReferral().count()),
                    List.of(Measure.CPS_REFERRALS, Measure.DAYS_REPORT_TO_CPS_REFERRAL)),
            new Population(m -> m.cpsChargeRate().denominator(), List.of(Measure.CPS_CHARGE_RATE)),
            new Population(m -> m.partners().daysReferralToDecision().count(),
                    List.of(Measure.DAYS_REFERRAL_TO_CPS_DECISION)),
            new Population(m -> m.partners().filesReturned().denominator(), List.of(Measure.CPS_FILES_RETURNED)),
            new Population(m -> m.partners().daysReturnToResubmission().count(),
                    List.of(Measure.DAYS_RETURN_TO_RESUBMISSION)),
            new Population(m -> m.partners().isvaReferrals().denominator(), List.of(Measure.ISVA_REFERRALS)),
            new Population(m -> m.partners().withdrawalsWithIsva().denominator(),
                    List.of(Measure.WITHDRAWALS_WITH_ISVA)),
            new Population(m -> m.partners().earlyAdviceWithinTarget().denominator(),
                    List.of(Measure.EARLY_ADVICE_WITHIN_TARGET)),
            new Population(m -> m.partners().policeActionsOverdue().denominator(),
                    List.of(Measure.POLICE_ACTIONS_OVERDUE)),
            new Population(m -> m.partners().cpsActionsOverdue().denominator(), List.of(Measure.CPS_ACTIONS_OVERDUE)),
            new Population(m -> m.partners().isvaSupported().denominator(), List.of(Measure.ISVA_SUPPORTED)),
            new Population(m -> m.partners().withdrawalsAfterIsvaSupport().denominator(),
                    List.of(Measure.WITHDRAWALS_AFTER_ISVA_SUPPORT)),
            new Population(m -> m.convictionRate().denominator(), List.of(Measure.CONVICTIONS, Measure.CONVICTION_RATE)),
            new Population(m -> m.victimsCodeCompliance().total().denominator(),
                    List.of(Measure.VICTIMS_CODE_COMPLIANCE)),
            new Population(m -> m.withdrawalByStageAndReason().total(), List.of(Measure.WITHDRAWAL_BY_STAGE_AND_REASON)),
            new Population(m -> m.activeDisruptions() == null ? 0 : m.activeDisruptions().total(),
                    List.of(Measure.ACTIVE_DISRUPTIONS)));

    /** The measures that rest on more than none and fewer than k crimes, with those computed from them. */
    java.util.Set<Measure> tooFewCrimes(Measures m) {
        java.util.Set<Measure> out = java.util.EnumSet.noneOf(Measure.class);
        for (Population p : POPULATIONS) {
            if (policy.tooSmall(p.size().applyAsLong(m))) {
                out.addAll(p.measures());
            }
        }
        return out;
    }

    /**
     * Secondary suppression across a breakdown's rows (ADR 24): the force's exact total less the rows shown must not
     * give back the rows withheld, so while the withheld rows of a population hold more than none and fewer than k
     * crimes, the smallest row still shown is withheld too. {@code exact} are the rows' figures before withholding.
     */
    private List<Measures> secondary(List<Measures> exact, List<Measures> shown) {
        List<Measures> out = new ArrayList<>(shown);
        for (Population p : POPULATIONS) {
            Measure marker = p.measures().get(0);
            while (true) {
                long hidden = 0;
                int smallest = -1;
                for (int i = 0; i < out.size(); i++) {
                    long size = p.size().applyAsLong(exact.get(i));
                    if (out.get(i).isWithheld(marker)) {
                        hidden += size;
                    } else if (size > 0 && (smallest < 0 || size < p.size().applyAsLong(exact.get(smallest)))) {
                        smallest = i;
                    }
                }
                if (!policy.tooSmall(hidden) || smallest < 0) {
                    break;
                }
                out.set(smallest, out.get(smallest).withholding(java.util.EnumSet.copyOf(p.measures())));
            }
        }
        return out;
    }

    /** Open crimes per row, withheld below k and secondarily so that the total less the rest cannot give them back. */
    private boolean[] openWithheld(List<Long> open) {
        boolean[] out = new boolean[open.size()];
        long hidden = 0;
        for (int i = 0; i < open.size(); i++) {
            out[i] = policy.tooSmall(open.get(i));
            hidden += out[i] ? open.get(i) : 0;
        }
        while (policy.tooSmall(hidden)) {
            int smallest = -1;
            for (int i = 0; i < open.size(); i++) {
                if (!out[i] && open.get(i) > 0 && (smallest < 0 || open.get(i) < open.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest < 0) {
                break;
            }
            out[smallest] = true;
            hidden += open.get(smallest);
        }
        return out;
    }
}
