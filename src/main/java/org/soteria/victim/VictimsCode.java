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

    /** Code versions, oldest first. RASSO victims always have enhanced rights, so the enhanced limit applies. */
    public static final List<Version> VERSIONS = List.of(
            new Version("Code of Practice for Victims of Crime 2021", LocalDate.of(2021, 4, 1), 1, 2));

    /** One recorded event of the crime, as far as the Code is concerned; {@code personRef} null = all victims. */
    public record CrimeEvent(EventType type, LocalDate date, String eventId, Long personRef, String detail) {
    }

    /**
     * One duty to one victim: due on {@code due}, done on {@code done} (null when not done). It was met
     * on time when done on or before the due date.
     */
    public record Obligation(ObligationType type, long victimRef, LocalDate trigger, LocalDate due, LocalDate done) {

        public boolean metOnTime() {
            return done != null && !done.isAfter(due);
        }
    }

    private final WorkingDays workingDays;
    private final List<Version> versions;

    public VictimsCode(WorkingDays workingDays) {
        this(workingDays, VERSIONS);
    }

    public VictimsCode(WorkingDays workingDays, List<Version> versions) {
        this.workingDays = workingDays;
        this.versions = versions.stream().sorted(Comparator.comparing(Version::inForceFrom)).toList();
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

    /** Every obligation a crime's events give rise to. */
    public List<Obligation> obligations(LocalDate recorded, List<Long> victims, List<CrimeEvent> events) {
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
                    out.add(new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, victim, key.date(), due, done));
                }
            }
            LocalDate referralDue = workingDays.addWorkingDays(recorded, versionOn(recorded).supportReferralWorkingDays());
            out.add(new Obligation(ObligationType.SUPPORT_REFERRAL, victim, recorded, referralDue,
                    earliest(events, EventType.SUPPORT_REFERRAL, victim, null)));
            if (firstContact != null) {
                out.add(new Obligation(ObligationType.NEEDS_ASSESSMENT, victim, firstContact, firstContact,
                        earliest(events, EventType.NEEDS_ASSESSMENT, victim, null)));
            }
        }
        return out;
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
