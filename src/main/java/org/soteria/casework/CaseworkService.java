package org.soteria.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CaseDetail;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.CrimeEvents;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.platform.WholeForce;
import org.soteria.reference.CpsDecision;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.suspect.SuspectService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of casework: the plan and its stage, lines of enquiry, supervisor reviews on their schedule,
 * requests for the victim's material (nothing goes without a justification and a supervisor's approval),
 * device exhibits, bail and release under investigation, and CPS liaison. Pages reach a crime only
 * through need-to-know; every page that shows a crime's people and every change is audited. Bail, CPS
 * referrals and decisions are written to the crime's timeline, where the Victims' Code duties and the
 * measures see them.
 */
@Service
public class CaseworkService {

    /** Lines of enquiry and CPS actions show in the queue from this many days before they are due. */
    static final int DUE_SOON_DAYS = 7;
    /** Reviews show in the queue from this many days before they are due. */
    static final int REVIEW_SOON_DAYS = 2;
    /** Pre-charge bail beyond this many months from its start needs an authorising officer recorded. */
    static final int INITIAL_BAIL_MONTHS = 3;
    static final int TEXT_LIMIT = 4000;

    private final CaseworkRepository repository;
    private final InvestigationService investigations;
    private final SuspectService suspects;
    private final NeedToKnow needToKnow;
    private final CrimeEvents events;
    private final AuditService audit;
    private final Clock clock;
    private final ReviewSchedule schedule;
    private final BailAlerts bailAlerts;

    CaseworkService(CaseworkRepository repository, InvestigationService investigations, SuspectService suspects,
            NeedToKnow needToKnow, CrimeEvents events, AuditService audit, Clock clock,
            @Value("${soteria.casework.review-days:1,7,28}") String reviewDays,
            @Value("${soteria.casework.review-every-months:1}") int reviewEveryMonths,
            @Value("${soteria.casework.bail-warning-days:14}") int bailWarningDays) {
        this.repository = repository;
        this.investigations = investigations;
        this.suspects = suspects;
        this.needToKnow = needToKnow;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.schedule = new ReviewSchedule(Arrays.stream(reviewDays.split(",")).map(String::trim)
                .map(Integer::valueOf).toList(), reviewEveryMonths);
        this.bailAlerts = new BailAlerts(bailWarningDays);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    public ReviewSchedule schedule() {
        return schedule;
    }

    public int bailWarningDays() {
        return bailAlerts.warningDays();
    }

    // ---- Reaching a crime ------------------------------------------------------------------------

    /** A crime as a casework page shows it, reached through need-to-know (and audited as a view). */
    public record Crime(CaseDetail detail, NeedToKnow.Access access) {

        public long id() {
            return detail.id();
        }

        public boolean closed() {
            return detail.outcomeCode() != null;
        }

        public List<CaseDetail.CasePerson> victims() {
            return detail.people().stream().filter(p -> "victim".equals(p.role())).toList();
        }

        public List<CaseDetail.CasePerson> suspects() {
            return detail.people().stream().filter(p -> "suspect".equals(p.role())).toList();
        }

        /** The victims as choices for a form: record id to name. */
        public Map<String, String> victimChoices() {
            return choices(victims());
        }

        public Map<String, String> suspectChoices() {
            return choices(suspects());
        }

        /** The only person of a list, already chosen; null when there are several. */
        public String onlyOne(List<CaseDetail.CasePerson> people) {
            return people.size() == 1 ? String.valueOf(people.get(0).personRef()) : null;
        }

        private static Map<String, String> choices(List<CaseDetail.CasePerson> people) {
            Map<String, String> out = new LinkedHashMap<>();
            people.forEach(p -> out.put(String.valueOf(p.personRef()), p.name() == null ? p.personId() : p.name()));
            return out;
        }

        public Optional<CaseDetail.CasePerson> person(long ref, String role) {
            return detail.people().stream().filter(p -> p.personRef() == ref && role.equals(p.role())).findFirst();
        }

        String record() {
            return detail.forceCode() + ":" + detail.crimeRef();
        }
    }

    /** Opens a crime for a casework page; empty (and audited as refused) without need-to-know. */
    public Optional<Crime> open(long crimeId, SoteriaUser user, String page) {
        return investigations.open(crimeId, user, page).map(v -> new Crime(v.crime(), v.access()));
    }

    /** The crime for a change, when the user may see it and holds the permission; the change is audited by the caller. */
    private Crime reach(long crimeId, SoteriaUser user, Permission permission) {
        if (!user.can(permission)) {
            throw new Invalid("permission", "You do not have permission to do this");
        }
        return open(crimeId, user, "casework change").orElseThrow(() -> new Invalid("crime", "Crime not found"));
    }

    private void changed(SoteriaUser user, Crime crime, List<String> people, String what) {
        List<String> records = new ArrayList<>(List.of(crime.record()));
        people.forEach(p -> records.add(InvestigationService.personRef(crime.detail().forceCode(), p)));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "crime", crime.record())
                .records(records).justification(crime.access().justification()).breakGlass(crime.access().breakGlass())
                .detail(what));
    }

    private String officerOf(SoteriaUser user) {
        return needToKnow.scope(user).officerCode();
    }

    /** Officers who may own a line of enquiry or an action: the crime's team first, then the force. */
    public Map<String, String> officers(SoteriaUser user, Crime crime) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> teams = crime.detail().teamCode() == null ? List.of() : List.of(crime.detail().teamCode());
        for (Map<String, Object> o : investigations.officers(user, teams)) {
            out.put((String) o.get("officer_code"), (String) o.get("name"));
        }
        if (crime.detail().officerCode() != null) {
            out.putIfAbsent(crime.detail().officerCode(), crime.detail().officerName() == null
                    ? crime.detail().officerCode() : crime.detail().officerName());
        }
        return out;
    }

    // ---- The journey and the plan ----------------------------------------------------------------

    public List<CaseworkRepository.Stage> stages() {
        return repository.stages();
    }

    /** A prompt with the line of enquiry that answers it, if any. */
    public record PromptRow(Prompts.Prompt prompt, CaseworkRepository.Line answer) {
    }

    /** The plan page: the journey with the crime's stage, the prompts, the lines and the next review. */
    public record Plan(Crime crime, List<CaseworkRepository.Stage> stages, CaseworkRepository.Stage current,
            List<CaseworkRepository.StageEntry> history, List<PromptRow> prompts, List<CaseworkRepository.Line> lines,
            Map<String, String> officers, ReviewSchedule.Status reviews, LocalDate today) {

        public String stageName(String code) {
            return stages.stream().filter(s -> s.code().equals(code)).map(CaseworkRepository.Stage::name).findFirst()
                    .orElse(code);
        }

        public String officerName(String code) {
            return code == null ? "Not assigned" : officers.getOrDefault(code, code);
        }

        public long openPrompts() {
            return prompts.stream().filter(p -> p.answer() == null).count();
        }
    }

    public Optional<Plan> plan(long crimeId, SoteriaUser user) {
        return open(crimeId, user, "investigation plan").map(crime -> {
            List<CaseworkRepository.Stage> stages = repository.stages();
            List<CaseworkRepository.StageEntry> history = repository.stageHistory(crimeId);
            CaseworkRepository.Stage current = history.isEmpty() ? null : stages.stream()
                    .filter(s -> s.code().equals(history.get(0).stageCode())).findFirst().orElse(null);
            List<CaseworkRepository.Line> lines = repository.lines(crimeId);
            Map<String, CaseworkRepository.Line> byPrompt = new LinkedHashMap<>();
            lines.stream().filter(l -> l.promptCode() != null).forEach(l -> byPrompt.putIfAbsent(l.promptCode(), l));
            List<PromptRow> prompts = Prompts.forCrime(context(crime, user)).stream()
                    .map(p -> new PromptRow(p, byPrompt.get(p.code()))).toList();
            return new Plan(crime, stages, current, history, prompts, lines, officers(user, crime), reviewStatus(crime),
                    today());
        });
    }

    /** Rape of a child under 13 or under 16 (outcomes-and-offences.md). */
    private static final Set<String> CHILD_RAPE = Set.of("19D", "19E", "19G", "19H");

    private Prompts.Context context(Crime crime, SoteriaUser user) {
        CaseDetail d = crime.detail();
        Set<String> relationships = crime.suspects().stream().map(CaseDetail.CasePerson::relationship)
                .filter(r -> r != null).collect(Collectors.toSet());
        boolean child = crime.victims().stream().anyMatch(v -> v.ageAtOffence() != null && v.ageAtOffence() < 18)
                || CHILD_RAPE.contains(d.offenceCode());
        List<SuspectService.Prompt> flags = suspects.prompts(user, crime.id());
        boolean repeat = flags.stream().anyMatch(f -> f.status() != null);
        boolean order = flags.stream().anyMatch(f -> !f.activeOrders().isEmpty());
        boolean thirdParty = d.thirdPartyReport() && !Boolean.TRUE.equals(d.victimConsented());
        return new Prompts.Context(!crime.suspects().isEmpty(), relationships, child, repeat, order, thirdParty);
    }

    public Prompts.Prompt prompt(Crime crime, SoteriaUser user, String code) {
        return code == null ? null : Prompts.forCrime(context(crime, user)).stream().filter(p -> p.code().equals(code))
                .findFirst().orElse(null);
    }

    @Transactional
    public void enterStage(SoteriaUser user, long crimeId, String stageCode) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Stage stage = repository.stages().stream()
                .filter(s -> s.code().equals(stageCode) && s.active()).findFirst()
                .orElseThrow(() -> new Invalid("stage", "Select the stage the investigation has reached"));
        List<CaseworkRepository.StageEntry> history = repository.stageHistory(crimeId);
        if (!history.isEmpty() && history.get(0).stageCode().equals(stage.code())) {
            throw new Invalid("stage", "The investigation is already at " + stage.name());
        }
        repository.enterStage(crimeId, stage.code(), today(), user.getUsername());
        changed(user, crime, List.of(), "stage: " + stage.name());
    }

    /** A new line of enquiry as the form gave it; {@code notPursuedReason} closes it at once. */
    public record LineForm(Codes.Focus focus, String promptCode, String description, String owner, LocalDate due,
            String notPursuedReason) {
    }

    @Transactional
    public void addLine(SoteriaUser user, long crimeId, LineForm f, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        Prompts.Prompt prompt = prompt(crime, user, f.promptCode());
        if (f.promptCode() != null && prompt == null) {
            errors.put("description", "That prompt does not apply to this crime");
        }
        Codes.Focus focus = prompt != null ? prompt.focus() : f.focus();
        if (focus == null) {
            errors.putIfAbsent("focus", "Select what the line of enquiry looks at");
        }
        if (f.description() == null) {
            errors.putIfAbsent("description", "Enter the line of enquiry");
        }
        if (f.owner() != null && !officers(user, crime).containsKey(f.owner())) {
            errors.putIfAbsent("owner", "Select an officer from the list");
        }
        if (f.due() != null && f.due().isBefore(today()) && f.notPursuedReason() == null) {
            errors.putIfAbsent("due", "Due date must be today or later");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean closed = f.notPursuedReason() != null;
        repository.insertLine(crimeId, focus, prompt == null ? null : prompt.code(), f.description(), f.owner(), f.due(),
                closed ? Codes.LineStatus.NOT_PURSUED : Codes.LineStatus.OPEN, f.notPursuedReason(), user.getUsername(),
                closed ? today() : null);
        changed(user, crime, List.of(), (closed ? "line of enquiry not pursued" : "line of enquiry added")
                + (prompt == null ? "" : " (prompt " + prompt.code() + ")"));
    }

    @Transactional
    public void closeLine(SoteriaUser user, long crimeId, long lineId, Codes.LineStatus status, String result) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Line line = repository.lines(crimeId).stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new Invalid("line", "Line of enquiry not found"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (line.status() != Codes.LineStatus.OPEN) {
            errors.put("status", "This line of enquiry is already closed");
        }
        if (status == null || status == Codes.LineStatus.OPEN) {
            errors.put("status", "Select whether the line is done or not pursued");
        }
        if (result == null) {
            errors.put("result", "Enter what the line of enquiry found, or why it was not pursued");
        } else if (result.length() > TEXT_LIMIT) {
            errors.put("result", "Result must be " + TEXT_LIMIT + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.closeLine(line, status, result, user.getUsername(), today());
        changed(user, crime, List.of(), "line of enquiry " + lineId + " " + status.code());
    }

    // ---- Supervisor reviews ----------------------------------------------------------------------

    ReviewSchedule.Status reviewStatus(Crime crime) {
        List<LocalDate> dates = repository.reviews(crime.id()).stream().map(CaseworkRepository.Review::reviewedOn).toList();
        return schedule.of(crime.detail().recordedDate(), dates, crime.detail().outcomeDate(), today());
    }

    /** The reviews page: the schedule's points and every review recorded. */
    public record Reviews(Crime crime, ReviewSchedule.Status status, List<CaseworkRepository.Review> reviews,
            List<CaseworkRepository.Bail> bail, long requestsAwaiting) {
    }

    public Optional<Reviews> reviews(long crimeId, SoteriaUser user) {
        return open(crimeId, user, "supervisor reviews").map(crime -> new Reviews(crime, reviewStatus(crime),
                repository.reviews(crimeId), repository.bail(crimeId), repository.requests(crimeId).stream()
                        .filter(r -> r.status() == Codes.RequestStatus.AWAITING_APPROVAL).count()));
    }

    /** A review as the form gave it. */
    public record ReviewForm(LocalDate reviewedOn, Codes.Answer suspectFocus, Codes.Answer victimEngagement,
            Codes.Answer proportionality, Codes.Answer bailStatus, String directions) {
    }

    @Transactional
    public void addReview(SoteriaUser user, long crimeId, ReviewForm f, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.REVIEW_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.reviewedOn() != null && f.reviewedOn().isAfter(today())) {
            errors.putIfAbsent("reviewedOn", "Date of the review must be today or in the past");
        } else if (f.reviewedOn() != null && f.reviewedOn().isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent("reviewedOn", "Date of the review must be on or after the day the crime was recorded ("
                    + crime.detail().recordedDate() + ")");
        }
        answer(errors, "suspectFocus", f.suspectFocus(), false, "whether the investigation is focused on the suspect");
        answer(errors, "victimEngagement", f.victimEngagement(), false, "whether the victim is engaged and kept informed");
        answer(errors, "proportionality", f.proportionality(), true,
                "whether requests for the victim's material are proportionate");
        answer(errors, "bailStatus", f.bailStatus(), true, "whether bail or RUI is in order");
        boolean anyNo = List.of(Optional.ofNullable(f.suspectFocus()), Optional.ofNullable(f.victimEngagement()),
                Optional.ofNullable(f.proportionality()), Optional.ofNullable(f.bailStatus())).stream()
                .anyMatch(a -> a.orElse(null) == Codes.Answer.NO);
        if (anyNo && f.directions() == null) {
            errors.putIfAbsent("directions", "Enter your directions: at least one answer needs action");
        } else if (f.directions() != null && f.directions().length() > TEXT_LIMIT) {
            errors.putIfAbsent("directions", "Directions must be " + TEXT_LIMIT + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.insertReview(crimeId, f.reviewedOn(), user.getUsername(), f.suspectFocus(), f.victimEngagement(),
                f.proportionality(), f.bailStatus(), f.directions());
        changed(user, crime, List.of(), "supervisor review of " + f.reviewedOn());
    }

    private static void answer(Map<String, String> errors, String field, Codes.Answer a, boolean mayNotApply,
            String what) {
        if (a == null || (!mayNotApply && a == Codes.Answer.NOT_APPLICABLE)) {
            errors.putIfAbsent(field, "Select " + what);
        }
    }

    // ---- Requests for the victim's material ------------------------------------------------------

    /** The requests page. */
    public record Requests(Crime crime, List<CaseworkRepository.Request> requests, List<CaseworkRepository.Line> lines,
            String user, boolean canDecide) {

        public String victimName(long ref) {
            return crime.person(ref, "victim").map(CaseDetail.CasePerson::name).orElse("(not a victim of this crime)");
        }

        public String lineText(long id) {
            return lines.stream().filter(l -> l.id() == id).map(CaseworkRepository.Line::description).findFirst()
                    .orElse("(line not found)");
        }

        public Optional<CaseworkRepository.Request> find(long id) {
            return requests.stream().filter(r -> r.id() == id).findFirst();
        }
    }

    public Optional<Requests> requests(long crimeId, SoteriaUser user) {
        return open(crimeId, user, "requests for the victim's material").map(crime -> new Requests(crime,
                repository.requests(crimeId), repository.lines(crimeId), user.getUsername(),
                user.can(Permission.REVIEW_INVESTIGATIONS)));
    }

    /** A request as the form gave it. */
    public record RequestForm(Long victimRef, Codes.Material material, Long lineId, String holder, String scope,
            String justification, String leastIntrusive, LocalDate victimInformedOn, Codes.VictimView victimView,
            String victimViewNote) {
    }

    /**
     * Records a request, which then waits for a supervisor: a victim of the crime, the material, the line of
     * enquiry it serves (open or done, on this crime), who holds it (for records), what exactly is asked for,
     * why it is necessary and proportionate, the less intrusive options considered, when the victim was told
     * and what they said (with their reasons when they object or set limits).
     */
    @Transactional
    public long addRequest(SoteriaUser user, long crimeId, RequestForm f, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.victimRef() == null || crime.person(f.victimRef(), "victim").isEmpty()) {
            errors.putIfAbsent("victimRef", "Select the victim whose material this is");
        }
        if (f.material() == null) {
            errors.putIfAbsent("material", "Select the material");
        }
        List<CaseworkRepository.Line> lines = repository.lines(crimeId);
        if (f.lineId() == null || lines.stream().noneMatch(l -> l.id() == f.lineId()
                && l.status() != Codes.LineStatus.NOT_PURSUED)) {
            errors.putIfAbsent("lineId", "Select the line of enquiry this request serves; add it to the plan first if "
                    + "it is not there");
        }
        if (f.material() != null && f.material() != Codes.Material.PHONE_DOWNLOAD && f.holder() == null) {
            errors.putIfAbsent("holder", "Enter who holds the records, for example the GP surgery or the school");
        }
        required(errors, "scope", f.scope(), "Enter exactly what is asked for: dates, kinds of data, search terms");
        required(errors, "justification", f.justification(),
                "Enter why the material is necessary for the line of enquiry and proportionate");
        required(errors, "leastIntrusive", f.leastIntrusive(),
                "Enter the less intrusive options considered, and why they are not enough");
        if (f.victimInformedOn() == null) {
            errors.putIfAbsent("victimInformedOn", "Enter the date the victim was told about the request");
        } else if (f.victimInformedOn().isAfter(today())) {
            errors.putIfAbsent("victimInformedOn", "Date the victim was told must be today or in the past");
        }
        if (f.victimView() == null) {
            errors.putIfAbsent("victimView", "Select what the victim said");
        } else if ((f.victimView() == Codes.VictimView.OBJECTS || f.victimView() == Codes.VictimView.AGREES_WITH_LIMITS)
                && f.victimViewNote() == null) {
            errors.putIfAbsent("victimViewNote", "Enter the victim's view in their words: what they object to or the "
                    + "limits they set");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.insertRequest(new CaseworkRepository.Request(0, crimeId, f.victimRef(), f.material(),
                f.lineId(), f.holder(), f.scope(), f.justification(), f.leastIntrusive(), f.victimInformedOn(),
                f.victimView(), f.victimViewNote(), Codes.RequestStatus.AWAITING_APPROVAL, user.getUsername(), today(),
                null, null, null, null, null, null, null));
        changed(user, crime, List.of(crime.person(f.victimRef(), "victim").orElseThrow().personId()),
                "request " + id + " for " + f.material().code() + " awaiting approval");
        return id;
    }

    /** Casework on a crime happens on or after the day it was recorded. */
    private static void notBeforeRecording(Crime crime, LocalDate on, String field, Map<String, String> errors) {
        if (on != null && on.isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent(field, "Date must be on or after the day the crime was recorded ("
                    + crime.detail().recordedDate() + ")");
        }
    }

    private static void required(Map<String, String> errors, String field, String value, String message) {
        if (value == null) {
            errors.putIfAbsent(field, message);
        } else if (value.length() > TEXT_LIMIT) {
            errors.putIfAbsent(field, "This must be " + TEXT_LIMIT + " characters or fewer");
        }
    }

    private CaseworkRepository.Request request(long crimeId, long requestId) {
        return repository.request(crimeId, requestId).orElseThrow(() -> new Invalid("request", "Request not found"));
    }

    private List<String> victimOf(Crime crime, CaseworkRepository.Request r) {
        return crime.person(r.personRef(), "victim").map(p -> List.of(p.personId())).orElse(List.of());
    }

    /**
     * A supervisor approves or refuses a request awaiting approval. No one decides their own request; a
     * refusal needs a reason, and so does an approval the victim objects to.
     */
    @Transactional
    public void decide(SoteriaUser user, long crimeId, long requestId, Codes.Decision decision, String note) {
        Crime crime = reach(crimeId, user, Permission.REVIEW_INVESTIGATIONS);
        CaseworkRepository.Request r = request(crimeId, requestId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.status() != Codes.RequestStatus.AWAITING_APPROVAL) {
            errors.put("decision", "This request has already been decided");
        } else if (r.requestedBy().equals(user.getUsername())) {
            errors.put("decision", "You made this request: another supervisor must decide it");
        }
        if (decision == null) {
            errors.putIfAbsent("decision", "Select whether you approve or refuse the request");
        } else if (note == null && decision == Codes.Decision.REFUSED) {
            errors.put("note", "Enter why the request is refused");
        } else if (note == null && r.victimView() == Codes.VictimView.OBJECTS) {
            errors.put("note", "Enter why the request goes ahead although the victim objects");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        if (!repository.decide(r, decision, user.getUsername(), today(), note)) {
            throw new Invalid("decision", "This request has already been decided");
        }
        changed(user, crime, victimOf(crime, r), "request " + requestId + " " + decision.code());
    }

    /** Records that an approved request went to the holder (or the device to the examiners). */
    @Transactional
    public void markSent(SoteriaUser user, long crimeId, long requestId, LocalDate on) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Request r = request(crimeId, requestId);
        if (r.status() != Codes.RequestStatus.APPROVED) {
            throw new Invalid("sentOn", r.status() == Codes.RequestStatus.AWAITING_APPROVAL
                    ? "The request cannot go until a supervisor approves it" : "Only an approved request can be sent");
        }
        dated(on, r.decidedOn(), "sentOn", "Date sent", "the day it was approved");
        if (!repository.markSent(r, on)) {
            throw new Invalid("sentOn", "Only an approved request can be sent");
        }
        changed(user, crime, victimOf(crime, r), "request " + requestId + " sent on " + on);
    }

    @Transactional
    public void markReturned(SoteriaUser user, long crimeId, long requestId, LocalDate on) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Request r = request(crimeId, requestId);
        if (r.status() != Codes.RequestStatus.SENT) {
            throw new Invalid("returnedOn", "Only a request that was sent can be returned");
        }
        dated(on, r.sentOn(), "returnedOn", "Date returned", "the day it was sent");
        repository.markReturned(r, on);
        changed(user, crime, victimOf(crime, r), "request " + requestId + " returned on " + on);
    }

    @Transactional
    public void withdraw(SoteriaUser user, long crimeId, long requestId, String reason) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Request r = request(crimeId, requestId);
        if (!r.status().live()) {
            throw new Invalid("reason", "This request is " + r.status().label().toLowerCase(java.util.Locale.ROOT)
                    + " and cannot be withdrawn");
        }
        if (reason == null) {
            throw new Invalid("reason", "Enter why the request is withdrawn");
        }
        repository.withdraw(r, reason);
        changed(user, crime, victimOf(crime, r), "request " + requestId + " withdrawn");
    }

    private void dated(LocalDate on, LocalDate notBefore, String field, String label, String what) {
        if (on == null) {
            throw new Invalid(field, "Enter " + Character.toLowerCase(label.charAt(0)) + label.substring(1));
        }
        if (on.isAfter(today())) {
            throw new Invalid(field, label + " must be today or in the past");
        }
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new Invalid(field, label + " must be on or after " + what + " (" + notBefore + ")");
        }
    }

    /** Figures for requests made and material returned in a period, for the user's force. */
    public record RequestFigures(LocalDate from, LocalDate to, Map<Codes.RequestStatus, Long> byStatus,
            Map<Codes.Material, Long> byMaterial, long requested, Distribution daysToReturn,
            Distribution victimDeviceDays) {
    }

    /** The median and 90th percentile (nearest rank) of a list of day counts, with its size. */
    public record Distribution(int count, Integer median, Integer p90) {

        static Distribution of(List<Integer> sorted) {
            if (sorted.isEmpty()) {
                return new Distribution(0, null, null);
            }
            return new Distribution(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
        }

        private static int rank(List<Integer> sorted, double p) {
            int k = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(0, k - 1));
        }
    }

    public RequestFigures requestFigures(SoteriaUser user, LocalDate from, LocalDate to) {
        CaseworkRepository.RequestFigures f = repository.requestFigures(user.forceCode(), from, to);
        Map<Codes.RequestStatus, Long> byStatus = new LinkedHashMap<>();
        for (Codes.RequestStatus s : Codes.RequestStatus.values()) {
            byStatus.put(s, f.byStatus().getOrDefault(s.code(), 0L));
        }
        Map<Codes.Material, Long> byMaterial = new LinkedHashMap<>();
        for (Codes.Material m : Codes.Material.values()) {
            byMaterial.put(m, f.byMaterial().getOrDefault(m.code(), 0L));
        }
        long requested = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new RequestFigures(from, to, byStatus, byMaterial, requested, Distribution.of(f.daysToReturn()),
                Distribution.of(f.victimDeviceDays()));
    }

    // ---- Devices ---------------------------------------------------------------------------------

    /** The devices page: the crime's exhibits and the requests a victim's device may go under. */
    public record Devices(Crime crime, List<CaseworkRepository.Device> devices,
            List<CaseworkRepository.Request> deviceRequests, LocalDate today) {
    }

    public Optional<Devices> devices(long crimeId, SoteriaUser user) {
        return open(crimeId, user, "device exhibits").map(crime -> new Devices(crime, repository.devices(crimeId),
                deviceRequests(crimeId), today()));
    }

    private List<CaseworkRepository.Request> deviceRequests(long crimeId) {
        return repository.requests(crimeId).stream().filter(r -> r.material() == Codes.Material.PHONE_DOWNLOAD
                && EnumSet.of(Codes.RequestStatus.APPROVED, Codes.RequestStatus.SENT, Codes.RequestStatus.RETURNED)
                .contains(r.status())).toList();
    }

    /** A device as the form gave it. */
    public record DeviceForm(String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner, Long requestId,
            LocalDate submittedOn) {
    }

    @Transactional
    public void addDevice(SoteriaUser user, long crimeId, DeviceForm f, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.exhibitRef() == null) {
            errors.putIfAbsent("exhibitRef", "Enter the exhibit reference");
        } else if (f.exhibitRef().length() > 40) {
            errors.putIfAbsent("exhibitRef", "Exhibit reference must be 40 characters or fewer");
        } else if (repository.exhibitExists(crimeId, f.exhibitRef())) {
            errors.putIfAbsent("exhibitRef", "Exhibit " + f.exhibitRef() + " is already recorded on this crime");
        }
        if (f.type() == null) {
            errors.putIfAbsent("type", "Select the kind of device");
        }
        if (f.owner() == null) {
            errors.putIfAbsent("owner", "Select whose device it is");
        }
        if (f.owner() == Codes.DeviceOwner.VICTIM && (f.requestId() == null
                || deviceRequests(crimeId).stream().noneMatch(r -> r.id() == f.requestId()))) {
            errors.putIfAbsent("requestId", "A victim's device is examined only under an approved request for a "
                    + "download of their device: select it, or make the request first");
        }
        if (f.submittedOn() != null && f.submittedOn().isAfter(today())) {
            errors.putIfAbsent("submittedOn", "Date submitted must be today or in the past");
        }
        notBeforeRecording(crime, f.submittedOn(), "submittedOn", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.insertDevice(crimeId, f.exhibitRef(), f.type(), f.owner(),
                f.owner() == Codes.DeviceOwner.VICTIM ? f.requestId() : null, f.submittedOn(), user.getUsername());
        changed(user, crime, List.of(), "device exhibit " + f.exhibitRef() + " submitted");
    }

    /** Moves a device to its next status on a date; triage needs a level. */
    @Transactional
    public void advanceDevice(SoteriaUser user, long crimeId, long deviceId, LocalDate on, Codes.Triage triage) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Device d = repository.devices(crimeId).stream().filter(x -> x.id() == deviceId).findFirst()
                .orElseThrow(() -> new Invalid("device", "Device not found"));
        Codes.DeviceStatus to = d.status().following();
        if (to == null) {
            throw new Invalid("on", "This device has already been returned");
        }
        if (d.status() == Codes.DeviceStatus.AWAITING_TRIAGE && triage == null) {
            throw new Invalid("triage", "Select the triage level");
        }
        LocalDate last = java.util.stream.Stream.of(d.submittedOn(), d.triagedOn(), d.startedOn(), d.examinedOn())
                .filter(x -> x != null).max(Comparator.naturalOrder()).orElse(d.submittedOn());
        dated(on, last, "on", "Date", "the device's last step");
        if (!repository.advanceDevice(d, to, on, d.status() == Codes.DeviceStatus.AWAITING_TRIAGE ? triage : null)) {
            throw new Invalid("on", "The device was moved on by someone else: look again");
        }
        changed(user, crime, List.of(), "device " + d.exhibitRef() + ": " + to.code());
    }

    /** The force's digital forensics queue: devices waiting, and turnaround of those examined lately. */
    public record ForensicQueue(List<CaseworkRepository.Device> waiting, Map<Codes.DeviceStatus, Long> waitingByStatus,
            Map<String, Distribution> turnaroundByTriage, Distribution waitingDays, LocalDate since, LocalDate today,
            Set<Long> openable) {

        /** Whether the user may open this device's crime, so that the queue links it. */
        public boolean canOpen(CaseworkRepository.Device d) {
            return openable.contains(d.crimeId());
        }
    }

    /**
     * The force's queue: every device counts in the figures, but a restricted crime's device is listed only
     * to the crime's named users (its reference and exhibit are themselves sensitive).
     */

    public ForensicQueue forensicQueue(SoteriaUser user, int turnaroundDays) {
        LocalDate today = today();
        LocalDate since = today.minusDays(turnaroundDays);
        List<CaseworkRepository.Device> rows = repository.forensicQueue(user.forceCode(), since);
        List<CaseworkRepository.Device> allWaiting = rows.stream().filter(d -> d.examinedOn() == null).toList();
        Set<Long> openable = investigations.openable(user,
                allWaiting.stream().map(CaseworkRepository.Device::crimeId).collect(java.util.stream.Collectors.toSet()));
        List<CaseworkRepository.Device> waiting = allWaiting.stream()
                .filter(d -> !d.restricted() || openable.contains(d.crimeId())).toList();
        Map<Codes.DeviceStatus, Long> byStatus = new LinkedHashMap<>();
        for (Codes.DeviceStatus s : List.of(Codes.DeviceStatus.AWAITING_TRIAGE, Codes.DeviceStatus.AWAITING_EXAMINATION,
                Codes.DeviceStatus.IN_EXAMINATION)) {
            byStatus.put(s, allWaiting.stream().filter(d -> d.status() == s).count());
        }
        Map<String, Distribution> turnaround = new LinkedHashMap<>();
        for (Codes.Triage t : Codes.Triage.values()) {
            turnaround.put(t.label(), Distribution.of(rows.stream().filter(d -> d.examinedOn() != null && d.triage() == t)
                    .map(d -> (int) d.waitingDays(today)).sorted().toList()));
        }
        turnaround.put("All", Distribution.of(rows.stream().filter(d -> d.examinedOn() != null)
                .map(d -> (int) d.waitingDays(today)).sorted().toList()));
        Distribution waitingDays = Distribution.of(allWaiting.stream().map(d -> (int) d.waitingDays(today)).sorted().toList());
        return new ForensicQueue(waiting, byStatus, turnaround, waitingDays, since, today, openable);
    }

    // ---- Bail and release under investigation ----------------------------------------------------

    /** A bail or RUI period with its alerts and the breaches of its conditions. */
    public record BailRow(CaseworkRepository.Bail bail, String suspectName, List<BailAlerts.Alert> alerts,
            List<LocalDate> breaches) {
    }

    public record BailPage(Crime crime, List<BailRow> periods, LocalDate today, int warningDays) {
    }

    public Optional<BailPage> bail(long crimeId, SoteriaUser user) {
        return open(crimeId, user, "bail and RUI").map(crime -> {
            LocalDate today = today();
            List<BailRow> rows = repository.bail(crimeId).stream().map(b -> new BailRow(b,
                    crime.person(b.personRef(), "suspect").map(CaseDetail.CasePerson::name).orElse("(suspect)"),
                    bailAlerts.of(b.period(), today),
                    b.orderId() == null ? List.of() : suspects.breachDates(b.orderForce(), b.orderId()))).toList();
            return new BailPage(crime, rows, today, bailAlerts.warningDays());
        });
    }

    /** Bail or RUI as the form gave it. */
    public record BailForm(Long suspectRef, Codes.BailKind kind, LocalDate startedOn, LocalDate expiresOn,
            LocalDate reviewOn, String authorisedBy, String conditions) {
    }

    /**
     * Records bail or release under investigation for a suspect of the crime, ending the suspect's current
     * period on this crime, and writes the key event ({@code bail} or {@code released_under_investigation})
     * that the victim must be told of. Bail conditions become an order so that breaches are recorded there.
     */
    @Transactional
    public void addBail(SoteriaUser user, long crimeId, BailForm f, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.suspectRef() == null || crime.person(f.suspectRef(), "suspect").isEmpty()) {
            errors.putIfAbsent("suspectRef", "Select the suspect");
        }
        if (f.kind() == null) {
            errors.putIfAbsent("kind", "Select bail or release under investigation");
        }
        if (f.startedOn() != null && f.startedOn().isAfter(today())) {
            errors.putIfAbsent("startedOn", "Start date must be today or in the past");
        } else if (f.startedOn() != null && f.startedOn().isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent("startedOn", "Start date must be on or after the day the crime was recorded ("
                    + crime.detail().recordedDate() + ")");
        }
        if (f.kind() == Codes.BailKind.BAIL) {
            if (f.expiresOn() == null) {
                errors.putIfAbsent("expiresOn", "Enter the date bail ends (the date to answer bail)");
            } else if (f.startedOn() != null && !f.expiresOn().isAfter(f.startedOn())) {
                errors.putIfAbsent("expiresOn", "Bail end date must be after the start date");
            } else if (f.startedOn() != null && f.expiresOn().isAfter(f.startedOn().plusMonths(INITIAL_BAIL_MONTHS))
                    && f.authorisedBy() == null) {
                errors.putIfAbsent("authorisedBy", "Bail beyond " + INITIAL_BAIL_MONTHS + " months needs authority: "
                        + "enter who authorised it");
            }
        } else if (f.kind() == Codes.BailKind.RUI) {
            if (f.expiresOn() != null) {
                errors.putIfAbsent("expiresOn", "Release under investigation has no end date: leave it empty and set a "
                        + "review date");
            }
            if (f.reviewOn() == null) {
                errors.putIfAbsent("reviewOn", "Enter when the release under investigation will be reviewed");
            }
            if (f.conditions() != null) {
                errors.putIfAbsent("conditions", "Release under investigation carries no conditions: use bail");
            }
        }
        if (f.reviewOn() != null && f.startedOn() != null && f.reviewOn().isBefore(f.startedOn())) {
            errors.putIfAbsent("reviewOn", "Review date must be on or after the start date");
        }
        if (f.conditions() != null && f.conditions().length() > TEXT_LIMIT) {
            errors.putIfAbsent("conditions", "Conditions must be " + TEXT_LIMIT + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        CaseDetail.CasePerson suspect = crime.person(f.suspectRef(), "suspect").orElseThrow();
        for (CaseworkRepository.Bail open : repository.bail(crimeId)) {
            if (open.personRef() == f.suspectRef() && open.endedOn() == null) {
                endPeriod(user, open, f.startedOn(), f.kind() == Codes.BailKind.BAIL ? Codes.BailEnd.BAILED
                        : Codes.BailEnd.RELEASED_UNDER_INVESTIGATION);
            }
        }
        String orderId = null;
        if (f.conditions() != null) {
            orderId = suspects.recordBailConditions(user, f.suspectRef(), f.startedOn(), f.expiresOn(), f.conditions());
        }
        repository.insertBail(crimeId, f.suspectRef(), f.kind(), f.startedOn(), f.expiresOn(), f.reviewOn(),
                f.authorisedBy(), orderId == null ? null : crime.detail().forceCode(), orderId, user.getUsername());
        events.addOnDay(crimeId, f.kind() == Codes.BailKind.BAIL ? "bail" : "released_under_investigation", f.startedOn(),
                f.suspectRef(), officerOf(user), null);
        changed(user, crime, List.of(suspect.personId()), f.kind().code() + " from " + f.startedOn());
    }

    private CaseworkRepository.Bail openPeriod(long crimeId, long bailId) {
        return repository.bail(crimeId).stream().filter(b -> b.id() == bailId && b.endedOn() == null).findFirst()
                .orElseThrow(() -> new Invalid("bail", "This period has ended or does not exist"));
    }

    /** Extends bail or changes its review date; a new end date writes a {@code bail_change} event. */
    @Transactional
    public void changeBail(SoteriaUser user, long crimeId, long bailId, LocalDate expires, LocalDate review,
            String authorisedBy, Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Bail b = openPeriod(crimeId, bailId);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        LocalDate newExpiry = b.kind() == Codes.BailKind.BAIL && expires != null ? expires : b.expiresOn();
        if (b.kind() == Codes.BailKind.BAIL && expires != null && !expires.isAfter(b.startedOn())) {
            errors.putIfAbsent("expiresOn", "Bail end date must be after the start date (" + b.startedOn() + ")");
        } else if (b.kind() == Codes.BailKind.BAIL && newExpiry.isAfter(b.startedOn().plusMonths(INITIAL_BAIL_MONTHS))
                && authorisedBy == null && b.authorisedBy() == null) {
            errors.putIfAbsent("authorisedBy", "Bail beyond " + INITIAL_BAIL_MONTHS + " months needs authority: enter "
                    + "who authorised it");
        }
        if (b.kind() == Codes.BailKind.RUI && expires != null) {
            errors.putIfAbsent("expiresOn", "Release under investigation has no end date");
        }
        if (review != null && review.isBefore(b.startedOn())) {
            errors.putIfAbsent("reviewOn", "Review date must be on or after the start date (" + b.startedOn() + ")");
        }
        if (b.kind() == Codes.BailKind.RUI && review == null) {
            errors.putIfAbsent("reviewOn", "Enter when the release under investigation will be reviewed");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean extended = b.kind() == Codes.BailKind.BAIL && !newExpiry.equals(b.expiresOn());
        repository.changeBail(bailId, newExpiry, review, authorisedBy);
        if (extended) {
            if (b.orderId() != null) {
                suspects.changeBailConditionsExpiry(user, b.personRef(), b.orderForce(), b.orderId(), newExpiry);
            }
            events.addOnDay(crimeId, "bail_change", today(), b.personRef(), officerOf(user), null);
        }
        changed(user, crime, personIds(crime, b), (extended ? "bail extended to " + newExpiry + "; " : "")
                + "review " + review);
    }

    private static List<String> personIds(Crime crime, CaseworkRepository.Bail b) {
        return crime.person(b.personRef(), "suspect").map(p -> List.of(p.personId())).orElse(List.of());
    }

    /** Ends bail or RUI: charged, no further action, bail cancelled or another reason. */
    @Transactional
    public void endBail(SoteriaUser user, long crimeId, long bailId, LocalDate on, Codes.BailEnd reason,
            Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        CaseworkRepository.Bail b = openPeriod(crimeId, bailId);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (on != null && on.isAfter(today())) {
            errors.putIfAbsent("endedOn", "End date must be today or in the past");
        } else if (on != null && on.isBefore(b.startedOn())) {
            errors.putIfAbsent("endedOn", "End date must be on or after the start date (" + b.startedOn() + ")");
        }
        if (reason == null) {
            errors.putIfAbsent("endReason", "Select why it ended");
        } else if (reason == Codes.BailEnd.BAILED || reason == Codes.BailEnd.RELEASED_UNDER_INVESTIGATION) {
            errors.putIfAbsent("endReason", "To bail or release under investigation, record the new period: this one "
                    + "ends by itself");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        endPeriod(user, b, on, reason);
        changed(user, crime, personIds(crime, b), b.kind().code() + " ended on " + on + ": " + reason.code());
    }

    private void endPeriod(SoteriaUser user, CaseworkRepository.Bail b, LocalDate on, Codes.BailEnd reason) {
        repository.endBail(b.id(), on, reason);
        if (b.orderId() != null) {
            suspects.changeBailConditionsExpiry(user, b.personRef(), b.orderForce(), b.orderId(), on);
        }
    }

    // ---- CPS liaison -----------------------------------------------------------------------------

    /** The CPS page: readiness, what was sent, actions and the CPS events on the timeline. */
    public record Cps(Crime crime, Set<String> ready, List<CaseworkRepository.Submission> submissions,
            List<CaseworkRepository.Action> actions, List<CaseDetail.TimelineEvent> events, Map<String, String> officers,
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
        return open(crimeId, user, "CPS liaison").map(crime -> new Cps(crime, repository.readiness(crimeId),
                repository.submissions(crimeId), repository.actions(crimeId), crime.detail().timeline().stream()
                        .filter(e -> CPS_EVENTS.contains(e.eventType())).toList(), officers(user, crime), today()));
    }

    @Transactional
    public void saveReadiness(SoteriaUser user, long crimeId, List<Codes.ReadinessItem> items) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        repository.setReadiness(crimeId, items.stream().map(Codes.ReadinessItem::code).distinct().toList(),
                user.getUsername());
        changed(user, crime, List.of(), "file readiness: " + items.size() + " of " + Codes.ReadinessItem.values().length);
    }

    /**
     * Sends early advice or a referral. A referral needs every item of the readiness checklist; both write
     * their event ({@code cps_early_advice}, {@code cps_referral}) to the crime's timeline.
     */
    @Transactional
    public void submitToCps(SoteriaUser user, long crimeId, String kind, LocalDate on, String summary,
            Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        boolean referral = "referral".equals(kind);
        if (!referral && !"early_advice".equals(kind)) {
            throw new Invalid("kind", "Choose early advice or a referral");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (referral) {
            Set<String> ready = repository.readiness(crimeId);
            List<String> missing = Arrays.stream(Codes.ReadinessItem.values()).filter(i -> !ready.contains(i.code()))
                    .map(Codes.ReadinessItem::label).toList();
            if (!missing.isEmpty()) {
                errors.put("items", "The file is not ready to refer: " + missing.size() + " of "
                        + Codes.ReadinessItem.values().length + " checklist items are not done");
            }
        }
        if (on != null && on.isAfter(today())) {
            errors.putIfAbsent(referral ? "referredOn" : "adviceOn", "Date must be today or in the past");
        }
        notBeforeRecording(crime, on, referral ? "referredOn" : "adviceOn", errors);
        required(errors, referral ? "summary" : "question", summary, referral
                ? "Enter a summary of the referral: the proposed charges and the strength of the case"
                : "Enter the question for the CPS");
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long event = events.addOnDay(crimeId, referral ? "cps_referral" : "cps_early_advice", on, null, officerOf(user),
                null);
        repository.insertSubmission(crimeId, kind, on, summary, event, user.getUsername());
        changed(user, crime, List.of(), (referral ? "referred to the CPS" : "early advice sought") + " on " + on);
    }

    @Transactional
    public void addAction(SoteriaUser user, long crimeId, String action, LocalDate due, String owner,
            Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        required(errors, "action", action, "Enter the action the CPS asked for");
        if (due == null) {
            errors.putIfAbsent("actionDue", "Enter the due date");
        }
        if (owner != null && !officers(user, crime).containsKey(owner)) {
            errors.putIfAbsent("actionOwner", "Select an officer from the list");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.insertAction(crimeId, action, due, owner, user.getUsername());
        changed(user, crime, List.of(), "CPS action due " + due);
    }

    @Transactional
    public void actionDone(SoteriaUser user, long crimeId, long actionId) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        if (!repository.actionDone(crimeId, actionId, today(), user.getUsername())) {
            throw new Invalid("action", "This action is already done or does not exist");
        }
        changed(user, crime, List.of(), "CPS action " + actionId + " done");
    }

    /** Records the CPS's charging decision as a {@code cps_decision} event, which the measures count. */
    @Transactional
    public void recordDecision(SoteriaUser user, long crimeId, CpsDecision decision, LocalDate on,
            Map<String, String> parseErrors) {
        Crime crime = reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (decision == null) {
            errors.putIfAbsent("decision", "Select the CPS decision");
        }
        if (on != null && on.isAfter(today())) {
            errors.putIfAbsent("decidedOn", "Date of the decision must be today or in the past");
        }
        notBeforeRecording(crime, on, "decidedOn", errors);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        events.addOnDay(crimeId, "cps_decision", on, null, officerOf(user), decision.code());
        changed(user, crime, List.of(), "CPS decision " + decision.code() + " on " + on);
    }

    /**
     * What casework a crime has, in words and without personal data, for a deep-dive reviewer who reads the crime
     * pseudonymised (the caller has reached the crime through its own rules).
     */
    @WholeForce("deep dive: a sampled crime's casework as counts, for reviewers who read it pseudonymised")
    public List<String> summary(long crimeId) {
        CaseworkRepository.Counts c = repository.counts(crimeId);
        List<String> out = new ArrayList<>();
        out.add(c.lines() + " lines of enquiry recorded in Soteria; " + c.reviews() + " supervisor reviews; " + c.devices()
                + " devices submitted for examination");
        c.requests().forEach((k, n) -> {
            Codes.Material material = Codes.parse(Codes.Material.class, k.substring(0, k.indexOf(':')));
            Codes.RequestStatus status = Codes.parse(Codes.RequestStatus.class, k.substring(k.indexOf(':') + 1));
            out.add(n + " request" + (n == 1 ? "" : "s") + " for " + (material == null ? k : material.label()
                    .toLowerCase(java.util.Locale.ROOT)) + ": " + (status == null ? "" : status.label()
                    .toLowerCase(java.util.Locale.ROOT)));
        });
        return out;
    }

    // ---- The queue -------------------------------------------------------------------------------

    /** One thing due, for the queue. */
    public record Item(long crimeId, String crimeRef, LocalDate date, String what, boolean overdue, String page) {
    }

    /** What is due for the user, by kind. */
    public record Queue(List<Item> lines, List<Item> reviews, List<Item> approvals, List<Item> bail, List<Item> cps,
            boolean reviewer, LocalDate today) {

        public int total() {
            return lines.size() + reviews.size() + approvals.size() + bail.size() + cps.size();
        }
    }

    public Queue queue(SoteriaUser user) {
        LocalDate today = today();
        NeedToKnow.Rule rule = needToKnow.rule(user, "c");
        NeedToKnow.UserScope scope = needToKnow.scope(user);
        boolean reviewer = user.can(Permission.REVIEW_INVESTIGATIONS);
        List<Item> lines = new ArrayList<>();
        if (scope.officerCode() != null) {
            for (CaseworkRepository.Due d : repository.linesDue(rule, scope.officerCode(), today.plusDays(DUE_SOON_DAYS))) {
                lines.add(new Item(d.crimeId(), d.crimeRef(), d.date(), d.what(), d.date().isBefore(today), "plan"));
            }
        }
        List<Item> reviews = new ArrayList<>();
        List<CaseworkRepository.OpenCrime> open = repository.openCrimes(rule, reviewer, scope.supervisedTeams());
        for (CaseworkRepository.OpenCrime c : open) {
            if (!reviewer && (scope.officerCode() == null || !scope.officerCode().equals(c.officerCode()))) {
                continue;
            }
            ReviewSchedule.Status s = schedule.of(c.recordedDate(), c.reviews(), null, today);
            if (s.next() != null && !s.next().due().isAfter(today.plusDays(REVIEW_SOON_DAYS))) {
                long overdue = s.points().stream().filter(x -> x.state() == ReviewSchedule.State.OVERDUE).count();
                reviews.add(new Item(c.id(), c.crimeRef(), s.next().due(), s.next().name()
                        + (overdue > 1 ? " (" + overdue + " review points overdue)" : ""), s.overdue(), "reviews"));
            }
        }
        reviews.sort(Comparator.comparing(Item::date));
        List<Item> approvals = new ArrayList<>();
        if (reviewer) {
            for (CaseworkRepository.Due d : repository.awaitingApproval(rule)) {
                if (!d.ownerCode().equals(user.getUsername())) {
                    approvals.add(new Item(d.crimeId(), d.crimeRef(), d.date(), d.what(), false, "requests"));
                }
            }
        }
        List<Item> bail = new ArrayList<>();
        for (CaseworkRepository.Bail b : repository.openBail(rule)) {
            for (BailAlerts.Alert a : bailAlerts.of(b.period(), today)) {
                bail.add(new Item(b.crimeId(), b.crimeRef(), a.date(), a.message(),
                        a.kind() == BailAlerts.Kind.LAPSED || a.kind() == BailAlerts.Kind.REVIEW_OVERDUE, "bail"));
            }
        }
        bail.sort(Comparator.comparing(Item::date));
        List<Item> cps = new ArrayList<>();
        for (CaseworkRepository.Action a : repository.actionsDue(rule, today.plusDays(DUE_SOON_DAYS))) {
            cps.add(new Item(a.crimeId(), a.crimeRef(), a.dueOn(), a.action(), a.overdueOn(today), "cps"));
        }
        Queue q = new Queue(lines, reviews, approvals, bail, cps, reviewer, today);
        Set<String> records = new HashSet<>();
        for (List<Item> list : List.of(lines, reviews, approvals, bail, cps)) {
            list.forEach(i -> records.add(user.forceCode() + ":" + i.crimeRef()));
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(records.stream().sorted().toList())
                .justification("need-to-know: own, team, granted, named or break-glass crimes")
                .detail("casework queue"));
        return q;
    }

    // ---- The journey's stages (force lead) -------------------------------------------------------

    /** A stage as the form gave it; {@code code} is null for a new stage. */
    public record StageForm(String code, String name, String guidance, Integer position, boolean active) {
    }

    @Transactional
    public void saveStage(SoteriaUser user, StageForm f, boolean isNew, Map<String, String> parseErrors) {
        if (!user.can(Permission.MANAGE_JOURNEY)) {
            throw new Invalid("permission", "You do not have permission to do this");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        List<CaseworkRepository.Stage> stages = repository.stages();
        if (f.name() == null) {
            errors.putIfAbsent("name", "Enter the stage's name");
        } else if (f.name().length() > 120) {
            errors.putIfAbsent("name", "Name must be 120 characters or fewer");
        } else if (stages.stream().anyMatch(s -> s.name().equalsIgnoreCase(f.name()) && !s.code().equals(f.code()))) {
            errors.putIfAbsent("name", "Another stage already has this name");
        }
        if (f.position() == null || f.position() < 1 || f.position() > 99) {
            errors.putIfAbsent("position", "Enter the stage's place in the journey, a whole number from 1 to 99");
        }
        if (f.guidance() != null && f.guidance().length() > 1000) {
            errors.putIfAbsent("guidance", "Guidance must be 1000 characters or fewer");
        }
        if (!isNew && stages.stream().noneMatch(s -> s.code().equals(f.code()))) {
            errors.putIfAbsent("name", "Stage not found");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String code = isNew ? codeFor(f.name(), stages) : f.code();
        repository.saveStage(new CaseworkRepository.Stage(code, f.position(), f.name(), f.guidance() == null ? ""
                : f.guidance(), isNew || f.active()), isNew);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "journey-stage", code)
                .detail((isNew ? "added: " : "changed: ") + f.name() + " at " + f.position()
                        + (isNew || f.active() ? "" : " (retired)")));
    }

    static String codeFor(String name, List<CaseworkRepository.Stage> stages) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        base = base.isEmpty() ? "stage" : base.substring(0, Math.min(30, base.length()));
        String code = base;
        Set<String> taken = stages.stream().map(CaseworkRepository.Stage::code).collect(Collectors.toSet());
        for (int i = 2; taken.contains(code); i++) {
            code = base + "_" + i;
        }
        return code;
    }
}
