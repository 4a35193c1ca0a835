package org.soteria.victim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.reference.EventType;
import org.soteria.reference.FunnelStage;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.WithdrawalReason;
import org.soteria.security.NeedToKnow;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The victim's journey: each victim's Victims' Code duties with their state, contact plan and contact
 * log, withdrawals and reviews, feedback links, and the morning queues. Need-to-know decides which
 * crimes a user reaches; every read of a victim's details and every change is written to the audit log.
 */
@Service
public class VictimService {

    /** Crimes whose outcome is older than this drop out of the queues. */
    static final int CLOSED_WITHIN_DAYS = 90;
    static final int PAGE_SIZE = 50;
    /** How far ahead the victim page shows the updates a running contact plan will ask for. */
    static final int PAGE_HORIZON_DAYS = 35;

    private final VictimRepository repository;
    private final VictimsCode code;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final Clock clock;
    private final Duration feedbackLinkLife;
    private final SecureRandom random = new SecureRandom();

    VictimService(VictimRepository repository, VictimsCodeRules rules, NeedToKnow needToKnow, AuditService audit,
            Clock clock, @Value("${soteria.feedback.link-valid-for:P28D}") Duration feedbackLinkLife) {
        this.repository = repository;
        this.code = rules.code();
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.clock = clock;
        this.feedbackLinkLife = feedbackLinkLife;
    }

    /** The Victims' Code in force: its obligations and the working-day calendar. */
    VictimsCode code() {
        return code;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** One obligation as the pages show it (its words are the page's: victim/duty.html). */
    public record Duty(long crimeId, String crimeRef, long victimRef, String victimPersonId, String victimName,
            VictimsCode.Obligation obligation,
            VictimsCode.State state, String officer, String liaison, String teamCode,
            boolean thirdPartyWithoutConsent) {
    }

    /** A withdrawal or re-engagement of a victim, with the funnel stage the crime had reached that day. */
    public record Turn(LocalDate date, EventType type, String reason, FunnelStage stage) {
    }

    /** Everything the victim page shows. */
    public record VictimPage(VictimRepository.CodeCrime crime, VictimRepository.Victim victim, List<Duty> duties,
            Optional<VictimRepository.Plan> plan, List<VictimRepository.Contact> contacts, List<Turn> turns,
            List<VictimRepository.ReviewRequest> reviews, List<VictimRepository.InvitationSummary> invitations,
            Map<String, String> officers, NeedToKnow.Access access) {
    }

    /** The crime and victim when the user has need-to-know of the crime and the person is its victim. */
    private Optional<Reached> reach(long crimeId, long victimRef, SoteriaUser user) {
        Optional<NeedToKnow.Access> access = needToKnow.access(user, crimeId);
        if (access.isEmpty()) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime",
                    "id:" + crimeId).detail("victim page: no need-to-know (answered as not found)"));
            return Optional.empty();
        }
        List<VictimRepository.CodeCrime> crimes = repository.load(List.of(crimeId));
        if (crimes.isEmpty()) {
            return Optional.empty();
        }
        VictimRepository.CodeCrime crime = crimes.get(0);
        return crime.victims().stream().filter(v -> v.ref() == victimRef).findFirst()
                .map(v -> new Reached(crime, v, access.get()));
    }

    private record Reached(VictimRepository.CodeCrime crime, VictimRepository.Victim victim, NeedToKnow.Access access) {

        String crimeRecord() {
            return crime.forceCode() + ":" + crime.crimeRef();
        }

        String personRecord() {
            return crime.forceCode() + ":person:" + victim.personId();
        }
    }

    /**
     * A victim's contact plan as a victim service given it sees it (ADR 32): how and when to reach them, their wishes
     * and needs, who supports them.
     */
    public record SharedPlan(long victimRef, String preferredChannel, boolean doNotCall, boolean thisNumberOnly,
            String safeNumber, String safeTimes, String interviewerGender, String interpreterLanguage,
            String communicationNeeds, String isvaName, String isvaContact, String liaisonOfficerName,
            int updateEveryDays, LocalDate agreedOn, LocalDate endedOn) {
    }

    /**
     * The contact plans of a crime as row-level security shows them to the user: a partner given the contact plan
     * (ADR 32) sees them, anyone else nothing more than need-to-know gives. The caller has found the share and logs
     * the look with the case it shows.
     */
    public List<SharedPlan> sharedPlans(long crimeId) {
        return repository.plansOf(crimeId).stream().map(p -> new SharedPlan(p.victimRef(), p.preferredChannel(),
                p.doNotCall(), p.thisNumberOnly(), p.safeNumber(), p.safeTimes(), p.interviewerGender(),
                p.interpreterLanguage(), p.communicationNeeds(), p.isvaName(), p.isvaContact(), p.liaisonOfficerName(),
                p.updateEveryDays(), p.agreedOn(), p.endedOn())).toList();
    }

    public Optional<VictimPage> page(long crimeId, long victimRef, SoteriaUser user) {
        Optional<Reached> reached = reach(crimeId, victimRef, user);
        if (reached.isEmpty()) {
            return Optional.empty();
        }
        Reached r = reached.get();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "victim",
                        r.personRecord()).records(List.of(r.crimeRecord(), r.personRecord()))
                .justification(r.access().justification()).breakGlass(r.access().breakGlass())
                .detail("victim page: duties, contact plan and contact log"));
        LocalDate today = today();
        // What is still to do first, soonest first (as the queue counts it), then what was done, newest first.
        List<Duty> duties = duties(r.crime(), today, today.plusDays(PAGE_HORIZON_DAYS)).stream()
                .filter(d -> d.victimRef() == victimRef).sorted(TO_DO_FIRST).toList();
        Optional<VictimRepository.Plan> plan = r.crime().plans().stream().filter(p -> p.victimRef() == victimRef)
                .findFirst();
        return Optional.of(new VictimPage(r.crime(), r.victim(), duties, plan,
                repository.contacts(crimeId, victimRef), turns(victimRef, r.crime()),
                repository.reviews(crimeId).stream().filter(v -> v.victimRef() == victimRef).toList(),
                repository.invitations(crimeId).stream().filter(i -> i.victimRef() == victimRef).toList(),
                repository.officers(r.crime().forceCode()), r.access()));
    }

    /** Duties still to do before those done; the former soonest due first, the latter newest first. */
    static final java.util.Comparator<Duty> TO_DO_FIRST = java.util.Comparator
            .comparing((Duty d) -> d.obligation().done() != null)
            .thenComparing((Duty d) -> d.obligation().done() == null ? d.obligation().due().toEpochDay()
                    : -d.obligation().due().toEpochDay());

    /** Every duty of a crime, newest due date first. */
    List<Duty> duties(VictimRepository.CodeCrime c, LocalDate today, LocalDate horizon) {
        List<Long> victims = c.victims().stream().map(VictimRepository.Victim::ref).toList();
        Map<Long, VictimRepository.Victim> byRef = new LinkedHashMap<>();
        c.victims().forEach(v -> byRef.put(v.ref(), v));
        Map<Long, VictimRepository.Plan> plans = new LinkedHashMap<>();
        c.plans().forEach(p -> plans.put(p.victimRef(), p));
        List<Duty> out = new ArrayList<>();
        for (VictimsCode.Obligation o : code.obligations(c.recorded(), victims, c.events(),
                c.plans().stream().map(VictimRepository.Plan::forCode).toList(), c.outcomeDate(), horizon)) {
            VictimRepository.Plan plan = plans.get(o.victimRef());
            VictimRepository.Victim victim = byRef.get(o.victimRef());
            out.add(new Duty(c.id(), c.crimeRef(), o.victimRef(), victim.personId(), victim.name(), o, o.state(today),
                    c.officerName() != null ? c.officerName() : c.officerCode(),
                    plan == null ? null : plan.liaisonOfficerName() != null ? plan.liaisonOfficerName()
                            : plan.liaisonOfficerCode(),
                    c.teamCode(), c.thirdPartyWithoutConsent()));
        }
        out.sort(Comparator.comparing((Duty d) -> d.obligation().due()).reversed());
        return out;
    }

    private static List<Turn> turns(long victimRef, VictimRepository.CodeCrime c) {
        List<Turn> out = new ArrayList<>();
        for (VictimsCode.CrimeEvent e : c.events()) {
            if ((e.type() == EventType.VICTIM_WITHDRAWAL || e.type() == EventType.VICTIM_REENGAGED)
                    && (e.personRef() == null || e.personRef() == victimRef)) {
                out.add(new Turn(e.date(), e.type(), e.detail(), stageOn(c, e.date())));
            }
        }
        return out;
    }

    /** The furthest funnel stage a crime had reached on a day (kpis.md; stages are cumulative). */
    static FunnelStage stageOn(VictimRepository.CodeCrime c, LocalDate day) {
        FunnelStage furthest = FunnelStage.RECORDED;
        if (c.suspectLinked() && !c.recorded().isAfter(day)) {
            furthest = FunnelStage.SUSPECT_IDENTIFIED;
        }
        boolean charged = OutcomeCode.parse(c.outcomeCode())
                .map(o -> o.group() == org.soteria.reference.OutcomeGroup.CHARGED).orElse(false);
        if (charged && c.outcomeDate() != null && !c.outcomeDate().isAfter(day)) {
            furthest = max(furthest, FunnelStage.CHARGED);
        }
        for (VictimsCode.CrimeEvent e : c.events()) {
            if (!e.date().isAfter(day)) {
                Optional<FunnelStage> s = FunnelStage.evidencedBy(e.type(), e.detail());
                if (s.isPresent()) {
                    furthest = max(furthest, s.get());
                }
            }
        }
        return furthest;
    }

    private static FunnelStage max(FunnelStage a, FunnelStage b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    // ---- changes ----

    private Reached mustReach(long crimeId, long victimRef, SoteriaUser user) {
        return reach(crimeId, victimRef, user).orElseThrow(() -> new java.util.NoSuchElementException(
                "No victim " + victimRef + " of crime " + crimeId + " that this user may see"));
    }

    private void changed(SoteriaUser user, Reached r, String what) {
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "victim",
                        r.personRecord()).records(List.of(r.crimeRecord(), r.personRecord()))
                .justification(r.access().justification()).breakGlass(r.access().breakGlass()).detail(what));
    }

    private String officerCode(SoteriaUser user) {
        return needToKnow.scope(user).officerCode();
    }

    @Transactional
    public void savePlan(long crimeId, long victimRef, VictimRepository.Plan plan, SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        if (plan.liaisonOfficerCode() != null
                && !repository.officerExists(r.crime().forceCode(), plan.liaisonOfficerCode())) {
            throw new Invalid(Map.of("liaisonOfficer", "{victimError.chooseALiaisonOfficerFrom}"));
        }
        repository.savePlan(plan);
        changed(user, r, "contact plan saved: every " + plan.updateEveryDays() + " days from " + plan.agreedOn()
                + (plan.endedOn() == null ? "" : ", ended " + plan.endedOn()));
    }

    /** What a logged contact did: the purpose's event type (none for "other"). */
    public enum Purpose implements org.soteria.reference.Choice {
        FIRST_CONTACT("first_contact", "First contact", EventType.FIRST_CONTACT),
        NEEDS_ASSESSMENT("needs_assessment", "Needs assessment", EventType.NEEDS_ASSESSMENT),
        SUPPORT_REFERRAL("support_referral", "Referral to support services", EventType.SUPPORT_REFERRAL),
        KEY_EVENT_NOTIFICATION("key_event_notification", "Told of a key event", EventType.VICTIM_NOTIFIED),
        PROGRESS_UPDATE("progress_update", "Progress update", EventType.VICTIM_UPDATE),
        OTHER("other", "Other contact", null);

        private final String code;
        private final String label;
        private final EventType event;

        Purpose(String code, String label, EventType event) {
            this.code = code;
            this.label = label;
            this.event = event;
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
     * Logs a contact. A contact that fulfils a duty records its event as well: {@code detail} is the
     * support service (or "declined") for a referral and the key event's id for a notification.
     */
    @Transactional
    public void recordContact(long crimeId, long victimRef, Instant at, String channel, Purpose purpose, String detail,
            String summary, SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new Invalid(Map.of("occurredDate", "{victimError.theDateOfTheContact}"));
        }
        if (purpose == Purpose.KEY_EVENT_NOTIFICATION && r.crime().events().stream()
                .noneMatch(e -> e.type().isKeyEvent() && detail != null && detail.equals(e.eventId()))) {
            throw new Invalid(Map.of("keyEvent", "{victimError.chooseTheKeyEventThe}"));
        }
        Long eventRef = purpose.event == null ? null
                : repository.addEvent(crimeId, purpose.event, at, victimRef, officerCode(user), detail);
        repository.addContact(crimeId, victimRef, at, channel, purpose.code(), summary, eventRef, user.getUsername());
        changed(user, r, "contact logged: " + purpose.code() + " by " + channel);
    }

    @Transactional
    public void recordWithdrawal(long crimeId, long victimRef, LocalDate on, WithdrawalReason reason,
            SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        notInFuture(on, "withdrawnOn");
        repository.addEvent(crimeId, EventType.VICTIM_WITHDRAWAL, startOf(on), victimRef, officerCode(user),
                reason.code());
        changed(user, r, "withdrawal recorded: " + reason.code() + " on " + on);
    }

    @Transactional
    public void recordReengagement(long crimeId, long victimRef, LocalDate on, SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        notInFuture(on, "reengagedOn");
        repository.addEvent(crimeId, EventType.VICTIM_REENGAGED, startOf(on), victimRef, officerCode(user), null);
        changed(user, r, "re-engagement recorded on " + on);
    }

    @Transactional
    public void recordReview(long crimeId, long victimRef, String scheme, LocalDate on, SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        notInFuture(on, "requestedOn");
        long event = repository.addEvent(crimeId, EventType.VRR_REQUEST, startOf(on), victimRef, officerCode(user),
                scheme);
        repository.addReview(crimeId, victimRef, scheme, on, event, user.getUsername());
        changed(user, r, "Victims' Right to Review request (" + scheme + ") recorded on " + on);
    }

    @Transactional
    public void decideReview(long crimeId, long victimRef, long reviewId, String outcome, LocalDate on,
            SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        notInFuture(on, "outcomeOn");
        Optional<VictimRepository.ReviewRequest> review = repository.review(crimeId, reviewId);
        if (review.isEmpty() || review.get().victimRef() != victimRef) {
            throw new java.util.NoSuchElementException("No review " + reviewId + " of this victim");
        }
        if (on.isBefore(review.get().requestedOn())) {
            throw new Invalid(Map.of("outcomeOn", "{victimError.outcomeBeforeRequest|" + review.get().requestedOn() + "}"));
        }
        if (!repository.decideReview(crimeId, reviewId, outcome, on)) {
            throw new Invalid(Map.of("outcome", "{victimError.thisReviewAlreadyHasAn}"));
        }
        changed(user, r, "Victims' Right to Review outcome: " + outcome + " on " + on);
    }

    private void notInFuture(LocalDate on, String field) {
        if (on.isAfter(today())) {
            throw new Invalid(Map.of(field, "{victimError.theDateMustBeToday}"));
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(DatabaseConfig.LONDON).toInstant();
    }

    // ---- feedback links ----

    /** At most this many links for one victim of a crime in {@link #FEEDBACK_LINK_PERIOD}, and one open at a time. */
    public static final int FEEDBACK_LINKS_PER_PERIOD = 3;
    public static final Duration FEEDBACK_LINK_PERIOD = Duration.ofDays(90);

    /** A new single-use feedback link's token; it is shown once and only its hash is kept. */
    @Transactional
    public String createFeedbackLink(long crimeId, long victimRef, SoteriaUser user) {
        Reached r = mustReach(crimeId, victimRef, user);
        VictimRepository.LinksMade made = repository.linksMade(crimeId, victimRef,
                clock.instant().minus(FEEDBACK_LINK_PERIOD));
        if (made.open()) {
            throw new Invalid("feedbackLink", "{victimError.linkOpen|" + made.openUntil()
                    .atZoneSameInstant(org.soteria.platform.DatabaseConfig.LONDON).toLocalDate() + "}");
        }
        if (made.since() >= FEEDBACK_LINKS_PER_PERIOD) {
            throw new Invalid("feedbackLink", "{victimError.tooManyLinks|" + made.since() + "|"
                    + FEEDBACK_LINK_PERIOD.toDays() + "}");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(feedbackLinkLife);
        repository.addInvitation(FeedbackService.hash(token), crimeId, victimRef, user.getUsername(),
                user.officerCode(), expires);
        changed(user, r, "feedback link created, valid until " + expires);
        return token;
    }

    public Duration feedbackLinkLife() {
        return feedbackLinkLife;
    }

}
