package org.soteria.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.OutcomeGroup;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.reference.WithdrawalReason;
import org.soteria.victim.VictimsCode.ObligationType;

/**
 * Computes every measure of kpis.md from a {@link MeasureFacts} snapshot, to the letter: cancelled
 * crimes are not in the snapshot, N100 incidents count only in n100_incidents, everything dated after
 * the as-of date is ignored, and percentiles use the nearest-rank rule.
 */
public final class MeasureEngine {

    /** The funnel's stages, in order (kpis.md). */
    public static final List<String> FUNNEL_STAGES = List.of("recorded", "suspect_identified",
            "arrested_or_interviewed", "referred_to_cps", "charged", "convicted");

    public static final int[] OPEN_AFTER = {90, 180, 365};

    /**
     * Settings a force chooses: the repeat-suspect definition (repeat-suspects.md), the caseload threshold, and the days
     * within which the force and its CPS area agree early advice is answered (docs/partner-measures.md).
     */
    public record Settings(int repeatMinimumCrimes, int repeatLookbackYears, int caseloadThreshold,
            int earlyAdviceTargetDays) {
        public static final Settings DEFAULT = new Settings(2, 10, 12, DEFAULT_EARLY_ADVICE_TARGET_DAYS);

        public Settings(int repeatMinimumCrimes, int repeatLookbackYears, int caseloadThreshold) {
            this(repeatMinimumCrimes, repeatLookbackYears, caseloadThreshold, DEFAULT_EARLY_ADVICE_TARGET_DAYS);
        }
    }

    private static final int DEFAULT_EARLY_ADVICE_TARGET_DAYS = 28;

    private static final byte[] GROUP_OF_OUTCOME = new byte[OutcomeCode.values().length + 1];

    static {
        GROUP_OF_OUTCOME[0] = -1;
        for (OutcomeCode c : OutcomeCode.values()) {
            GROUP_OF_OUTCOME[c.ordinal() + 1] = (byte) c.group().ordinal();
        }
    }

    private static final int CHARGED = OutcomeGroup.CHARGED.ordinal();
    private static final int DOES_NOT_SUPPORT = OutcomeGroup.VICTIM_DOES_NOT_SUPPORT.ordinal();
    private static final int VICTIM = ReportSource.VICTIM.ordinal();

    private final Settings settings;

    public MeasureEngine(Settings settings) {
        this.settings = settings;
    }

    public Measures compute(MeasureFacts f, MeasureQuery q) {
        return compute(MeasureSnapshot.of(f), q, true);
    }

    public Measures compute(MeasureSnapshot s, MeasureQuery q) {
        return compute(s, q, true);
    }

    /**
     * The measures of the period only: repeat suspects, disruptions, caseload and accreditation (which
     * describe the as-of date, not the period) are left null. For series and breakdowns, which compute
     * many periods or many teams and show none of those.
     */
    public Measures computePeriod(MeasureSnapshot s, MeasureQuery q) {
        return compute(s, q, false, true);
    }

    /**
     * As {@link #computePeriod}, for one of many filters asked once each (a breakdown by team or
     * officer): the filter is checked crime by crime instead of through a cached bitset.
     */
    public Measures computeOnce(MeasureSnapshot s, MeasureQuery q) {
        return compute(s, q, false, false);
    }

    private Measures compute(MeasureSnapshot snapshot, MeasureQuery q, boolean asOfMeasures) {
        return compute(snapshot, q, asOfMeasures, true);
    }

    private Measures compute(MeasureSnapshot snapshot, MeasureQuery q, boolean asOfMeasures, boolean cachedBits) {
        int from = (int) q.from().toEpochDay();
        int asOf = (int) q.asOf().toEpochDay();
        int last = (int) Math.min(q.to().toEpochDay(), asOf);
        List<Matcher> matchers = new ArrayList<>();
        long[][] bits = cachedBits ? snapshot.crimeBits(q.filter(), MeasureEngine::crimeBits) : null;
        for (int p = 0; p < snapshot.parts.size(); p++) {
            matchers.add(Matcher.of(snapshot.parts.get(p), q.filter()).withCrimeBits(bits == null ? null : bits[p]));
        }

        // The event-based measures read other arrays than the crime-based ones: on a second core they
        // run beside them (both only read the snapshot).
        CompletableFuture<EventMeasures> events = CompletableFuture.supplyAsync(() -> new EventMeasures(
                count(matchers, CrimeRecord.CPS_CHARGE, from, last), count(matchers, CrimeRecord.CPS_NO_CHARGE, from, last),
                count(matchers, CrimeRecord.COURT_CONVICTED, from, last),
                count(matchers, CrimeRecord.COURT_ACQUITTED, from, last),
                count(matchers, CrimeRecord.COURT_DISCONTINUED, from, last), compliance(matchers, from, last),
                withdrawals(matchers, from, last),
                feedback(matchers, from, last, !q.filter().get(MeasureFilter.Key.OFFICER).isEmpty()),
                count(matchers, CrimeRecord.CPS_RETURNED, from, last),
                details(matchers, CrimeRecord.DECISION_AFTER_REFERRAL, from, last),
                details(matchers, CrimeRecord.RESUBMISSION, from, last),
                ones(matchers, CrimeRecord.SUPPORT_REFERRAL, 1, from, last),
                ones(matchers, CrimeRecord.WITHDRAWAL_AFTER_ISVA, CrimeRecord.AFTER_REFERRAL, from, last),
                ones(matchers, CrimeRecord.WITHDRAWAL_AFTER_ISVA, CrimeRecord.AFTER_SUPPORT, from, last)));

        // ---- cohort: crimes recorded in the period, followed to the as-of date
        long recorded = 0;
        long thirdParty = 0;
        long cohortCharged = 0;
        long[] n100 = new long[4];
        long[] funnel = new long[6];
        long[] open = new long[OPEN_AFTER.length];
        long withSuspect = 0;
        long withRepeat = 0;
        RepeatSuspects repeats = asOfMeasures ? new RepeatSuspects(snapshot, asOf,
                (int) q.asOf().minusYears(settings.repeatLookbackYears()).toEpochDay(), settings.repeatMinimumCrimes())
                : null;
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            int lo = FirstOf.day(f.recorded, from);
            int hi = last < from ? lo : FirstOf.day(f.recorded, last + 1);
            for (int i = lo; i < hi; i++) {
                if (!m.matches(i)) {
                    continue;
                }
                if (f.kind[i] != 0) {
                    n100[f.kind[i]]++;
                    continue;
                }
                recorded++;
                if (f.source[i] != VICTIM) {
                    thirdParty++;
                }
                int outcomeDay = f.outcomeDay[i];
                if (f.outcome[i] != 0 && GROUP_OF_OUTCOME[f.outcome[i]] == CHARGED && outcomeDay <= asOf) {
                    cohortCharged++;
                }
                funnel[0]++;
                for (int st = 1; st < 6; st++) {
                    if (f.stageDay[st][i] <= asOf) {
                        funnel[st]++;
                    } else {
                        break; // cumulative: a later stage cannot be reached earlier
                    }
                }
                int rec = f.recorded[i];
                for (int k = 0; k < OPEN_AFTER.length; k++) {
                    int dayN = rec + OPEN_AFTER[k];
                    if (dayN <= asOf && outcomeDay > dayN) {
                        open[k]++;
                    }
                }
                if (repeats != null && f.hasSuspect[i]) {
                    withSuspect++;
                    if (repeats.anyRepeat(f, i)) {
                        withRepeat++;
                    }
                }
            }
        }

        // ---- outcomes assigned in the period
        long assigned = 0;
        long charged = 0;
        long doesNotSupport = 0;
        long assignedExcl = 0;
        long doesNotSupportExcl = 0;
        long[] groups = new long[OutcomeGroup.values().length];
        Days daysToCharge = new Days();
        Days daysToOutcome = new Days();
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            int lo = FirstOf.day(f.byOutcomeDay, from);
            int hi = last < from ? lo : FirstOf.day(f.byOutcomeDay, last + 1);
            for (int k = lo; k < hi; k++) {
                if (!m.isCrime(f.byOutcome[k])) {
                    continue;
                }
                int packed = f.byOutcomeGroup[k];
                int group = packed & 0x7F;
                int days = f.byOutcomeDays[k];
                assigned++;
                groups[group]++;
                daysToOutcome.add(days);
                if (group == CHARGED) {
                    charged++;
                    daysToCharge.add(days);
                }
                boolean unconsentedThirdParty = (packed & 0x80) != 0;
                if (group == DOES_NOT_SUPPORT) {
                    doesNotSupport++;
                    if (!unconsentedThirdParty) {
                        doesNotSupportExcl++;
                    }
                }
                if (!unconsentedThirdParty) {
                    assignedExcl++;
                }
            }
        }
        Map<String, Measures.GroupShare> shares = new LinkedHashMap<>();
        for (OutcomeGroup g : OutcomeGroup.values()) {
            long c = groups[g.ordinal()];
            shares.put(g.code(), new Measures.GroupShare(c, assigned == 0 ? null : (double) c / assigned));
        }

        // ---- first CPS referrals in the period
        long referrals = 0;
        Days daysToReferral = new Days();
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            int lo = FirstOf.day(f.byReferralDay, from);
            int hi = last < from ? lo : FirstOf.day(f.byReferralDay, last + 1);
            for (int k = lo; k < hi; k++) {
                if (!m.isCrime(f.byReferral[k])) {
                    continue;
                }
                referrals++;
                daysToReferral.add(f.byReferralDays[k]);
            }
        }

        Measures.Disruptions disruptions = asOfMeasures ? disruptions(snapshot, q.filter(), matchers, q.asOf()) : null;
        Measures.Caseload caseload = asOfMeasures ? caseload(matchers, asOf) : null;
        EventMeasures e = events.join();
        long cpsCharge = e.cpsCharge();
        long convicted = e.convicted();

        return new Measures(q, recorded,
                new Measures.N100(n100[1] + n100[2] + n100[3], n100[1], n100[2], n100[3]),
                new Measures.Rate(thirdParty, recorded),
                assigned,
                new Measures.Rate(charged, assigned),
                new Measures.Rate(doesNotSupport, assigned),
                new Measures.Rate(doesNotSupportExcl, assignedExcl),
                shares,
                new Measures.Rate(cohortCharged, recorded),
                funnel(funnel),
                openAfter(open),
                daysToCharge.distribution(),
                daysToOutcome.distribution(),
                daysToReferral.distribution(),
                referrals,
                new Measures.Rate(cpsCharge, cpsCharge + e.cpsNoCharge()),
                convicted,
                new Measures.Rate(convicted, convicted + e.acquitted() + e.discontinued()),
                e.compliance(),
                e.withdrawals(),
                e.feedback(),
                asOfMeasures ? new Measures.Rate(withRepeat, withSuspect) : null,
                disruptions,
                caseload,
                asOfMeasures ? accredited(snapshot.roster, q.filter(), q.asOf()) : null,
                abstractionDays(snapshot.roster, q.filter(), from, last),
                new Measures.Partners(e.decisionAfterReferral(), new Measures.Rate(e.cpsReturned(),
                        cpsCharge + e.cpsNoCharge() + e.cpsReturned()), e.resubmission(), e.isvaReferrals(),
                        e.withdrawalsWithIsva(),
                        PartnerCounts.earlyAdviceWithinTarget(matchers, from, last, asOf, settings.earlyAdviceTargetDays()),
                        PartnerCounts.actionsOverdue(matchers, false, from, last, asOf),
                        PartnerCounts.actionsOverdue(matchers, true, from, last, asOf),
                        PartnerCounts.isvaSupported(matchers, from, last, asOf), e.withdrawalsAfterSupport()));
    }

    /** The measures counted from events, computed beside the crime-based ones. */
    private record EventMeasures(long cpsCharge, long cpsNoCharge, long convicted, long acquitted, long discontinued,
            Measures.Breakdown compliance, Measures.Withdrawals withdrawals, Measures.Feedback feedback,
            long cpsReturned, Measures.Distribution decisionAfterReferral, Measures.Distribution resubmission,
            Measures.Rate isvaReferrals, Measures.Rate withdrawalsWithIsva, Measures.Rate withdrawalsAfterSupport) {
    }

    /** Open crimes at the as-of date per team or per officer in the case, in one pass. */
    public Map<String, Long> openCrimesBy(MeasureSnapshot s, MeasureQuery q, MeasureFilter.Key key) {
        int asOf = (int) q.asOf().toEpochDay();
        Map<String, Long> out = new TreeMap<>();
        for (MeasureSnapshot.Part part : s.parts) {
            Matcher m = Matcher.of(part, q.filter());
            MeasureFacts f = part.facts();
            int[] column = key == MeasureFilter.Key.TEAM ? f.byOpenUntilTeam : f.byOpenUntilOfficer;
            MeasureFacts.Dictionary dict = key == MeasureFilter.Key.TEAM ? f.teams : f.officers;
            long[] counts = new long[dict.size()];
            for (int k = FirstOf.day(f.byOpenUntilDay, asOf + 1); k < f.byOpenUntil.length; k++) {
                int code = column[k];
                if (code >= 0 && f.byOpenUntilRecorded[k] <= asOf && m.isCrime(f.byOpenUntil[k])) {
                    counts[code]++;
                }
            }
            for (int c = 0; c < counts.length; c++) {
                out.merge(dict.code(c), counts[c], Long::sum);
            }
        }
        return out;
    }

    private static List<Measures.FunnelStage> funnel(long[] counts) {
        List<Measures.FunnelStage> out = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            Double ofRecorded = counts[0] == 0 ? null : (double) counts[s] / counts[0];
            long previous = s == 0 ? counts[0] : counts[s - 1];
            Double ofPrevious = previous == 0 ? null : (double) counts[s] / previous;
            out.add(new Measures.FunnelStage(FUNNEL_STAGES.get(s), counts[s], ofRecorded, ofPrevious));
        }
        return out;
    }

    private static Map<Integer, Long> openAfter(long[] open) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (int k = 0; k < OPEN_AFTER.length; k++) {
            out.put(OPEN_AFTER[k], open[k]);
        }
        return out;
    }

    private static long count(List<Matcher> matchers, int kind, int from, int last) {
        long n = 0;
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            MeasureFacts.Marks marks = f.marks[kind];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                if (m.isCrime(marks.slot()[k])) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Of the marks of one kind dated in the period (crimes that pass the filters), those whose detail has the bit. */
    private static Measures.Rate ones(List<Matcher> matchers, int kind, int bit, int from, int last) {
        long all = 0;
        long ones = 0;
        for (Matcher m : matchers) {
            MeasureFacts.Marks marks = m.f.marks[kind];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                if (m.isCrime(marks.slot()[k])) {
                    all++;
                    ones += (marks.detail()[k] & bit) != 0 ? 1 : 0;
                }
            }
        }
        return new Measures.Rate(ones, all);
    }

    /** The details (whole days) of one kind of mark dated in the period, of crimes that pass the filters. */
    private static Measures.Distribution details(List<Matcher> matchers, int kind, int from, int last) {
        Days days = new Days();
        for (Matcher m : matchers) {
            MeasureFacts.Marks marks = m.f.marks[kind];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                if (m.isCrime(marks.slot()[k])) {
                    days.add(marks.detail()[k]);
                }
            }
        }
        return days.distribution();
    }

    private static Measures.Breakdown compliance(List<Matcher> matchers, int from, int last) {
        ObligationType[] types = ObligationType.values();
        long[] due = new long[types.length];
        long[] met = new long[types.length];
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            MeasureFacts.Marks marks = f.marks[CrimeRecord.OBLIGATION];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                int i = marks.slot()[k];
                if (!m.isCrime(i)) {
                    continue;
                }
                int type = marks.detail()[k] >> 1;
                due[type]++;
                met[type] += marks.detail()[k] & 1;
            }
        }
        Map<String, Measures.Rate> by = new LinkedHashMap<>();
        long allDue = 0;
        long allMet = 0;
        for (ObligationType t : types) {
            allDue += due[t.ordinal()];
            allMet += met[t.ordinal()];
            // Contact-plan updates appear only where contact plans exist (kpis.md).
            if (t != ObligationType.CONTACT_PLAN_UPDATE || due[t.ordinal()] > 0) {
                by.put(t.code(), new Measures.Rate(met[t.ordinal()], due[t.ordinal()]));
            }
        }
        return new Measures.Breakdown(new Measures.Rate(allMet, allDue), by);
    }

    private static Measures.Withdrawals withdrawals(List<Matcher> matchers, int from, int last) {
        WithdrawalReason[] reasons = WithdrawalReason.values();
        long[] byReason = new long[reasons.length];
        long[] byStage = new long[6];
        long total = 0;
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            MeasureFacts.Marks marks = f.marks[CrimeRecord.WITHDRAWAL];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                int i = marks.slot()[k];
                if (!m.isCrime(i)) {
                    continue;
                }
                total++;
                byReason[marks.detail()[k]]++;
                int day = marks.day()[k];
                int stage = 0;
                for (int st = 5; st > 0; st--) {
                    if (f.stageDay[st][i] <= day) {
                        stage = st;
                        break;
                    }
                }
                byStage[stage]++;
            }
        }
        Map<String, Long> reasonMap = new LinkedHashMap<>();
        for (WithdrawalReason r : reasons) {
            reasonMap.put(r.code(), byReason[r.ordinal()]);
        }
        Map<String, Long> stageMap = new LinkedHashMap<>();
        for (int s = 0; s < 6; s++) {
            stageMap.put(FUNNEL_STAGES.get(s), byStage[s]);
        }
        return new Measures.Withdrawals(total, reasonMap, stageMap);
    }

    /**
     * Victims' feedback of the period. When an officer's measures are shown ({@code officerShown}), feedback that came
     * from a link that officer made for their own case is left out: nobody weighs their own scores.
     */
    private static Measures.Feedback feedback(List<Matcher> matchers, int from, int last, boolean officerShown) {
        long responses = 0;
        long[] sum = new long[5];
        long[] answered = new long[5];
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            MeasureFacts.Marks marks = f.marks[CrimeRecord.FEEDBACK];
            for (int k = marks.from(from), end = last < from ? k : marks.to(last); k < end; k++) {
                int i = marks.slot()[k];
                if (!m.isCrime(i)) {
                    continue;
                }
                int packed = marks.detail()[k];
                if (officerShown && (packed & CrimeRecord.OWN_OFFICERS_LINK) != 0) {
                    continue;
                }
                responses++;
                for (int d = 0; d < 5; d++) {
                    int score = (packed >> (3 * d)) & 7;
                    if (score != 0) {
                        sum[d] += score;
                        answered[d]++;
                    }
                }
            }
        }
        Double[] mean = new Double[5];
        for (int d = 0; d < 5; d++) {
            mean[d] = answered[d] == 0 ? null : (double) sum[d] / answered[d];
        }
        return new Measures.Feedback(responses, mean[0], mean[1], mean[2], mean[3], mean[4]);
    }

    private static Measures.Disruptions disruptions(MeasureSnapshot snapshot, MeasureFilter filter,
            List<Matcher> matchers, LocalDate asOf) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (OrderType t : OrderType.values()) {
            byType.put(t.code(), 0L);
        }
        Set<String> forces = filter.get(MeasureFilter.Key.FORCE);
        long total = 0;
        for (MeasureFacts.Order o : snapshot.newest().orders) {
            if (o.made() == null || o.made().isAfter(asOf) || (o.expires() != null && o.expires().isBefore(asOf))) {
                continue;
            }
            if (!forces.isEmpty() && !forces.contains(o.force())) {
                continue;
            }
            if (filter.restrictsCrimes() && !suspectInAMatchingCrime(o.personRef(), matchers)) {
                continue;
            }
            total++;
            byType.merge(o.type().code(), 1L, Long::sum);
        }
        return new Measures.Disruptions(total, byType);
    }

    private static boolean suspectInAMatchingCrime(long person, List<Matcher> matchers) {
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            for (int l = f.firstLinkOf(person); l < f.linkPerson.length && f.linkPerson[l] == person; l++) {
                if (m.matches(f.linkSlot[l])) {
                    return true;
                }
            }
        }
        return false;
    }

    private Measures.Caseload caseload(List<Matcher> matchers, int asOf) {
        Map<String, Integer> perOfficer = new HashMap<>();
        for (Matcher m : matchers) {
            MeasureFacts f = m.f;
            int[] counts = new int[f.officers.size()];
            for (int k = FirstOf.day(f.byOpenUntilDay, asOf + 1); k < f.byOpenUntil.length; k++) {
                int officer = f.byOpenUntilOfficer[k];
                if (officer >= 0 && f.byOpenUntilRecorded[k] <= asOf && m.isCrime(f.byOpenUntil[k])) {
                    counts[officer]++;
                }
            }
            for (int o = 0; o < counts.length; o++) {
                if (counts[o] > 0) {
                    perOfficer.merge(f.officers.code(o), counts[o], Integer::sum);
                }
            }
        }
        Days loads = new Days();
        long above = 0;
        for (int c : perOfficer.values()) {
            loads.add(c);
            if (c > settings.caseloadThreshold()) {
                above++;
            }
        }
        Measures.Distribution d = loads.distribution();
        return new Measures.Caseload(d.count(), d.median(), d.p90(), loads.max(), above);
    }

    private static Measures.Rate accredited(MeasureFacts.Roster roster, MeasureFilter filter, LocalDate asOf) {
        long officers = 0;
        long current = 0;
        for (MeasureFacts.Officer o : roster.officers()) {
            if (o.team() == null || !allows(filter, MeasureFilter.Key.FORCE, o.force())
                    || !allows(filter, MeasureFilter.Key.TEAM, o.team())
                    || !allows(filter, MeasureFilter.Key.OFFICER, o.officer())) {
                continue;
            }
            officers++;
            if (o.accreditedOn(asOf)) {
                current++;
            }
        }
        return new Measures.Rate(current, officers);
    }

    /**
     * Days RASSO officers (officers of a team) were taken off for other duties, counted inside the period
     * up to the as-of date; the team, officer and force filters apply, the crime filters do not.
     */
    private static long abstractionDays(MeasureFacts.Roster roster, MeasureFilter filter, int from, int last) {
        long days = 0;
        for (MeasureFacts.Abstraction a : roster.abstractions()) {
            if (a.team() == null || !allows(filter, MeasureFilter.Key.FORCE, a.force())
                    || !allows(filter, MeasureFilter.Key.TEAM, a.team())
                    || !allows(filter, MeasureFilter.Key.OFFICER, a.officer())) {
                continue;
            }
            long start = Math.max(from, a.from().toEpochDay());
            long end = Math.min(last, a.to().toEpochDay());
            if (end >= start) {
                days += end - start + 1;
            }
        }
        return days;
    }

    private static boolean allows(MeasureFilter filter, MeasureFilter.Key key, String value) {
        Set<String> wanted = filter.get(key);
        return wanted.isEmpty() || wanted.contains(value);
    }

    /** The bitset of a part's crimes (not N100s) that pass the filter and are not superseded. */
    static long[] crimeBits(MeasureSnapshot.Part part, MeasureFilter filter) {
        MeasureFacts f = part.facts();
        long[] bits = f.crimeBits.clone();
        if (part.skip() != null) {
            for (int w = 0; w < bits.length; w++) {
                bits[w] &= ~part.skip()[w];
            }
        }
        if (!filter.isEmpty()) {
            Matcher m = Matcher.of(part, filter);
            for (int i = 0; i < f.n; i++) {
                if ((bits[i >>> 6] & (1L << i)) != 0 && !m.matches(i)) {
                    bits[i >>> 6] &= ~(1L << i);
                }
            }
        }
        return bits;
    }

    /** Binary search on ascending day arrays. */
    private static final class FirstOf {
        static int day(int[] days, int day) {
            return MeasureFacts.lowerBound(days, day);
        }
    }

    /** Whole-day values gathered for nearest-rank percentiles. */
    static final class Days {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        Integer max() {
            if (size == 0) {
                return null;
            }
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                max = Math.max(max, values[i]);
            }
            return max;
        }

        Measures.Distribution distribution() {
            if (size == 0) {
                return new Measures.Distribution(0, null, null, null);
            }
            Arrays.sort(values, 0, size);
            return new Measures.Distribution(size, rank(50), rank(25), rank(90));
        }

        /** The p-th percentile by nearest rank: the value at rank ⌈p·n/100⌉ (1-based). */
        private int rank(int p) {
            long r = ((long) p * size + 99) / 100;
            return values[(int) Math.max(1, r) - 1];
        }
    }

    /** Whether a crime passes the query's filters, compiled once per query. */
    static final class Matcher {
        final MeasureFacts f;
        private final boolean all;
        private final long[] skip;
        private final boolean[] force;
        private final boolean[] team;
        private final boolean[] officer;
        private final boolean[] offence;
        private final boolean[] source;
        private final int relationships;
        private final int ageBands;

        private Matcher(MeasureFacts f, long[] skip, boolean all, boolean[] force, boolean[] team, boolean[] officer,
                boolean[] offence, boolean[] source, int relationships, int ageBands) {
            this.f = f;
            this.skip = skip;
            this.all = all;
            this.force = force;
            this.team = team;
            this.officer = officer;
            this.offence = offence;
            this.source = source;
            this.relationships = relationships;
            this.ageBands = ageBands;
        }

        static Matcher of(MeasureSnapshot.Part part, MeasureFilter filter) {
            MeasureFacts f = part.facts();
            if (filter.isEmpty()) {
                return new Matcher(f, part.skip(), true, null, null, null, null, null, 0, 0);
            }
            boolean[] offence = null;
            Set<String> codes = filter.get(MeasureFilter.Key.OFFENCE_CODE);
            Set<String> groups = filter.get(MeasureFilter.Key.OFFENCE_GROUP);
            if (!codes.isEmpty() || !groups.isEmpty()) {
                offence = new boolean[OffenceCode.values().length];
                for (OffenceCode c : OffenceCode.values()) {
                    offence[c.ordinal()] = (codes.isEmpty() || codes.contains(c.code()))
                            && (groups.isEmpty() || groups.contains(c.group().code()));
                }
            }
            boolean[] source = null;
            Set<String> sources = filter.get(MeasureFilter.Key.REPORT_SOURCE);
            if (!sources.isEmpty()) {
                source = new boolean[ReportSource.values().length];
                for (ReportSource s : ReportSource.values()) {
                    source[s.ordinal()] = sources.contains(s.code());
                }
            }
            int rel = 0;
            for (Relationship r : Relationship.values()) {
                if (filter.get(MeasureFilter.Key.RELATIONSHIP).contains(r.code())) {
                    rel |= 1 << r.ordinal();
                }
            }
            int age = 0;
            for (AgeBand b : AgeBand.values()) {
                if (filter.get(MeasureFilter.Key.VICTIM_AGE_BAND).contains(b.code())) {
                    age |= 1 << b.ordinal();
                }
            }
            return new Matcher(f, part.skip(), false, dictionary(f.forces, filter.get(MeasureFilter.Key.FORCE)),
                    dictionary(f.teams, filter.get(MeasureFilter.Key.TEAM)),
                    dictionary(f.officers, filter.get(MeasureFilter.Key.OFFICER)), offence, source, rel, age);
        }

        private static boolean[] dictionary(MeasureFacts.Dictionary dict, Set<String> wanted) {
            if (wanted.isEmpty()) {
                return null;
            }
            boolean[] ok = new boolean[dict.size()];
            for (String w : wanted) {
                int id = dict.find(w);
                if (id >= 0) {
                    ok[id] = true;
                }
            }
            return ok;
        }

        private long[] crimeBits;

        /** Uses a precomputed bitset for {@link #isCrime}. */
        Matcher withCrimeBits(long[] bits) {
            this.crimeBits = bits;
            return this;
        }

        /** A recorded crime (not an N100 incident) that passes the filter and is not superseded. */
        boolean isCrime(int i) {
            if (crimeBits != null) {
                return (crimeBits[i >>> 6] & (1L << i)) != 0;
            }
            return f.kind[i] == 0 && matches(i);
        }

        boolean matches(int i) {
            if (skip != null && (skip[i >>> 6] & (1L << i)) != 0) {
                return false;
            }
            if (all) {
                return true;
            }
            return (force == null || (f.force[i] >= 0 && force[f.force[i]]))
                    && (team == null || (f.team[i] >= 0 && team[f.team[i]]))
                    && (officer == null || (f.officer[i] >= 0 && officer[f.officer[i]]))
                    && (offence == null || offence[f.offence[i]])
                    && (source == null || source[f.source[i]])
                    && (relationships == 0 || (f.relationships[i] & relationships) != 0)
                    && (ageBands == 0 || (f.ageBands[i] & ageBands) != 0);
        }
    }

    /** Whether a crime's suspects include a repeat suspect at the as-of date, cached per identity. */
    private static final class RepeatSuspects {
        private final MeasureSnapshot s;
        private final int asOf;
        private final int windowStart;
        private final int minimum;
        private final byte[] known;

        RepeatSuspects(MeasureSnapshot s, int asOf, int windowStart, int minimum) {
            this.s = s;
            this.asOf = asOf;
            this.windowStart = windowStart;
            this.minimum = minimum;
            this.known = new byte[s.identityCount()];
        }

        boolean anyRepeat(MeasureFacts f, int slot) {
            for (int j = f.suspectStart[slot]; j < f.suspectStart[slot + 1]; j++) {
                if (isRepeat(f.suspectIdentity[j])) {
                    return true;
                }
            }
            return false;
        }

        private boolean isRepeat(int identity) {
            if (known[identity] == 0) {
                int crimes = inWindow(s.base, identity, s.superseded);
                if (s.delta != null) {
                    crimes += inWindow(s.delta, identity, null);
                }
                known[identity] = (byte) (crimes >= minimum ? 1 : 2);
            }
            return known[identity] == 1;
        }

        /** The identity's crimes in this part recorded within the lookback window, less superseded ones. */
        private int inWindow(MeasureFacts f, int identity, long[] skip) {
            if (identity >= f.identityCount) {
                return 0;
            }
            int start = f.identityStart[identity];
            int end = f.identityStart[identity + 1];
            int lo = lower(f, start, end, windowStart);
            int hi = lower(f, start, end, asOf + 1);
            if (skip == null) {
                return hi - lo;
            }
            int n = 0;
            for (int k = lo; k < hi; k++) {
                int slot = f.identityDaySlots[k];
                if ((skip[slot >>> 6] & (1L << slot)) == 0) {
                    n++;
                }
            }
            return n;
        }

        private static int lower(MeasureFacts f, int lo, int hi, int day) {
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (f.identityDays[mid] < day) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
