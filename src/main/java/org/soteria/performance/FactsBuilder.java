package org.soteria.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.RecordType;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.victim.VictimsCode;

/**
 * Gathers crimes, their people, events and feedback, the orders and the officers, and builds a
 * {@link MeasureFacts} snapshot. Kept between refreshes so that a new import replaces only the
 * crimes it touched. Cancelled crimes are dropped here, so they leave every count.
 */
final class FactsBuilder {

    private final VictimsCode victimsCode;
    /** The last day contact-plan updates of a plan without an end are derived for. */
    private final LocalDate horizon;
    private final Map<Long, CrimeRecord> crimes = new HashMap<>();
    /** One copy of each force, team and officer code: a million crimes name a few thousand of them. */
    private final Map<String, String> codes = new HashMap<>();
    private final List<MeasureFacts.Order> orders = new ArrayList<>();
    private MeasureFacts.Roster roster = MeasureFacts.Roster.EMPTY;

    /** Updates of running contact plans are derived this far ahead of the day the facts are built. */
    static final int PLAN_HORIZON_DAYS = 400;

    FactsBuilder(VictimsCode victimsCode, LocalDate horizon) {
        this.victimsCode = victimsCode;
        this.horizon = horizon;
    }

    /** Adds or replaces a crime; a cancelled one is removed instead. */
    FactsBuilder crime(long id, String force, String team, String officer, RecordType type, Integer n100Code,
            OffenceCode offence, LocalDate recorded, ReportSource source, Boolean consented, OutcomeCode outcome,
            LocalDate outcomeDate) {
        if (type == RecordType.CANCELLED) {
            crimes.remove(id);
            return this;
        }
        int kind = type == RecordType.N100 ? n100Code : 0;
        crimes.put(id, new CrimeRecord(id, code(force), code(team), code(officer), kind, offence, recorded, source,
                consented, outcome, outcomeDate));
        return this;
    }

    private String code(String s) {
        return s == null ? null : codes.computeIfAbsent(s, k -> k);
    }

    /** A person linked to a crime; {@code pncId} matters only for suspects. */
    FactsBuilder person(long crimeId, long personRef, String role, Relationship relationship, Integer age, String pncId) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.person(personRef, role, relationship, age, pncId);
        }
        return this;
    }

    FactsBuilder event(long crimeId, EventType type, LocalDate date, String eventId, Long personRef, String detail) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.event(type, date, eventId, personRef, detail);
        }
        return this;
    }

    /** A victim's contact plan; give it before the crime's events are finished. */
    FactsBuilder contactPlan(long crimeId, long victimRef, LocalDate agreedOn, int everyDays, LocalDate endedOn) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.contactPlan(new VictimsCode.ContactPlan(victimRef, agreedOn, everyDays, endedOn));
        }
        return this;
    }

    /** A request for early advice made in Soteria and the day the CPS answered it (null: not yet). */
    FactsBuilder earlyAdvice(long crimeId, LocalDate asked, LocalDate answered) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.earlyAdvice(asked, answered);
        }
        return this;
    }

    /** An action of the joint action plan, the CPS's or the police's, due on a day and done on one (null: not yet). */
    FactsBuilder action(long crimeId, boolean cps, LocalDate due, LocalDate done) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.action(cps, due, done);
        }
        return this;
    }

    /** A support contact an ISVA service recorded with the crime's victim; give it before the crime is finished. */
    FactsBuilder isvaSupport(long crimeId, LocalDate day) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.isvaSupport(day);
        }
        return this;
    }

    FactsBuilder feedback(long crimeId, LocalDate returned, Integer dignity, Integer fairness, Integer voice,
            Integer safety, Integer trust) {
        return feedback(crimeId, returned, false, dignity, fairness, voice, safety, trust);
    }

    /** {@code ownOfficersLink}: it came from a link the crime's officer in the case made (not counted for them). */
    FactsBuilder feedback(long crimeId, LocalDate returned, boolean ownOfficersLink, Integer... scores) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.feedback(returned, ownOfficersLink, scores);
        }
        return this;
    }

    /** Call once a crime's people and events have all been given. */
    void finish(long crimeId) {
        CrimeRecord c = crimes.get(crimeId);
        if (c != null) {
            c.finish(victimsCode, horizon);
        }
    }

    /** Finishes the crimes whose ids lie in [from, to]. */
    void finishBetween(long from, long to) {
        if (to - from < crimes.size()) {
            for (long id = from; id <= to; id++) {
                finish(id);
            }
        } else {
            finishAll();
        }
    }

    void finishAll() {
        for (CrimeRecord c : crimes.values()) {
            c.finish(victimsCode, horizon);
        }
    }

    void remove(Collection<Long> crimeIds) {
        crimeIds.forEach(crimes::remove);
    }

    void replaceOrders(List<MeasureFacts.Order> newOrders) {
        orders.clear();
        orders.addAll(newOrders);
    }

    FactsBuilder order(String force, long personRef, OrderType type, LocalDate made, LocalDate expires) {
        orders.add(new MeasureFacts.Order(force, personRef, type, made, expires));
        return this;
    }

    void replaceRoster(MeasureFacts.Roster newRoster) {
        roster = newRoster;
    }

    FactsBuilder abstraction(String force, String officer, String team, LocalDate from, LocalDate to) {
        List<MeasureFacts.Abstraction> abstractions = new ArrayList<>(roster.abstractions());
        abstractions.add(new MeasureFacts.Abstraction(force, officer, team, from, to));
        roster = new MeasureFacts.Roster(roster.officers(), abstractions);
        return this;
    }

    FactsBuilder officer(String force, String officer, String team, LocalDate accreditedUntil) {
        List<MeasureFacts.Officer> officers = new ArrayList<>(roster.officers());
        officers.add(new MeasureFacts.Officer(force, officer, team, accreditedUntil == null ? List.of()
                : List.of(new MeasureFacts.Accreditation(null, accreditedUntil))));
        roster = new MeasureFacts.Roster(officers, roster.abstractions());
        return this;
    }

    int size() {
        return crimes.size();
    }

    MeasureFacts build(long loadedAt) {
        return new MeasureFacts(crimes.values(), orders, roster, loadedAt);
    }

    /** Every crime's record as it stands: records are replaced, never changed, so the copy stays valid. */
    List<CrimeRecord> records() {
        return new ArrayList<>(crimes.values());
    }

    /** A delta snapshot of the given crimes (those still held), over a base. */
    MeasureFacts buildDelta(Collection<Long> crimeIds, MeasureFacts base, long loadedAt) {
        List<CrimeRecord> changed = new ArrayList<>();
        for (long id : crimeIds) {
            CrimeRecord c = crimes.get(id);
            if (c != null) {
                changed.add(c);
            }
        }
        return new MeasureFacts(changed, orders, roster, loadedAt, base);
    }

    List<MeasureFacts.Order> orders() {
        return List.copyOf(orders);
    }

    MeasureFacts.Roster roster() {
        return roster;
    }
}
