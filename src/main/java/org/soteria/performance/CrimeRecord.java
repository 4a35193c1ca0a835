package org.soteria.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.soteria.reference.CourtOutcome;
import org.soteria.reference.CpsDecision;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.reference.WithdrawalReason;
import org.soteria.victim.VictimsCode;

/**
 * What the measures need to know of one crime, gathered while loading: its coded fields, the people
 * linked to it, the first day it reached each stage of the attrition funnel, and its countable
 * events (CPS decisions, court results, withdrawals, Victims' Code obligations, feedback) packed
 * into longs. Mutable while loading; {@link MeasureFacts} copies it into columns.
 */
final class CrimeRecord {

    static final int NONE = Integer.MAX_VALUE;
    private static final long[] NO_PEOPLE = new long[0];

    // Mark kinds, in the top byte of a packed mark.
    static final int CPS_CHARGE = 1;
    static final int CPS_NO_CHARGE = 2;
    static final int COURT_CONVICTED = 3;
    static final int COURT_ACQUITTED = 4;
    static final int COURT_DISCONTINUED = 5;
    static final int WITHDRAWAL = 6;
    static final int OBLIGATION = 7;
    static final int FEEDBACK = 8;
    /** A CPS decision "further evidence requested": the file returned to the police for further work. */
    static final int CPS_RETURNED = 9;
    /** A charging decision (charge or no charge), its detail the days since the latest CPS referral before it. */
    static final int DECISION_AFTER_REFERRAL = 10;
    /** A CPS referral after a return, its detail the days since that return. */
    static final int RESUBMISSION = 11;
    /** A victim's support referral, its detail 1 when it is to an ISVA. */
    static final int SUPPORT_REFERRAL = 12;
    /**
     * A victim's withdrawal, its detail {@link #AFTER_REFERRAL} when a referral to an ISVA came on or before its day,
     * plus {@link #AFTER_SUPPORT} when an ISVA's support contact recorded in Soteria did.
     */
    static final int WITHDRAWAL_AFTER_ISVA = 13;
    static final int AFTER_REFERRAL = 1;
    static final int AFTER_SUPPORT = 2;
    /** A request for early advice made in Soteria, its detail the days to the CPS's answer (or {@link #NEVER}). */
    static final int EARLY_ADVICE = 14;
    /** An action of the joint action plan by its due day, the police's or the CPS's; detail 1 when done by then. */
    static final int POLICE_ACTION = 15;
    static final int CPS_ACTION = 16;
    /** A referral to an ISVA, its detail the day of the crime's first ISVA support contact (or {@link #NEVER}). */
    static final int ISVA_REFERRAL_SUPPORTED = 17;
    /** How many kinds of mark there are (kinds are 1 to KINDS - 1). */
    static final int KINDS = 18;
    /** In a mark's detail: the thing waited for has not happened. */
    static final int NEVER = 0xFFFFFF;

    final long id;
    final String force;
    final String team;
    final String officer;
    /** 0 for a crime, 1 to 3 for an N100 incident's sub-code. */
    final int kind;
    final OffenceCode offence;
    final int recorded;
    final ReportSource source;
    final Boolean consented;
    final OutcomeCode outcome;
    final int outcomeDay;

    int relationships;
    int ageBands;
    boolean victimLinked;
    /**
     * The suspects' person records and their PNC identifiers (null where none; the array itself null while no suspect
     * has one), in the order linked: primitive arrays, as a million crimes keep them between refreshes.
     */
    private long[] suspects = NO_PEOPLE;
    private String[] suspectPnc;
    private int suspectCount;
    /** The victims, needed only until {@link #finish} derives the Victims' Code duties; released then. */
    private List<Long> victims = new ArrayList<>(1);
    /** First day of each funnel stage reached on its own evidence, before making the stages cumulative. */
    final int[] stage = {NONE, NONE, NONE, NONE, NONE, NONE};
    int firstReferral = NONE;
    /** The first day the crime's victim was referred to an ISVA (a support_referral with detail isva). */
    private int firstIsvaReferral = NONE;
    /** The first day an ISVA service recorded a support contact with the victim in Soteria. */
    private int firstIsvaSupport = NONE;
    /** CPS referrals and decisions by day, kept until {@link #finish} pairs them (events come in any order). */
    private int[] cpsDays = new int[0];
    private int cpsCount;
    private List<VictimsCode.CrimeEvent> codeEvents = new ArrayList<>();
    private List<VictimsCode.ContactPlan> plans;
    long[] marks = new long[0];
    private boolean finished;
    int markCount;

    CrimeRecord(long id, String force, String team, String officer, int kind, OffenceCode offence, LocalDate recorded,
            ReportSource source, Boolean consented, OutcomeCode outcome, LocalDate outcomeDate) {
        this.id = id;
        this.force = force;
        this.team = team;
        this.officer = officer;
        this.kind = kind;
        this.offence = offence;
        this.recorded = (int) recorded.toEpochDay();
        this.source = source == null ? ReportSource.VICTIM : source;
        this.consented = consented;
        this.outcome = outcome;
        this.outcomeDay = outcome == null ? NONE : (int) outcomeDate.toEpochDay();
        stage[0] = this.recorded;
        if (outcome != null && outcome.group() == org.soteria.reference.OutcomeGroup.CHARGED) {
            stage[4] = outcomeDay;
        }
    }

    void person(long personRef, String role, Relationship relationship, Integer age, String pnc) {
        if ("suspect".equals(role)) {
            suspect(personRef, pnc == null || pnc.isBlank() ? null : pnc.trim());
            // A suspect link is undated and counts from recording.
            stage[1] = Math.min(stage[1], recorded);
            if (relationship != null) {
                relationships |= 1 << relationship.ordinal();
            }
        } else if ("victim".equals(role)) {
            victimLinked = true;
            if (victims != null) {
                victims.add(personRef);
            }
            ageBands |= 1 << AgeBand.of(age).ordinal();
        }
    }

    private void suspect(long personRef, String pnc) {
        if (suspectCount == suspects.length) {
            suspects = java.util.Arrays.copyOf(suspects, Math.max(1, suspectCount * 2));
            if (suspectPnc != null) {
                suspectPnc = java.util.Arrays.copyOf(suspectPnc, suspects.length);
            }
        }
        if (pnc != null && suspectPnc == null) {
            suspectPnc = new String[suspects.length];
        }
        if (pnc != null) {
            suspectPnc[suspectCount] = pnc;
        }
        suspects[suspectCount++] = personRef;
    }

    int suspectCount() {
        return suspectCount;
    }

    /** The person record of the crime's {@code j}th suspect. */
    long suspect(int j) {
        return suspects[j];
    }

    /** The PNC identifier recorded for the crime's {@code j}th suspect, or null. */
    String suspectPnc(int j) {
        return suspectPnc == null ? null : suspectPnc[j];
    }

    /** A victim's contact plan; ignored once the crime is finished, as its duties are derived then. */
    void contactPlan(VictimsCode.ContactPlan plan) {
        if (finished) {
            return;
        }
        if (plans == null) {
            plans = new ArrayList<>(1);
        }
        plans.add(plan);
    }

    void event(EventType type, LocalDate date, String eventId, Long personRef, String detail) {
        int day = (int) date.toEpochDay();
        org.soteria.reference.FunnelStage.evidencedBy(type, detail).ifPresent(s -> first(s.ordinal(), day));
        switch (type) {
            case CPS_REFERRAL -> {
                firstReferral = Math.min(firstReferral, day);
                cps(day, CPS_REFERRAL_STEP);
            }
            case CPS_DECISION -> {
                if (CpsDecision.CHARGE.code().equals(detail)) {
                    mark(CPS_CHARGE, 0, day);
                    cps(day, CPS_DECIDED_STEP);
                } else if (CpsDecision.NO_CHARGE.code().equals(detail)) {
                    mark(CPS_NO_CHARGE, 0, day);
                    cps(day, CPS_DECIDED_STEP);
                } else if (CpsDecision.FURTHER_EVIDENCE_REQUESTED.code().equals(detail)) {
                    mark(CPS_RETURNED, 0, day);
                    cps(day, CPS_RETURNED_STEP);
                }
            }
            case COURT_OUTCOME -> {
                if (CourtOutcome.CONVICTED.code().equals(detail)) {
                    mark(COURT_CONVICTED, 0, day);
                } else if (CourtOutcome.ACQUITTED.code().equals(detail)) {
                    mark(COURT_ACQUITTED, 0, day);
                } else if (CourtOutcome.DISCONTINUED.code().equals(detail)) {
                    mark(COURT_DISCONTINUED, 0, day);
                }
            }
            case SUPPORT_REFERRAL -> {
                boolean isva = "isva".equals(detail);
                mark(SUPPORT_REFERRAL, isva ? 1 : 0, day);
                if (isva) {
                    firstIsvaReferral = Math.min(firstIsvaReferral, day);
                }
            }
            case VICTIM_WITHDRAWAL -> {
                WithdrawalReason reason = org.soteria.reference.Coded.parse(WithdrawalReason.class, detail)
                        .orElse(WithdrawalReason.NOT_RECORDED);
                mark(WITHDRAWAL, reason.ordinal(), day);
            }
            default -> {
            }
        }
        if (type.isKeyEvent() || type == EventType.VICTIM_NOTIFIED || type == EventType.VICTIM_UPDATE
                || type == EventType.SUPPORT_REFERRAL
                || type == EventType.FIRST_CONTACT || type == EventType.NEEDS_ASSESSMENT) {
            if (codeEvents != null) {
                codeEvents.add(new VictimsCode.CrimeEvent(type, date, eventId, personRef, detail));
            }
        }
    }

    /** In a feedback mark's detail, beside the five 3-bit scores: from a link the officer in the case made. */
    static final int OWN_OFFICERS_LINK = 1 << 15;

    /** One returned feedback form; each score 1 to 5, or null when not answered. */
    void feedback(LocalDate returned, boolean ownOfficersLink, Integer... scores) {
        int packed = ownOfficersLink ? OWN_OFFICERS_LINK : 0;
        for (int i = 0; i < 5; i++) {
            packed |= (scores[i] == null ? 0 : scores[i]) << (3 * i);
        }
        mark(FEEDBACK, packed, (int) returned.toEpochDay());
    }

    /** A request for early advice made in Soteria, and the day the CPS answered it (null: not yet). */
    void earlyAdvice(LocalDate asked, LocalDate answered) {
        int day = (int) asked.toEpochDay();
        mark(EARLY_ADVICE, answered == null ? NEVER : Math.max(0, (int) answered.toEpochDay() - day), day);
    }

    /** An action of the joint action plan: the CPS's or the police's, due on a day, done on a day (null: not yet). */
    void action(boolean cps, LocalDate due, LocalDate done) {
        mark(cps ? CPS_ACTION : POLICE_ACTION, done != null && !done.isAfter(due) ? 1 : 0, (int) due.toEpochDay());
    }

    /** A support contact an ISVA service recorded with the victim; give it before the crime is finished. */
    void isvaSupport(LocalDate day) {
        firstIsvaSupport = Math.min(firstIsvaSupport, (int) day.toEpochDay());
    }

    // A CPS step, packed with its day: the day in the high bits so that sorting orders by day, then by step (a
    // referral before a decision or return of the same day).
    private static final int CPS_REFERRAL_STEP = 0;
    private static final int CPS_RETURNED_STEP = 1;
    private static final int CPS_DECIDED_STEP = 2;

    private void cps(int day, int step) {
        if (cpsCount == cpsDays.length) {
            cpsDays = java.util.Arrays.copyOf(cpsDays, Math.max(4, cpsCount * 2));
        }
        cpsDays[cpsCount++] = day * 4 + step;
    }

    /**
     * Pairs the CPS steps once every event is known (docs/partner-measures.md): each charging decision with the latest
     * referral on or before it; each referral that is the first after a return with that return.
     */
    private void pairCpsSteps() {
        if (cpsCount == 0) {
            return;
        }
        int[] steps = java.util.Arrays.copyOf(cpsDays, cpsCount);
        java.util.Arrays.sort(steps);
        int lastReferral = NONE;
        int openReturn = NONE;
        for (int packed : steps) {
            int day = Math.floorDiv(packed, 4);
            int step = Math.floorMod(packed, 4);
            if (step == CPS_REFERRAL_STEP) {
                if (openReturn != NONE) {
                    mark(RESUBMISSION, day - openReturn, day);
                    openReturn = NONE;
                }
                lastReferral = day;
            } else if (step == CPS_RETURNED_STEP) {
                openReturn = day;
            } else if (lastReferral != NONE) {
                mark(DECISION_AFTER_REFERRAL, day - lastReferral, day);
            }
        }
        cpsDays = null;
    }

    /** Derives the Victims' Code obligations once every event and victim is known. */
    void finish(VictimsCode code, LocalDate horizon) {
        if (finished) {
            return;
        }
        finished = true;
        pairCpsSteps();
        for (int m = 0, end = markCount; m < end; m++) {
            int kind = kindOf(marks[m]);
            if (kind == WITHDRAWAL) {
                int day = dayOf(marks[m]);
                mark(WITHDRAWAL_AFTER_ISVA, (firstIsvaReferral <= day ? AFTER_REFERRAL : 0)
                        | (firstIsvaSupport <= day ? AFTER_SUPPORT : 0), day);
            } else if (kind == SUPPORT_REFERRAL && detailOf(marks[m]) == 1) {
                mark(ISVA_REFERRAL_SUPPORTED, firstIsvaSupport == NONE ? NEVER : firstIsvaSupport, dayOf(marks[m]));
            }
        }
        if (!victims.isEmpty()) {
            for (VictimsCode.Obligation o : code.obligations(LocalDate.ofEpochDay(recorded), victims, codeEvents,
                    plans == null ? List.of() : plans, outcomeDay == NONE ? null : LocalDate.ofEpochDay(outcomeDay),
                    horizon)) {
                mark(OBLIGATION, o.type().ordinal() << 1 | (o.metOnTime() ? 1 : 0), (int) o.due().toEpochDay());
            }
        }
        // derived: the events, victims and plans are not needed again (the record is kept between refreshes)
        codeEvents = null;
        victims = null;
        plans = null;
        if (suspectCount < suspects.length) {
            suspects = java.util.Arrays.copyOf(suspects, suspectCount);
            if (suspectPnc != null) {
                suspectPnc = java.util.Arrays.copyOf(suspectPnc, suspectCount);
            }
        }
        if (markCount < marks.length) {
            marks = java.util.Arrays.copyOf(marks, markCount);
        }
    }

    private void first(int s, int day) {
        stage[s] = Math.min(stage[s], day);
    }

    private void mark(int kind, int detail, int day) {
        if (markCount == marks.length) {
            marks = java.util.Arrays.copyOf(marks, Math.max(4, markCount * 2));
        }
        marks[markCount++] = pack(kind, detail, day);
    }

    static long pack(int kind, int detail, int day) {
        return ((long) kind << 56) | ((long) (detail & 0xFFFFFF) << 32) | (day & 0xFFFFFFFFL);
    }

    static int kindOf(long mark) {
        return (int) (mark >>> 56);
    }

    static int detailOf(long mark) {
        return (int) ((mark >>> 32) & 0xFFFFFF);
    }

    static int dayOf(long mark) {
        return (int) mark;
    }
}
