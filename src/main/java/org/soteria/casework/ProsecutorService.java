package org.soteria.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.CrimeEvents;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CPS side of a shared file (issue 27): a prosecutor of the unit the file is shared with answers early advice,
 * reviews a referral (accepts it, returns it with the points to fix, or decides, with the reasons), works the joint
 * action plan and records pre-charge engagement. A return or a decision is a {@code cps_decision} event on the
 * timeline, as the exchange format has it, so that the measures count it as any other CPS decision. PostgreSQL lets
 * the prosecutor's connection reach only a file shared with their unit (V47, V49).
 */
@Service
@org.soteria.platform.ForceMode
public class ProsecutorService {

    private final SharedFiles files;
    private final CpsService cps;
    private final CpsRepository cpsRecords;
    private final CrimeEvents events;
    private final CaseworkSupport support;

    ProsecutorService(SharedFiles files, CpsService cps, CpsRepository cpsRecords, CrimeEvents events,
            CaseworkSupport support) {
        this.files = files;
        this.cps = cps;
        this.cpsRecords = cpsRecords;
        this.events = events;
        this.support = support;
    }

    /** Of these shared crimes, those with a request or referral awaiting the prosecutor's unit (row-level security). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> awaitingAnswer(java.util.Collection<Long> crimeIds) {
        return crimeIds.isEmpty() ? java.util.Set.of() : cpsRecords.awaitingAnswer(crimeIds);
    }

    /** How many requests and referrals await an answer in the files shared with the prosecutor's unit. */
    @Transactional(readOnly = true)
    public long countAwaitingAnswer() {
        return cpsRecords.countAwaitingAnswer();
    }

    /** The file's CPS page for a prosecutor, when the file is shared with their unit (the look logged); else empty. */
    @Transactional(readOnly = true)
    public Optional<CpsService.Cps> file(SoteriaUser user, long crimeId) {
        return reached(user, crimeId, "CPS file review").map(crime -> cps.view(crime, officerInTheCase(crime)));
    }

    private Optional<Crime> reached(SoteriaUser user, long crimeId, String page) {
        return files.file(user, crimeId, page).map(f -> new Crime(f.crime(),
                new NeedToKnow.Access("partner", List.of(f.justification()))));
    }

    /** The police side as a prosecutor sees it: the officer in the case, whom a police action goes to. */
    private static Map<String, String> officerInTheCase(Crime crime) {
        String code = crime.detail().officerCode();
        return code == null ? Map.of() : Map.of(code, crime.detail().officerName() == null ? code
                : crime.detail().officerName());
    }

    private Crime reach(SoteriaUser user, long crimeId) {
        if (!user.can(Permission.PROSECUTE_SHARED_FILES)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        return reached(user, crimeId, "CPS file change")
                .orElseThrow(() -> new Invalid("crime", "{caseworkError.crimeNotFound}"));
    }

    /**
     * Answers a submission: early advice with the advice; a referral accepted for a decision, returned with the points
     * to fix, or decided (charge, no charge) with the reasons. Each submission is answered once (an acceptance may come
     * first), on a day from its sending to today.
     */
    @Transactional
    public void review(SoteriaUser user, long crimeId, long submissionId, String verdictCode, LocalDate on, String note,
            Map<String, String> faults) {
        Crime crime = reach(user, crimeId);
        CpsService.Sent sent = cps.view(crime, Map.of()).sent().stream()
                .filter(s -> s.submission().id() == submissionId).findFirst()
                .orElseThrow(() -> new Invalid("submission", "{caseworkError.noSuchSubmission}"));
        Map<String, String> errors = new LinkedHashMap<>(faults);
        Codes.Verdict verdict = Codes.parse(Codes.Verdict.class, verdictCode);
        if (!sent.referral()) {
            verdict = verdictCode == null ? Codes.Verdict.ADVICE : verdict;
        }
        if (verdict == null) {
            errors.put("verdict", "{caseworkError.chooseYourAnswer}");
        } else if (sent.referral() == (verdict == Codes.Verdict.ADVICE)) {
            errors.put("verdict", sent.referral() ? "{caseworkError.aReferralIsDecided}"
                    : "{caseworkError.earlyAdviceIsAdvice}");
        } else if (!sent.awaiting()) {
            errors.put("verdict", "{caseworkError.answeredAlready}");
        } else if (verdict == Codes.Verdict.ACCEPTED && sent.accepted()) {
            errors.put("verdict", "{caseworkError.acceptedAlready}");
        }
        if (!errors.containsKey("reviewedOn")) {
            if (on == null) {
                errors.put("reviewedOn", Fault.enter("field.dateOfYourAnswer"));
            } else if (on.isAfter(support.today())) {
                errors.put("reviewedOn", Fault.notFuture("field.dateOfYourAnswer"));
            } else if (on.isBefore(sent.submission().submittedOn())) {
                errors.put("reviewedOn", Fault.notBefore("field.dateOfYourAnswer", "when.dayItWasSent",
                        sent.submission().submittedOn()));
            }
        }
        if (verdict != null && verdict != Codes.Verdict.ACCEPTED) {
            CaseworkSupport.required(errors, "note", note, switch (verdict) {
                case ADVICE -> "{caseworkError.enterYourAdvice}";
                case RETURNED -> "{caseworkError.enterThePointsToFix}";
                default -> "{caseworkError.enterTheReasons}";
            });
        } else if (note != null && note.length() > CaseworkSupport.TEXT_LIMIT) {
            errors.put("note", Fault.of("form.thisTooLong", CaseworkSupport.TEXT_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        Long event = verdict.decision() == null ? null
                : events.addOnDay(crimeId, "cps_decision", on, null, null, verdict.decision());
        cpsRecords.insertReview(crimeId, submissionId, verdict, on, note, event, user.getUsername());
        if (event == null) {
            events.changed(crimeId); // early advice answered: a partner measure (docs/partner-measures.md)
        }
        support.changed(user, crime, List.of(), "CPS " + sent.submission().kind() + " " + submissionId + ": "
                + verdict.code() + " on " + on);
    }

    /** Adds an action of the joint plan: the CPS's own, or the police's (the officer in the case's). */
    @Transactional
    public void addAction(SoteriaUser user, long crimeId, String action, LocalDate due, String side,
            Map<String, String> faults) {
        Crime crime = reach(user, crimeId);
        String owner = Codes.Side.POLICE.code().equals(side) ? crime.detail().officerCode() : null;
        cps.addAction(user, crime, action, due, side, owner, faults);
    }

    /** Marks one of the CPS's own actions done. */
    @Transactional
    public void actionDone(SoteriaUser user, long crimeId, long actionId) {
        cps.actionDone(user, reach(user, crimeId), actionId, Codes.Side.CPS);
    }

    /** Records pre-charge engagement, as the officer may. */
    @Transactional
    public void engaged(SoteriaUser user, long crimeId, LocalDate on, String party, String startedBy, String summary,
            Map<String, String> faults) {
        cps.engaged(user, reach(user, crimeId), on, party, startedBy, summary, faults);
    }
}
