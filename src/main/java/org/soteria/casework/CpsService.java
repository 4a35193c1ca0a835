package org.soteria.casework;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.soteria.investigation.CaseDetail;
import org.soteria.investigation.CrimeEvents;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.reference.CpsDecision;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CPS liaison on a crime: early advice, the file-readiness checklist before a referral, the action plan and
 * decisions, each written to the timeline.
 */
@Service
public class CpsService {

    private final CaseworkSupport support;
    private final CpsRepository cpsRecords;
    private final CrimeEvents events;

    CpsService(CaseworkSupport support, CpsRepository cpsRecords, CrimeEvents events) {
        this.support = support;
        this.cpsRecords = cpsRecords;
        this.events = events;
    }

    /** The CPS page: readiness, what was sent, actions and the CPS events on the timeline. */
    public record Cps(Crime crime, Set<String> ready, List<CpsRepository.Submission> submissions,
            List<CpsRepository.Action> actions, List<CaseDetail.TimelineEvent> events, Map<String, String> officers,
            LocalDate today) {

        public boolean fileReady() {
            return Arrays.stream(Codes.ReadinessItem.values()).allMatch(i -> ready.contains(i.code()));
        }

        public long readyCount() {
            return Arrays.stream(Codes.ReadinessItem.values()).filter(i -> ready.contains(i.code())).count();
        }
    }

    private static final Set<String> CPS_EVENTS = Set.of("cps_early_advice", "cps_referral", "cps_decision", "charge");

    public Optional<Cps> cps(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "CPS liaison").map(crime -> new Cps(crime, cpsRecords.readiness(crimeId),
                cpsRecords.submissions(crimeId), cpsRecords.actions(crimeId), crime.detail().timeline().stream()
                        .filter(e -> CPS_EVENTS.contains(e.eventType())).toList(), support.officers(user, crime), support.today()));
    }

    @Transactional
    public void saveReadiness(SoteriaUser user, long crimeId, List<Codes.ReadinessItem> items) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        cpsRecords.setReadiness(crimeId, items.stream().map(Codes.ReadinessItem::code).distinct().toList(),
                user.getUsername());
        support.changed(user, crime, List.of(), "file readiness: " + items.size() + " of " + Codes.ReadinessItem.values().length);
    }

    /**
     * Sends early advice or a referral. A referral needs every item of the readiness checklist; both write
     * their event ({@code cps_early_advice}, {@code cps_referral}) to the crime's timeline.
     */
    @Transactional
    public void submitToCps(SoteriaUser user, long crimeId, String kind, LocalDate on, String summary,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        boolean referral = "referral".equals(kind);
        if (!referral && !"early_advice".equals(kind)) {
            throw new Invalid("kind", "{caseworkError.chooseEarlyAdviceOrA}");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (referral) {
            Set<String> ready = cpsRecords.readiness(crimeId);
            List<String> missing = Arrays.stream(Codes.ReadinessItem.values()).filter(i -> !ready.contains(i.code()))
                    .map(Codes.ReadinessItem::label).toList();
            if (!missing.isEmpty()) {
                errors.put("items", Fault.of("caseworkError.fileNotReady", missing.size(),
                        Codes.ReadinessItem.values().length));
            }
        }
        if (on != null && on.isAfter(support.today())) {
            errors.putIfAbsent(referral ? "referredOn" : "adviceOn", "{caseworkError.dateMustBeTodayOr}");
        }
        CaseworkSupport.notBeforeRecording(crime, on, referral ? "referredOn" : "adviceOn", errors);
        CaseworkSupport.required(errors, referral ? "summary" : "question", summary, referral
                ? "{caseworkError.enterReferralSummary}" : "{caseworkError.enterQuestionForCps}");
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long event = events.addOnDay(crimeId, referral ? "cps_referral" : "cps_early_advice", on, null, support.officerOf(user),
                null);
        cpsRecords.insertSubmission(crimeId, kind, on, summary, event, user.getUsername());
        support.changed(user, crime, List.of(), (referral ? "referred to the CPS" : "early advice sought") + " on " + on);
    }

    @Transactional
    public void addAction(SoteriaUser user, long crimeId, String action, LocalDate due, String owner,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        CaseworkSupport.required(errors, "action", action, "{caseworkError.enterCpsAction}");
        if (due == null) {
            errors.putIfAbsent("actionDue", "{caseworkError.enterTheDueDate}");
        }
        if (owner != null && !support.officers(user, crime).containsKey(owner)) {
            errors.putIfAbsent("actionOwner", "{caseworkError.selectAnOfficerFromThe}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        cpsRecords.insertAction(crimeId, action, due, owner, user.getUsername());
        support.changed(user, crime, List.of(), "CPS action due " + due);
    }

    @Transactional
    public void actionDone(SoteriaUser user, long crimeId, long actionId) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        if (!cpsRecords.actionDone(crimeId, actionId, support.today(), user.getUsername())) {
            throw new Invalid("action", "{caseworkError.thisActionIsAlreadyDone}");
        }
        support.changed(user, crime, List.of(), "CPS action " + actionId + " done");
    }

    /** Records the CPS's charging decision as a {@code cps_decision} event, which the measures count. */
    @Transactional
    public void recordDecision(SoteriaUser user, long crimeId, CpsDecision decision, LocalDate on,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (decision == null) {
            errors.putIfAbsent("decision", "{caseworkError.selectTheCpsDecision}");
        }
        if (on != null && on.isAfter(support.today())) {
            errors.putIfAbsent("decidedOn", "{caseworkError.dateOfTheDecisionMust}");
        }
        CaseworkSupport.notBeforeRecording(crime, on, "decidedOn", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        events.addOnDay(crimeId, "cps_decision", on, null, support.officerOf(user), decision.code());
        support.changed(user, crime, List.of(), "CPS decision " + decision.code() + " on " + on);
    }
}
