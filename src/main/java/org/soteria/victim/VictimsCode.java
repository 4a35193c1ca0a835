package org.soteria.victim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.soteria.reference.Choice;
import org.soteria.reference.EventType;

/**
 * The police duties of the Victims' Code, derived from a crime's recorded events exactly as
 * victims-code.md defines them: one obligation per victim for each key event, the support referral
 * and the needs assessment, each with its due date in working days of England and Wales.
 */
public final class VictimsCode {

    /** The kinds of obligation, named as the measures name them. */
    public enum ObligationType implements Choice {
        KEY_EVENT_NOTIFICATION("key_event_notification", "Told of a key event"),
        SUPPORT_REFERRAL("support_referral", "Referred to support services"),
        NEEDS_ASSESSMENT("needs_assessment", "Needs assessed"),
        CONTACT_PLAN_UPDATE("contact_plan_update", "Updated as the contact plan agreed");

        private final String code;
        private final String label;

        ObligationType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * The time limits of one version of the Code, applied to triggers on or after {@code inForceFrom}
     * (and, for the earliest version, to older triggers too, which the platform has no rules for).
     */
    public record Version(String name, LocalDate inForceFrom, int keyEventWorkingDays, int supportReferralWorkingDays) {
    }

    /** One recorded event of the crime, as far as the Code is concerned; {@code personRef} null = all victims. */
    public record CrimeEvent(EventType type, LocalDate date, String eventId, Long personRef, String detail) {
    }

    /**
     * A victim's agreed contact plan: a progress update every {@code everyDays} calendar days from
     * {@code agreedOn}, until {@code endedOn} (null while it runs).
     */
    public record ContactPlan(long victimRef, LocalDate agreedOn, int everyDays, LocalDate endedOn) {
    }

    /** Where an obligation stands on a given day (victims-code.md). */
    public enum State implements Choice {
        OPEN("open", "Open"), MET("met", "Met"), LATE("late", "Done late"), OVERDUE("overdue", "Overdue");

        private final String code;
        private final String label;

        State(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * One duty to one victim: due on {@code due}, done on {@code done} (null when not done). It was met
     * on time when done on or before the due date. For a key-event notification {@code keyEvent} is the
     * event's type and {@code keyEventId} its id (null when the event has none, so it can never be met).
     */
    public record Obligation(ObligationType type, long victimRef, LocalDate trigger, LocalDate due, LocalDate done,
            EventType keyEvent, String keyEventId) {

        public boolean metOnTime() {
            return done != null && !done.isAfter(due);
        }

        /** Met or late once done; overdue when not done by the end of its due date; open before. */
        public State state(LocalDate today) {
            if (done != null) {
                return done.isAfter(due) ? State.LATE : State.MET;
            }
            return today.isAfter(due) ? State.OVERDUE : State.OPEN;
        }
    }

    private final WorkingDays workingDays;
    private final List<Version> versions;

    public VictimsCode(WorkingDays workingDays, List<Version> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("At least one version of the Victims' Code is needed");
        }
        this.workingDays = workingDays;
        this.versions = versions.stream().sorted(Comparator.comparing(Version::inForceFrom)).toList();
    }

    public WorkingDays workingDays() {
        return workingDays;
    }

    /** The version in force on a trigger date. */
    public Version versionOn(LocalDate trigger) {
        Version chosen = versions.get(0);
        for (Version v : versions) {
            if (!v.inForceFrom().isAfter(trigger)) {
                chosen = v;
            }
        }
        return chosen;
    }

    /** Every obligation a crime's events give rise to, for a crime without contact plans. */
    public List<Obligation> obligations(LocalDate recorded, List<Long> victims, List<CrimeEvent> events) {
        return obligations(recorded, victims, events, List.of(), null, null);
    }

    /**
     * Every obligation a crime's events and its victims' contact plans give rise to. Contact-plan
     * updates fall due every agreed interval after the plan was agreed, up to the end of the plan, the
     * crime's outcome (after which the outcome is a key event and, after charge, the witness care unit
     * keeps the victim informed) and {@code horizon}, whichever is first.
     */
    public List<Obligation> obligations(LocalDate recorded, List<Long> victims, List<CrimeEvent> events,
            List<ContactPlan> plans, LocalDate outcomeDate, LocalDate horizon) {
        List<Obligation> out = new ArrayList<>();
        if (victims.isEmpty()) {
            return out;
        }
        LocalDate firstContact = null;
        for (CrimeEvent e : events) {
            if (e.type() == EventType.FIRST_CONTACT && (firstContact == null || e.date().isBefore(firstContact))) {
                firstContact = e.date();
            }
        }
        for (long victim : victims) {
            for (CrimeEvent key : events) {
                if (key.type().isKeyEvent() && !key.date().isBefore(recorded)) {
                    LocalDate due = workingDays.addWorkingDays(key.date(), versionOn(key.date()).keyEventWorkingDays());
                    LocalDate done = key.eventId() == null ? null
                            : earliest(events, EventType.VICTIM_NOTIFIED, victim, key.eventId());
                    out.add(new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, victim, key.date(), due, done,
                            key.type(), key.eventId()));
                }
            }
            LocalDate referralDue = workingDays.addWorkingDays(recorded, versionOn(recorded).supportReferralWorkingDays());
            out.add(new Obligation(ObligationType.SUPPORT_REFERRAL, victim, recorded, referralDue,
                    earliest(events, EventType.SUPPORT_REFERRAL, victim, null), null, null));
            if (firstContact != null) {
                out.add(new Obligation(ObligationType.NEEDS_ASSESSMENT, victim, firstContact, firstContact,
                        earliest(events, EventType.NEEDS_ASSESSMENT, victim, null), null, null));
            }
            for (ContactPlan plan : plans) {
                if (plan.victimRef() == victim) {
                    updates(plan, events, min(min(plan.endedOn(), outcomeDate), horizon), out);
                }
            }
        }
        return out;
    }

    /**
     * The progress updates a plan asks for: the k-th is due {@code k × everyDays} days after agreement,
     * and is met by an update to the victim after the previous one fell due and by its own due date. A
     * window that passes without an update stays overdue: a later update belongs to a later window, so
     * one call cannot make up for several missed ones.
     */
    private static void updates(ContactPlan plan, List<CrimeEvent> events, LocalDate until, List<Obligation> out) {
        LocalDate previous = plan.agreedOn();
        for (LocalDate due = previous.plusDays(plan.everyDays()); until == null || !due.isAfter(until);
                due = due.plusDays(plan.everyDays())) {
            LocalDate done = null;
            for (CrimeEvent e : events) {
                if (e.type() == EventType.VICTIM_UPDATE && (e.personRef() == null || e.personRef() == plan.victimRef())
                        && e.date().isAfter(previous) && !e.date().isAfter(due)
                        && (done == null || e.date().isBefore(done))) {
                    done = e.date();
                }
            }
            out.add(new Obligation(ObligationType.CONTACT_PLAN_UPDATE, plan.victimRef(), previous, due, done, null,
                    null));
            previous = due;
            if (until == null) {
                break; // without any end, only the next update is known
            }
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** The earliest event of a type for the victim (or for all victims), with the given detail when one is asked. */
    private static LocalDate earliest(List<CrimeEvent> events, EventType type, long victim, String detail) {
        LocalDate best = null;
        for (CrimeEvent e : events) {
            if (e.type() == type && (e.personRef() == null || e.personRef() == victim)
                    && (detail == null || Objects.equals(detail, e.detail()))
                    && (best == null || e.date().isBefore(best))) {
                best = e.date();
            }
        }
        return best;
    }
}
