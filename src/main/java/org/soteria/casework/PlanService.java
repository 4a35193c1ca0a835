package org.soteria.casework;

import java.time.LocalDate;
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
import org.soteria.platform.Bilingual;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.suspect.SuspectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation plan: the journey's stages and each crime's stage, the prompts drawn from the crime's
 * context, and lines of enquiry (ADR 13).
 */
@Service
public class PlanService {

    private final CaseworkSupport support;
    private final PlanRepository planRecords;
    private final SuspectService suspects;
    private final ReviewService supervisorReviews;
    private final AuditService audit;

    PlanService(CaseworkSupport support, PlanRepository planRecords, SuspectService suspects, ReviewService supervisorReviews,
            AuditService audit) {
        this.support = support;
        this.planRecords = planRecords;
        this.suspects = suspects;
        this.supervisorReviews = supervisorReviews;
        this.audit = audit;
    }

    public List<PlanRepository.Stage> stages() {
        return planRecords.stages();
    }

    /** A prompt with the line of enquiry that answers it, if any. */
    public record PromptRow(Prompts.Prompt prompt, PlanRepository.Line answer) {
    }

    /** The plan page: the journey with the crime's stage, the prompts, the lines and the next review. */
    public record Plan(Crime crime, List<PlanRepository.Stage> stages, PlanRepository.Stage current,
            List<PlanRepository.StageEntry> history, List<PromptRow> prompts, List<PlanRepository.Line> lines,
            Map<String, String> officers, ReviewSchedule.Status reviews, LocalDate today) {

        public Bilingual stageName(String code) {
            return stages.stream().filter(s -> s.code().equals(code)).map(PlanRepository.Stage::name).findFirst()
                    .orElse(Bilingual.of(code, code));
        }

        public String officerName(String code) {
            return code == null ? "Not assigned" : officers.getOrDefault(code, code);
        }

        public long openPrompts() {
            return prompts.stream().filter(p -> p.answer() == null).count();
        }
    }

    /** A line of enquiry as a partner given the investigation plan sees it (ADR 32). */
    public record SharedLine(Codes.Focus focus, String description, LocalDate dueOn, Codes.LineStatus status,
            String result) {
    }

    /**
     * The crime's lines of enquiry as row-level security shows them to the user: a CPS prosecutor given the plan
     * (ADR 32) sees them, anyone else no more than need-to-know gives. The caller has found the share and logs the
     * look with the case it shows.
     */
    public List<SharedLine> sharedLines(long crimeId) {
        return planRecords.lines(crimeId).stream().map(l -> new SharedLine(l.focus(), l.description(), l.dueOn(),
                l.status(), l.result())).toList();
    }

    public Optional<Plan> plan(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "investigation plan").map(crime -> {
            List<PlanRepository.Stage> stages = planRecords.stages();
            List<PlanRepository.StageEntry> history = planRecords.stageHistory(crimeId);
            PlanRepository.Stage current = history.isEmpty() ? null : stages.stream()
                    .filter(s -> s.code().equals(history.get(0).stageCode())).findFirst().orElse(null);
            List<PlanRepository.Line> lines = planRecords.lines(crimeId);
            Map<String, PlanRepository.Line> byPrompt = new LinkedHashMap<>();
            lines.stream().filter(l -> l.promptCode() != null).forEach(l -> byPrompt.putIfAbsent(l.promptCode(), l));
            List<PromptRow> prompts = Prompts.forCrime(context(crime, user)).stream()
                    .map(p -> new PromptRow(p, byPrompt.get(p.code()))).toList();
            return new Plan(crime, stages, current, history, prompts, lines, support.officers(user, crime),
                    supervisorReviews.reviewStatus(crime),
                    support.today());
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
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        PlanRepository.Stage stage = planRecords.stages().stream()
                .filter(s -> s.code().equals(stageCode) && s.active()).findFirst()
                .orElseThrow(() -> new Invalid("stage", "{caseworkError.selectTheStageTheInvestigation}"));
        List<PlanRepository.StageEntry> history = planRecords.stageHistory(crimeId);
        if (!history.isEmpty() && history.get(0).stageCode().equals(stage.code())) {
            throw new Invalid("stage", "{caseworkError.alreadyAtStage}");
        }
        planRecords.enterStage(crimeId, stage.code(), support.today(), user.getUsername());
        support.changed(user, crime, List.of(), "stage: " + stage.name().english());
    }

    /** A new line of enquiry as the form gave it; {@code notPursuedReason} closes it at once. */
    public record LineForm(Codes.Focus focus, String promptCode, String description, String owner, LocalDate due,
            String notPursuedReason) {
    }

    @Transactional
    public void addLine(SoteriaUser user, long crimeId, LineForm f, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        Prompts.Prompt prompt = prompt(crime, user, f.promptCode());
        if (f.promptCode() != null && prompt == null) {
            errors.put("description", "{caseworkError.thatPromptDoesNotApply}");
        }
        Codes.Focus focus = prompt != null ? prompt.focus() : f.focus();
        if (focus == null) {
            errors.putIfAbsent("focus", "{caseworkError.selectWhatTheLineOf}");
        }
        if (f.description() == null) {
            errors.putIfAbsent("description", "{caseworkError.enterTheLineOfEnquiry}");
        }
        if (f.owner() != null && !support.officers(user, crime).containsKey(f.owner())) {
            errors.putIfAbsent("owner", "{caseworkError.selectAnOfficerFromThe}");
        }
        if (f.due() != null && f.due().isBefore(support.today()) && f.notPursuedReason() == null) {
            errors.putIfAbsent("due", "{caseworkError.dueDateMustBeToday}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        boolean closed = f.notPursuedReason() != null;
        planRecords.insertLine(crimeId, focus, prompt == null ? null : prompt.code(), f.description(), f.owner(), f.due(),
                closed ? Codes.LineStatus.NOT_PURSUED : Codes.LineStatus.OPEN, f.notPursuedReason(), user.getUsername(),
                closed ? support.today() : null);
        support.changed(user, crime, List.of(), (closed ? "line of enquiry not pursued" : "line of enquiry added")
                + (prompt == null ? "" : " (prompt " + prompt.code() + ")"));
    }

    @Transactional
    public void closeLine(SoteriaUser user, long crimeId, long lineId, Codes.LineStatus status, String result) {
        Crime crime = support.reach(crimeId, user, Permission.WORK_INVESTIGATIONS);
        PlanRepository.Line line = planRecords.lines(crimeId).stream().filter(l -> l.id() == lineId).findFirst()
                .orElseThrow(() -> new Invalid("line", "{caseworkError.lineOfEnquiryNotFound}"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (line.status() != Codes.LineStatus.OPEN) {
            errors.put("status", "{caseworkError.thisLineOfEnquiryIs}");
        }
        if (status == null || status == Codes.LineStatus.OPEN) {
            errors.put("status", "{caseworkError.selectWhetherTheLineIs}");
        }
        if (result == null) {
            errors.put("result", "{caseworkError.enterWhatTheLineOf}");
        } else if (result.length() > CaseworkSupport.TEXT_LIMIT) {
            errors.put("result", Fault.tooLong("field.result", CaseworkSupport.TEXT_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        planRecords.closeLine(line, status, result, user.getUsername(), support.today());
        support.changed(user, crime, List.of(), "line of enquiry " + lineId + " " + status.code());
    }

    // ---- The journey's stages (force lead) -------------------------------------------------------

    /**
     * A stage as the form gave it; {@code code} is null for a new stage. The Welsh name and guidance may be left
     * empty: Welsh pages then show the English until someone writes them.
     */
    public record StageForm(String code, String name, String nameCy, String guidance, String guidanceCy,
            Integer position, boolean active) {
    }

    @Transactional
    public void saveStage(SoteriaUser user, StageForm f, boolean isNew, Map<String, String> parseErrors) {
        if (!user.can(Permission.MANAGE_JOURNEY)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        List<PlanRepository.Stage> stages = planRecords.stages();
        if (f.name() == null) {
            errors.putIfAbsent("name", "{caseworkError.enterTheStageSName}");
        } else if (f.name().length() > 120) {
            errors.putIfAbsent("name", "{caseworkError.nameMustBe120Characters}");
        } else if (stages.stream().anyMatch(s -> s.name().english().equalsIgnoreCase(f.name())
                && !s.code().equals(f.code()))) {
            errors.putIfAbsent("name", "{caseworkError.anotherStageAlreadyHasThis}");
        }
        if (f.nameCy() != null && f.nameCy().length() > 120) {
            errors.putIfAbsent("nameCy", Fault.tooLong("field.nameCy", 120));
        } else if (f.nameCy() != null && stages.stream().anyMatch(s -> s.name().welsh().equalsIgnoreCase(f.nameCy())
                && !s.code().equals(f.code()))) {
            errors.putIfAbsent("nameCy", "{caseworkError.anotherStageAlreadyHasThis}");
        }
        if (f.position() == null || f.position() < 1 || f.position() > 99) {
            errors.putIfAbsent("position", "{caseworkError.enterTheStageSPlace}");
        }
        if (f.guidance() != null && f.guidance().length() > 1000) {
            errors.putIfAbsent("guidance", "{caseworkError.guidanceMustBe1000Characters}");
        }
        if (f.guidanceCy() != null && f.guidanceCy().length() > 1000) {
            errors.putIfAbsent("guidanceCy", Fault.tooLong("field.guidanceCy", 1000));
        }
        if (!isNew && stages.stream().noneMatch(s -> s.code().equals(f.code()))) {
            errors.putIfAbsent("name", "{caseworkError.stageNotFound}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        String code = isNew ? codeFor(f.name(), stages) : f.code();
        planRecords.saveStage(new PlanRepository.Stage(code, f.position(), Bilingual.of(f.name(), f.nameCy()),
                Bilingual.of(f.guidance(), f.guidanceCy()), isNew || f.active()), isNew);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "journey-stage", code)
                .detail((isNew ? "added: " : "changed: ") + f.name() + " at " + f.position()
                        + (isNew || f.active() ? "" : " (retired)")));
    }

    static String codeFor(String name, List<PlanRepository.Stage> stages) {
        String base = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        base = base.isEmpty() ? "stage" : base.substring(0, Math.min(30, base.length()));
        String code = base;
        Set<String> taken = stages.stream().map(PlanRepository.Stage::code).collect(Collectors.toSet());
        for (int i = 2; taken.contains(code); i++) {
            code = base + "_" + i;
        }
        return code;
    }
}
