package org.soteria.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;

/**
 * An immutable, columnar snapshot of everything the measures count (ADR 9). Crimes are laid out in
 * order of recording date, so that a cohort is one contiguous range of slots; the outcome date,
 * first CPS referral and every countable event have their own day-ordered index, so each measure
 * reads only the rows of its period.
 */
final class MeasureFacts {

    static final int NONE = CrimeRecord.NONE;

    /** A civil order or set of bail conditions, for active_disruptions. */
    record Order(String force, long personRef, OrderType type, LocalDate made, LocalDate expires) {
    }

    /** An officer of a team, with the spans their specialist accreditations are current, for accredited_share. */
    record Officer(String force, String officer, String team, List<Accreditation> accreditations) {

        boolean accreditedOn(LocalDate day) {
            for (Accreditation a : accreditations) {
                if ((a.from() == null || !a.from().isAfter(day)) && (a.until() == null || !a.until().isBefore(day))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A span a specialist accreditation is current: from (null: not known, so always) to until (null: no end). */
    record Accreditation(LocalDate from, LocalDate until) {
    }

    /** Days an officer was taken off RASSO work for other duties, inclusive, for abstraction_days. */
    record Abstraction(String force, String officer, String team, LocalDate from, LocalDate to) {
    }

    /** The officers and their abstractions: small, re-read in full at every refresh. */
    record Roster(List<Officer> officers, List<Abstraction> abstractions) {

        static final Roster EMPTY = new Roster(List.of(), List.of());

        Roster {
            officers = List.copyOf(officers);
            abstractions = List.copyOf(abstractions);
        }
    }

    final int n;
    final long[] crimeId;
    final int[] recorded;
    final byte[] kind;
    final int[] force;
    final int[] team;
    final int[] officer;
    final byte[] offence;
    final byte[] source;
    /** -1 not known, 0 no, 1 yes. */
    final byte[] consented;
    /** OutcomeCode ordinal + 1; 0 = no outcome. */
    final byte[] outcome;
    final int[] outcomeDay;
    final short[] relationships;
    final short[] ageBands;
    final boolean[] hasSuspect;
    /** Cumulative funnel: stageDay[k][slot] is the first day the crime reached stage k or a later one. */
    final int[][] stageDay;
    final int[] firstReferral;

    /** Slots of crimes with an outcome, in order of outcome date, and those dates. */
    final int[] byOutcome;
    final int[] byOutcomeDay;
    /** Beside byOutcome, read in order instead of by slot: outcome group, with bit 7 set for an unconsented
     *  third-party report; and days from recording to outcome. */
    final byte[] byOutcomeGroup;
    final int[] byOutcomeDays;
    /** Slots in order of outcome date with "no outcome" last, for open caseload. */
    final int[] byOpenUntil;
    final int[] byOpenUntilDay;
    /** Beside byOpenUntil, in its order: recording day, officer and team of each crime. */
    final int[] byOpenUntilRecorded;
    final int[] byOpenUntilOfficer;
    final int[] byOpenUntilTeam;
    final int[] byReferral;
    final int[] byReferralDay;
    final int[] byReferralDays;
    /** Slots that are recorded crimes (not N100 incidents), as a bitset. */
    final long[] crimeBits;

    /** Countable events by kind: each {slot[], day[] ascending, detail[]}. */
    final Marks[] marks = new Marks[CrimeRecord.KINDS];

    /** Repeat suspects: each slot's suspect identities, and each identity's distinct crimes' recording days (and slots). */
    final int[] suspectStart;
    final int[] suspectIdentity;
    final int identityCount;
    final int[] identityStart;
    final int[] identityDays;
    final int[] identityDaySlots;
    /** Suspect person records (sorted), the identity of each, and the identity of each PNC id. */
    final long[] personIds;
    final int[] personIdentity;
    final Map<String, Integer> pncIdentity;
    /** Crime ids in order with their slots; suspect links ordered by person, with their slots. */
    final long[] crimeIdsSorted;
    final int[] slotByCrimeId;
    final long[] linkPerson;
    final int[] linkSlot;

    final Dictionary forces;
    final Dictionary teams;
    final Dictionary officers;
    final List<Order> orders;
    final Roster roster;
    final long loadedAt;

    /** Events of one kind, ordered by day. */
    record Marks(int[] slot, int[] day, int[] detail) {

        int from(int firstDay) {
            return lowerBound(day, firstDay);
        }

        int to(int lastDay) {
            return lowerBound(day, lastDay == Integer.MAX_VALUE ? lastDay : lastDay + 1);
        }
    }

    /** Codes to small numbers, and back. */
    static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> codes = new ArrayList<>();

        int id(String code) {
            if (code == null) {
                return -1;
            }
            return ids.computeIfAbsent(code, c -> {
                codes.add(c);
                return codes.size() - 1;
            });
        }

        int find(String code) {
            Integer id = ids.get(code);
            return id == null ? -2 : id;
        }

        String code(int id) {
            return codes.get(id);
        }

        int size() {
            return codes.size();
        }
    }

    MeasureFacts(Collection<CrimeRecord> crimes, List<Order> orders, Roster roster, long loadedAt) {
        this(crimes, orders, roster, loadedAt, null);
    }

    /** With a base: a delta snapshot of changed crimes, whose suspects take the base's identities. */
    MeasureFacts(Collection<CrimeRecord> crimes, List<Order> orders, Roster roster, long loadedAt,
            MeasureFacts base) {
        this.loadedAt = loadedAt;
        this.orders = List.copyOf(orders);
        this.roster = roster;
        forces = new Dictionary();
        teams = new Dictionary();
        officers = new Dictionary();
        Timer timer = new Timer();
        CrimeRecord[] unsorted = crimes.toArray(new CrimeRecord[0]);
        // Sorting primitive keys (recording day, then position) is several times faster than comparing objects.
        long[] keys = new long[unsorted.length];
        for (int i = 0; i < unsorted.length; i++) {
            keys[i] = ((long) (unsorted[i].recorded ^ Integer.MIN_VALUE) << 32) | i;
        }
        Arrays.parallelSort(keys);
        CrimeRecord[] all = new CrimeRecord[unsorted.length];
        for (int i = 0; i < keys.length; i++) {
            all[i] = unsorted[(int) keys[i]];
        }
        n = all.length;
        crimeId = new long[n];
        recorded = new int[n];
        kind = new byte[n];
        force = new int[n];
        team = new int[n];
        officer = new int[n];
        offence = new byte[n];
        source = new byte[n];
        consented = new byte[n];
        outcome = new byte[n];
        outcomeDay = new int[n];
        relationships = new short[n];
        ageBands = new short[n];
        hasSuspect = new boolean[n];
        stageDay = new int[6][n];
        firstReferral = new int[n];
        int[] markCounts = new int[marks.length];
        for (int i = 0; i < n; i++) {
            CrimeRecord c = all[i];
            crimeId[i] = c.id;
            recorded[i] = c.recorded;
            kind[i] = (byte) c.kind;
            force[i] = forces.id(c.force);
            team[i] = teams.id(c.team);
            officer[i] = officers.id(c.officer);
            offence[i] = (byte) c.offence.ordinal();
            source[i] = (byte) c.source.ordinal();
            consented[i] = (byte) (c.consented == null ? -1 : c.consented ? 1 : 0);
            outcome[i] = (byte) (c.outcome == null ? 0 : c.outcome.ordinal() + 1);
            outcomeDay[i] = c.outcomeDay;
            relationships[i] = (short) c.relationships;
            ageBands[i] = (short) c.ageBands;
            hasSuspect[i] = c.suspectCount() > 0;
            int later = NONE;
            for (int s = 5; s >= 0; s--) {
                later = Math.min(later, c.stage[s]);
                stageDay[s][i] = later;
            }
            firstReferral[i] = c.firstReferral;
            for (int m = 0; m < c.markCount; m++) {
                markCounts[CrimeRecord.kindOf(c.marks[m])]++;
            }
        }
        timer.lap("columns");
        byOutcome = order(outcomeDay, true);
        byOutcomeDay = daysOf(byOutcome, outcomeDay);
        byOpenUntil = order(outcomeDay, false);
        byOpenUntilDay = daysOf(byOpenUntil, outcomeDay);
        byReferral = order(firstReferral, true);
        byReferralDay = daysOf(byReferral, firstReferral);
        byOpenUntilRecorded = new int[byOpenUntil.length];
        byOpenUntilOfficer = new int[byOpenUntil.length];
        byOpenUntilTeam = new int[byOpenUntil.length];
        for (int k = 0; k < byOpenUntil.length; k++) {
            byOpenUntilRecorded[k] = recorded[byOpenUntil[k]];
            byOpenUntilOfficer[k] = officer[byOpenUntil[k]];
            byOpenUntilTeam[k] = team[byOpenUntil[k]];
        }
        byOutcomeGroup = new byte[byOutcome.length];
        byOutcomeDays = new int[byOutcome.length];
        for (int k = 0; k < byOutcome.length; k++) {
            int i = byOutcome[k];
            boolean unconsented = source[i] != org.soteria.reference.ReportSource.VICTIM.ordinal() && consented[i] == 0;
            byOutcomeGroup[k] = (byte) (OutcomeCode.values()[outcome[i] - 1].group().ordinal() | (unconsented ? 0x80 : 0));
            byOutcomeDays[k] = outcomeDay[i] - recorded[i];
        }
        byReferralDays = new int[byReferral.length];
        for (int k = 0; k < byReferral.length; k++) {
            byReferralDays[k] = firstReferral[byReferral[k]] - recorded[byReferral[k]];
        }
        crimeBits = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            if (kind[i] == 0) {
                crimeBits[i >>> 6] |= 1L << i;
            }
        }
        timer.lap("day indexes");
        buildMarks(all, markCounts);
        timer.lap("events");

        // Repeat suspects: identity is the same person record or the same PNC id, transitively
        // (repeat-suspects.md). A delta snapshot maps its suspects into its base's identities.
        suspectStart = new int[n + 1];
        int links = 0;
        for (CrimeRecord c : all) {
            links += c.suspectCount();
        }
        long[] persons = new long[links];
        int np = 0;
        for (CrimeRecord c : all) {
            for (int j = 0; j < c.suspectCount(); j++) {
                persons[np++] = c.suspect(j);
            }
        }
        Arrays.parallelSort(persons);
        int distinct = 0;
        for (int i = 0; i < np; i++) {
            if (i == 0 || persons[i] != persons[i - 1]) {
                persons[distinct++] = persons[i];
            }
        }
        personIds = Arrays.copyOf(persons, distinct);
        personIdentity = new int[distinct];
        pncIdentity = new HashMap<>();
        suspectIdentity = new int[links];
        if (base == null) {
            UnionFind identities = new UnionFind(distinct);
            Map<String, Integer> byPnc = new HashMap<>();
            int k = 0;
            for (int i = 0; i < n; i++) {
                CrimeRecord c = all[i];
                suspectStart[i] = k;
                for (int j = 0; j < c.suspectCount(); j++) {
                    int node = Arrays.binarySearch(personIds, c.suspect(j));
                    String pnc = c.suspectPnc(j);
                    if (pnc != null) {
                        Integer other = byPnc.putIfAbsent(pnc, node);
                        if (other != null) {
                            identities.union(node, other);
                        }
                    }
                    suspectIdentity[k++] = node;
                }
            }
            suspectStart[n] = k;
            for (int i = 0; i < links; i++) {
                suspectIdentity[i] = identities.find(suspectIdentity[i]);
            }
            for (int node = 0; node < distinct; node++) {
                personIdentity[node] = identities.find(node);
            }
            byPnc.forEach((pnc, node) -> pncIdentity.put(pnc, identities.find(node)));
            identityCount = distinct;
        } else {
            // New people take new identities after the base's; those sharing a PNC id share one.
            Map<String, Integer> fresh = new HashMap<>();
            int[] next = {base.identityCount};
            int k = 0;
            for (int i = 0; i < n; i++) {
                CrimeRecord c = all[i];
                suspectStart[i] = k;
                for (int j = 0; j < c.suspectCount(); j++) {
                    long person = c.suspect(j);
                    String pnc = c.suspectPnc(j);
                    int id = base.identityOf(person, pnc);
                    if (id < 0) {
                        id = fresh.computeIfAbsent(pnc != null ? "pnc:" + pnc : "person:" + person, x -> next[0]++);
                    }
                    suspectIdentity[k++] = id;
                    personIdentity[Arrays.binarySearch(personIds, person)] = id;
                }
            }
            suspectStart[n] = k;
            identityCount = next[0];
        }
        // Each identity's distinct crimes (record type crime only), by recording day, with their slots.
        identityStart = new int[identityCount + 1];
        long[] pairs = new long[links];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (kind[i] != 0) {
                continue;
            }
            for (int j = suspectStart[i]; j < suspectStart[i + 1]; j++) {
                pairs[p++] = ((long) suspectIdentity[j] << 32) | i;
            }
        }
        Arrays.parallelSort(pairs, 0, p);
        int[] days = new int[p];
        int[] daySlots = new int[p];
        int d = 0;
        long previous = -1;
        for (int i = 0; i < p; i++) {
            if (pairs[i] == previous) {
                continue; // the same identity linked twice to one crime counts once
            }
            previous = pairs[i];
            int identity = (int) (pairs[i] >>> 32);
            identityStart[identity + 1]++;
            daySlots[d] = (int) pairs[i];
            days[d++] = recorded[(int) pairs[i]];
        }
        for (int i = 0; i < identityCount; i++) {
            identityStart[i + 1] += identityStart[i];
        }
        identityDays = Arrays.copyOf(days, d); // slots ascend by recording day, so each identity's days are sorted
        identityDaySlots = Arrays.copyOf(daySlots, d);
        timer.lap("identities");

        // Crime id to slot, and suspect person to slots, both by binary search.
        crimeIdsSorted = crimeId.clone();
        Arrays.parallelSort(crimeIdsSorted);
        slotByCrimeId = new int[n];
        for (int i = 0; i < n; i++) {
            slotByCrimeId[Arrays.binarySearch(crimeIdsSorted, crimeId[i])] = i;
        }
        long[] personLinks = new long[links];
        int[] linkSlots = new int[links];
        int l = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < all[i].suspectCount(); j++) {
                personLinks[l] = all[i].suspect(j);
                linkSlots[l++] = i;
            }
        }
        int[] order = sortIndexBy(personLinks);
        linkPerson = new long[links];
        linkSlot = new int[links];
        for (int i = 0; i < links; i++) {
            linkPerson[i] = personLinks[order[i]];
            linkSlot[i] = linkSlots[order[i]];
        }
        timer.lap("orders");
    }

    private void buildMarks(CrimeRecord[] all, int[] counts) {
        marks[0] = new Marks(new int[0], new int[0], new int[0]);
        for (int kindNo = 1; kindNo < marks.length; kindNo++) {
            int len = counts[kindNo];
            int[] slot = new int[len];
            int[] day = new int[len];
            int[] detail = new int[len];
            long[] keyed = new long[len];
            int e = 0;
            for (int i = 0; i < n && e < len; i++) {
                CrimeRecord c = all[i];
                for (int m = 0; m < c.markCount; m++) {
                    long mark = c.marks[m];
                    if (CrimeRecord.kindOf(mark) == kindNo) {
                        slot[e] = i;
                        day[e] = CrimeRecord.dayOf(mark);
                        detail[e] = CrimeRecord.detailOf(mark);
                        keyed[e] = ((long) (day[e] ^ Integer.MIN_VALUE) << 32) | e;
                        e++;
                    }
                }
            }
            // Entries were appended in slot order, so sorting by (day, entry) orders by day, then slot.
            Arrays.sort(keyed);
            int[] s2 = new int[len];
            int[] d2 = new int[len];
            int[] x2 = new int[len];
            for (int i = 0; i < len; i++) {
                int from = (int) keyed[i];
                s2[i] = slot[from];
                d2[i] = day[from];
                x2[i] = detail[from];
            }
            marks[kindNo] = new Marks(s2, d2, x2);
        }
    }

    /** The identity of a suspect person record (or of their PNC id) in this snapshot; -1 when unknown. */
    int identityOf(long person, String pnc) {
        int node = Arrays.binarySearch(personIds, person);
        if (node >= 0) {
            return personIdentity[node];
        }
        if (pnc != null) {
            Integer id = pncIdentity.get(pnc);
            return id == null ? -1 : id;
        }
        return -1;
    }

    /** The slot of a crime, or -1 when this snapshot does not hold it. */
    int slotOf(long crimeId) {
        int at = Arrays.binarySearch(crimeIdsSorted, crimeId);
        return at < 0 ? -1 : slotByCrimeId[at];
    }

    /** The first link of a person in {@link #linkPerson}; links of the person follow until the person changes. */
    int firstLinkOf(long person) {
        int lo = 0;
        int hi = linkPerson.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (linkPerson[mid] < person) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Positions 0..n-1 ordered by the values (packed into one primitive sort when they are small enough). */
    private static int[] sortIndexBy(long[] values) {
        int len = values.length;
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        int[] out = new int[len];
        if (len < (1 << 25) && max < (1L << 38) && Arrays.stream(values).allMatch(v -> v >= 0)) {
            long[] packed = new long[len];
            for (int i = 0; i < len; i++) {
                packed[i] = (values[i] << 25) | i;
            }
            Arrays.parallelSort(packed);
            for (int i = 0; i < len; i++) {
                out[i] = (int) (packed[i] & ((1 << 25) - 1));
            }
            return out;
        }
        Integer[] boxed = new Integer[len];
        for (int i = 0; i < len; i++) {
            boxed[i] = i;
        }
        Arrays.parallelSort(boxed, (a, b) -> Long.compare(values[a], values[b]));
        for (int i = 0; i < len; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** Slots ordered by a day column; {@code skipNone} leaves out slots whose day is NONE. */
    private int[] order(int[] dayColumn, boolean skipNone) {
        long[] keyed = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (skipNone && dayColumn[i] == NONE) {
                continue;
            }
            keyed[m++] = ((long) (dayColumn[i] ^ Integer.MIN_VALUE) << 32) | i;
        }
        Arrays.sort(keyed, 0, m);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = (int) keyed[i];
        }
        return out;
    }

    private static int[] daysOf(int[] slots, int[] dayColumn) {
        int[] out = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            out[i] = dayColumn[slots[i]];
        }
        return out;
    }

    /** The first index whose value is at least {@code key} in an ascending array. */
    static int lowerBound(int[] sorted, int key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Logs how long each stage of a build took, at debug level. */
    private static final class Timer {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MeasureFacts.class);
        private long t = System.nanoTime();

        void lap(String stage) {
            long now = System.nanoTime();
            LOG.debug("build {}: {} ms", stage, (now - t) / 1_000_000);
            t = now;
        }
    }

    /** Disjoint sets with path halving. */
    private static final class UnionFind {
        private final int[] parent;
        private final int size;

        UnionFind(int size) {
            this.size = size;
            this.parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }

        int size() {
            return size;
        }
    }
}
