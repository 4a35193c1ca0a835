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
    private final int minimumFeedback;

    MeasureService(MeasureStore store, MeasureEngine engine, AuditService audit, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${soteria.feedback.minimum-responses:5}")
            int minimumFeedback) {
        this.store = store;
        this.engine = engine;
        this.audit = audit;
        this.clock = clock;
        this.minimumFeedback = minimumFeedback;
    }

    /** Everything this service hands out passes here: victim feedback means of too few responses are withheld. */
    Measures shown(Measures m) {
        return m.withVictimFeedback(m.victimFeedback().withheldBelow(minimumFeedback));
    }

    /** The fewest feedback responses whose means are shown. */
    public int minimumFeedback() {
        return minimumFeedback;
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
        if (own == null) {
            return q;
        }
        Set<String> asked = q.filter().get(MeasureFilter.Key.FORCE);
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

    /** A team's or officer's measures of the period, with the crimes open at the as-of date. */
    public record Breakdown(String code, Measures measures, long openCrimes) {
    }

    /** The measures per team or per officer (the values of {@code key} found in the data), one row each. */
    public List<Breakdown> breakdown(MeasureQuery q, MeasureFilter.Key key) {
        MeasureSnapshot facts = store.snapshot();
        Map<String, Long> open = engine.openCrimesBy(facts, q, key);
        Set<String> wanted = q.filter().get(key);
        List<Breakdown> out = new ArrayList<>();
        for (String code : new TreeSet<>(open.keySet())) {
            if (wanted.isEmpty() || wanted.contains(code)) {
                Measures m = shown(engine.computeOnce(facts, q.withFilter(q.filter().with(key, code))));
                long openCrimes = open.get(code);
                if (m.recorded() > 0 || m.outcomesAssigned() > 0 || openCrimes > 0) {
                    out.add(new Breakdown(code, m, openCrimes));
                }
            }
        }
        return out;
    }
}
