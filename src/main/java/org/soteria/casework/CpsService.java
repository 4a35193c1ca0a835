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
    private final org.springframework.beans.factory.ObjectProvider<SharedFiles> sharedFiles;

    CpsService(CaseworkSupport support, CpsRepository cpsRecords, CrimeEvents events,
            org.springframework.beans.factory.ObjectProvider<SharedFiles> sharedFiles) {
        this.support = support;
        this.cpsRecords = cpsRecords;
        this.events = events;
        this.sharedFiles = sharedFiles;
    }

    /** The CPS unit a lasting share gives the file, whose prosecutor then records the decisions; empty when none. */
    private Optional<String> cpsUnit(long crimeId) {
        SharedFiles files = sharedFiles.getIfAvailable();
        return files == null ? Optional.empty() : files.cpsUnitWithFile(crimeId);
    }

    /** A submission to the CPS and the prosecutor's answers to it, in order (an acceptance, then the last word). */
    public record Sent(CpsRecords.Submission submission, List<CpsRecords.Review> reviews) {

        public boolean referral() {
            return "referral".equals(submission.kind());
        }

        /** The answer that ended the review, if there is one yet. */
        public Optional<CpsRecords.Review> last() {
            return reviews.stream().filter(r -> r.verdict().last()).findFirst();
        }

        public boolean accepted() {
            return reviews.stream().anyMatch(r -> r.verdict() == Codes.Verdict.ACCEPTED);
        }

        /** Whether the prosecutor has still to answer. */
        public boolean awaiting() {
            return last().isEmpty();
        }
    }

    /** The CPS page: readiness, what was sent and the answers, actions, engagement and the CPS events. */
    public record Cps(Crime crime, Set<String> ready, List<Sent> sent, List<CpsRecords.Action> actions,
            List<CpsRecords.Engagement> engagements, List<CaseDetail.TimelineEvent> events,
            Map<String, String> officers, LocalDate today, String cpsUnit) {

        public boolean fileReady() {
            return Arrays.stream(Codes.ReadinessItem.values()).allMatch(i -> ready.contains(i.code()));
        }

        public long readyCount() {
            return Arrays.stream(Codes.ReadinessItem.values()).filter(i -> ready.contains(i.code())).count();
        }

        /** What the prosecutor has answered, newest first. */
        public List<Sent> answered() {
            return sent.stream().filter(s -> !s.awaiting()).toList();
        }

        /** What awaits the prosecutor's answer, oldest first. */
        public List<Sent> awaiting() {
            return sent.stream().filter(Sent::awaiting).sorted(java.util.Comparator.comparing(
                    (Sent s) -> s.submission().submittedOn()).thenComparing(s -> s.submission().id())).toList();
        }
    }

    private static final Set<String> CPS_EVENTS = Set.of("cps_early_advice", "cps_referral", "cps_decision", "charge");

    public Optional<Cps> cps(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "CPS liaison").map(crime -> view(crime, support.officers(user, crime)));
    }

    /** The CPS page of a crime already reached (by need-to-know, or through a partner's share of its file). */
    Cps view(Crime crime, Map<String, String> officers) {
        long crimeId = crime.id();
        Map<Long, List<CpsRecords.Review>> answers = new java.util.HashMap<>();
        cpsRecords.reviews(crimeId).forEach(r -> answers.computeIfAbsent(r.submissionId(), k -> new java.util.ArrayList<>())
                .add(r));
        List<Sent> sent = cpsRecords.submissions(crimeId).stream()
                .map(s -> new Sent(s, List.copyOf(answers.getOrDefault(s.id(), List.of())))).toList();
        return new Cps(crime, cpsRecords.readiness(crimeId), sent, cpsRecords.actions(crimeId),
                cpsRecords.engagements(crimeId), crime.detail().timeline().stream()
                        .filter(e -> CPS_EVENTS.contains(e.eventType())).toList(), officers, support.today(),
                cpsUnit(crimeId).orElse(null));
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

    /** Adds an action of the joint plan, the police's (an officer may own it) or the CPS's. */
    @Transactional
    public void addAction(SoteriaUser user, long crimeId, String action, LocalDate due, String side, String owner,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (owner != null && !support.officers(user, crime).containsKey(owner)) {
            errors.putIfAbsent("actionOwner", "{caseworkError.selectAnOfficerFromThe}");
        }
        addAction(user, crime, action, due, side, owner, errors);
    }

    /** Adds an action for either side; the owner, an officer, only for the police's. */
    void addAction(SoteriaUser user, Crime crime, String action, LocalDate due, String side, String owner,
            Map<String, String> faults) {
        Map<String, String> errors = new LinkedHashMap<>(faults);
        CaseworkSupport.required(errors, "action", action, "{caseworkError.enterCpsAction}");
        if (due == null) {
            errors.putIfAbsent("actionDue", "{caseworkError.enterTheDueDate}");
        }
        Codes.Side who = Codes.parse(Codes.Side.class, side);
        if (who == null || who == Codes.Side.DEFENCE) {
            errors.putIfAbsent("side", "{caseworkError.chooseWhoDoesTheAction}");
        } else if (who == Codes.Side.CPS && owner != null) {
            errors.putIfAbsent("actionOwner", "{caseworkError.cpsActionHasNoOfficer}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        cpsRecords.insertAction(crime.id(), action, due, who, owner, user.getUsername());
        events.changed(crime.id()); // the plan's actions are partner measures (docs/partner-measures.md)
        support.changed(user, crime, List.of(), who.code() + " action of the CPS action plan due " + due);
    }

    /** Marks a police action of the plan done (the CPS's own actions are the prosecutor's to mark). */
    @Transactional
    public void actionDone(SoteriaUser user, long crimeId, long actionId) {
        actionDone(user, support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS), actionId, Codes.Side.POLICE);
    }

    void actionDone(SoteriaUser user, Crime crime, long actionId, Codes.Side side) {
        if (!cpsRecords.actionDone(crime.id(), actionId, side, support.today(), user.getUsername())) {
            boolean other = cpsRecords.actions(crime.id()).stream()
                    .anyMatch(a -> a.id() == actionId && a.doneOn() == null && a.side() != side);
            throw new Invalid("action", other ? "{caseworkError.theOtherSidesAction}"
                    : "{caseworkError.thisActionIsAlreadyDone}");
        }
        events.changed(crime.id());
        support.changed(user, crime, List.of(), side.code() + " action " + actionId + " of the CPS action plan done");
    }

    /** Records pre-charge engagement with the suspect or their representative. */
    @Transactional
    public void engaged(SoteriaUser user, long crimeId, LocalDate on, String party, String startedBy, String summary,
            Map<String, String> faults) {
        engaged(user, support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS), on, party, startedBy, summary,
                faults);
    }

    void engaged(SoteriaUser user, Crime crime, LocalDate on, String party, String startedBy, String summary,
            Map<String, String> faults) {
        Map<String, String> errors = new LinkedHashMap<>(faults);
        if (on == null) {
            errors.putIfAbsent("engagedOn", "{caseworkError.enterTheEngagementDate}");
        } else if (on.isAfter(support.today())) {
            errors.putIfAbsent("engagedOn", "{caseworkError.dateMustBeTodayOr}");
        }
        CaseworkSupport.notBeforeRecording(crime, on, "engagedOn", errors);
        Codes.Party with = Codes.parse(Codes.Party.class, party);
        if (with == null) {
            errors.putIfAbsent("party", "{caseworkError.chooseWhoWasEngaged}");
        }
        Codes.Side by = Codes.parse(Codes.Side.class, startedBy);
        if (by == null) {
            errors.putIfAbsent("startedBy", "{caseworkError.chooseWhoStartedIt}");
        }
        CaseworkSupport.required(errors, "engagementSummary", summary, "{caseworkError.enterWhatWasDiscussed}");
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        cpsRecords.insertEngagement(crime.id(), on, with, by, summary, user.getUsername());
        support.changed(user, crime, List.of(), "pre-charge engagement with " + with.code() + " on " + on);
    }

    /** Records the CPS's charging decision as a {@code cps_decision} event, which the measures count. */
    @Transactional
    public void recordDecision(SoteriaUser user, long crimeId, CpsDecision decision, LocalDate on,
            Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        Optional<String> unit = cpsUnit(crimeId);
        if (unit.isPresent()) {
            // Recorded twice, one decision would count twice in the measures.
            throw new Invalid("decision", Fault.of("caseworkError.cpsDecidesInSoteria", unit.get()));
        }
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
