package org.soteria.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.reference.Pillar;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The force's improvement plan: actions with an owner, a due date, a pillar and a linked measure, a RAG status
 * kept by dated progress updates, overdue alerts, and each linked measure in the six months before the action
 * went live against the six months since (or up to today).
 */
@Service
public class ImprovementService {

    /** Months compared on each side of the date an action went live. */
    static final int COMPARE_MONTHS = 6;

    private final ImprovementRepository repository;
    private final MeasureService measures;
    private final AuditService audit;
    private final Clock clock;
    private final ActionEffect effects;
    private final org.soteria.survey.SurveyService surveys;

    ImprovementService(ImprovementRepository repository, MeasureService measures, AuditService audit, Clock clock,
            ActionEffect effects, org.soteria.survey.SurveyService surveys) {
        this.effects = effects;
        this.surveys = surveys;
        this.repository = repository;
        this.measures = measures;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** The pillars as choices for a form: number to name. */
    public Map<String, String> pillars() {
        return Pillar.choices();
    }

    /** A linked measure before and after an action went live: the periods and each rate. */
    public record Comparison(PlanMeasure measure, LocalDate beforeFrom, LocalDate beforeTo, Measures.Rate before,
            LocalDate afterFrom, LocalDate afterTo, Measures.Rate after) {

        public Double change() {
            return before.value() == null || after == null || after.value() == null ? null
                    : 100 * (after.value() - before.value());
        }
    }

    /** An action as the plan shows it, with each linked measure before and after it went live (none until live). */
    public record Row(ImprovementRepository.Action action, String pillarName, boolean overdue,
            List<Comparison> comparisons) {
    }

    public List<Row> plan(SoteriaUser user) {
        LocalDate today = today();
        List<Row> out = new ArrayList<>();
        for (ImprovementRepository.Action a : repository.actions(user.forceCode())) {
            out.add(new Row(a, Pillar.label(a.pillar()), a.overdueOn(today), comparisons(user, a, today)));
        }
        return out;
    }

    /**
     * A pillar's actions in the force's plan: done, open and overdue, open and on track (rated green), open and at risk
     * (amber or red). The four parts add up to the actions.
     */
    public record PillarProgress(int pillar, int actions, int done, int overdue, int onTrack, int atRisk) {
    }

    /** The plan's progress by pillar today, every pillar present (what the force shares with the national hub). */
    public List<PillarProgress> progress(String force) {
        LocalDate today = today();
        int[][] counts = new int[Pillar.values().length + 1][4];
        for (ImprovementRepository.Action a : repository.actions(force)) {
            int part = a.doneOn() != null ? 0 : a.overdueOn(today) ? 1 : "green".equals(a.rag()) ? 2 : 3;
            counts[a.pillar()][part]++;
        }
        List<PillarProgress> out = new ArrayList<>();
        for (int p = 1; p < counts.length; p++) {
            int[] c = counts[p];
            out.add(new PillarProgress(p, c[0] + c[1] + c[2] + c[3], c[0], c[1], c[2], c[3]));
        }
        return out;
    }

    /** How many of the force's improvement actions are past their due date and not done. */
    public long overdue(SoteriaUser user) {
        LocalDate today = today();
        return repository.actions(user.forceCode()).stream().filter(a -> a.overdueOn(today)).count();
    }

    /** Each linked measure before and after the action went live: the engine asked once for each period. */
    private List<Comparison> comparisons(SoteriaUser user, ImprovementRepository.Action a, LocalDate today) {
        if (a.measures().isEmpty() || a.liveOn() == null) {
            return List.of();
        }
        MeasureFilter force = MeasureFilter.of(Map.of("force", List.of(user.forceCode())));
        LocalDate beforeFrom = a.liveOn().minusMonths(COMPARE_MONTHS);
        LocalDate beforeTo = a.liveOn().minusDays(1);
        Measures before = measures.compute(new MeasureQuery(beforeFrom, beforeTo, today, force));
        boolean live = !a.liveOn().isAfter(today);
        LocalDate afterTo = a.liveOn().plusMonths(COMPARE_MONTHS).minusDays(1);
        if (afterTo.isAfter(today)) {
            afterTo = today;
        }
        Measures after = live ? measures.compute(new MeasureQuery(a.liveOn(), afterTo, today, force)) : null;
        List<Comparison> out = new ArrayList<>();
        for (PlanMeasure m : a.measures()) {
            out.add(new Comparison(m, beforeFrom, beforeTo, m.of(before), a.liveOn(), live ? afterTo : null,
                    live ? m.of(after) : null));
        }
        return out;
    }

    /**
     * An action with its updates, whether it worked on each linked measure (none: no measure, or not live yet), and
     * each linked survey statement in the closed waves before and after it went live.
     */
    public record ActionPage(Row row, List<ImprovementRepository.Update> updates, List<ActionEffect.Effect> effects,
            List<org.soteria.survey.SurveyService.StatementAround> statements) {
    }

    public Optional<ActionPage> action(SoteriaUser user, long id) {
        LocalDate today = today();
        return repository.action(id, user.forceCode()).map(a -> new ActionPage(new Row(a, Pillar.label(a.pillar()),
                a.overdueOn(today), comparisons(user, a, today)), repository.updates(id),
                effects.of(user.forceCode(), a, today), surveys.around(user.forceCode(), surveys.questionnaire().stream()
                        .filter(q -> a.statements().contains(q.code())).toList(), a.liveOn())));
    }

    /** The survey's statements an action may be linked to. */
    public List<org.soteria.survey.SurveyResults.Question> statements() {
        return surveys.questionnaire();
    }

    /** A new action as the form gave it; {@code measures} the codes of the measures ticked. */
    public record ActionForm(String title, String description, Integer pillar, String owner, LocalDate dueOn,
            List<String> measures, LocalDate liveOn, String answers, List<String> statements) {

        public ActionForm {
            measures = measures == null ? List.of() : List.copyOf(measures);
            statements = statements == null ? List.of() : statements.stream().distinct().toList();
        }

        public ActionForm(String title, String description, Integer pillar, String owner, LocalDate dueOn,
                List<String> measures, LocalDate liveOn, String answers) {
            this(title, description, pillar, owner, dueOn, measures, liveOn, answers, List.of());
        }

        public ActionForm(String title, String description, Integer pillar, String owner, LocalDate dueOn,
                List<String> measures, LocalDate liveOn) {
            this(title, description, pillar, owner, dueOn, measures, liveOn, null);
        }
    }

    /**
     * The finding a new action will answer, when the form names one: the force's own sample (an item of its review,
     * or its missed opportunities) or self-assessment section; an error under {@code answers} otherwise.
     */
    public Answers answers(SoteriaUser user, String raw) {
        Answers a = Answers.parse(raw);
        if (raw != null && !raw.isBlank() && (a == null || !repository.exists(user.forceCode(), a))) {
            throw new Invalid("answers", "{assessmentError.noSuchFinding}");
        }
        return a;
    }

    /** What an action answers, for its page and the new-action form: where, and the words to name it. */
    public record Answered(Answers answers, String title, org.soteria.platform.Bilingual section) {

        /** Whether it names an item of a deep dive's review (its words are {@link #section}). */
        public boolean item() {
            return answers.kind() == Answers.Kind.DEEP_DIVE && !missedOpportunities();
        }

        public boolean missedOpportunities() {
            return Answers.MISSED.equals(answers.code());
        }
    }

    /** The finding a reference names, if it is the user's force's. */
    public Optional<Answered> answered(SoteriaUser user, Answers a) {
        return a == null ? Optional.empty() : repository.describe(user.forceCode(), a).map(d -> new Answered(a, d[0],
                d[1] == null ? null : org.soteria.platform.Bilingual.of(d[1], d[2])));
    }

    /** The actions answering the findings of a sample or a self-assessment, by item or section code. */
    public Map<String, List<ImprovementRepository.Action>> answering(SoteriaUser user, Answers.Kind kind, long id) {
        Map<String, List<ImprovementRepository.Action>> out = new LinkedHashMap<>();
        repository.answering(user.forceCode(), kind, id)
                .forEach(a -> out.computeIfAbsent(a.answers().code(), k -> new ArrayList<>()).add(a));
        return out;
    }

    @Transactional
    public long add(SoteriaUser user, ActionForm f, Map<String, String> parseErrors) {
        require(user);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.title() == null) {
            errors.putIfAbsent("title", "{assessmentError.enterTheAction}");
        }
        if (f.description() == null) {
            errors.putIfAbsent("description", "{assessmentError.enterWhatWillBeDone}");
        }
        if (f.pillar() == null || f.pillar() < 1 || f.pillar() > 6) {
            errors.putIfAbsent("pillar", "{assessmentError.selectThePillar}");
        }
        if (f.owner() == null) {
            errors.putIfAbsent("owner", "{assessmentError.enterWhoOwnsTheAction}");
        }
        if (f.dueOn() == null && !parseErrors.containsKey("dueOn")) {
            errors.putIfAbsent("dueOn", "{caseworkError.enterTheDueDate}");
        }
        List<PlanMeasure> linked = new ArrayList<>();
        for (PlanMeasure m : PlanMeasure.values()) {
            if (f.measures().contains(m.code())) {
                linked.add(m);
            }
        }
        if (linked.size() != new java.util.HashSet<>(f.measures()).size()) {
            errors.putIfAbsent("measures", "{assessmentError.selectAMeasureFromThe}");
        }
        java.util.Set<String> asked = new java.util.HashSet<>();
        surveys.questionnaire().forEach(q -> asked.add(q.code()));
        if (!asked.containsAll(f.statements())) {
            errors.putIfAbsent("statements", "{assessmentError.selectStatementsFromTheList}");
        }
        if (f.liveOn() != null && linked.isEmpty() && f.statements().isEmpty()) {
            errors.putIfAbsent("measures", "{assessmentError.selectTheMeasureToCompare}");
        }
        Answers answers = null;
        try {
            answers = answers(user, f.answers());
        } catch (Invalid e) {
            e.errors().forEach(errors::putIfAbsent);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.insert(new ImprovementRepository.Action(0, user.forceCode(), f.title(), f.description(),
                f.pillar(), f.owner(), f.dueOn(), linked, f.liveOn(), "amber", null, user.getUsername(), answers,
                f.statements().stream().sorted().toList()));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "improvement-action",
                String.valueOf(id)).detail("added: " + f.title()));
        return id;
    }

    /** A progress update: its date, RAG, what happened, evidence, and whether the action went live or is done. */
    public record UpdateForm(LocalDate on, String rag, String note, String evidence, LocalDate liveOn, boolean done) {
    }

    @Transactional
    public void update(SoteriaUser user, long id, UpdateForm f, Map<String, String> parseErrors) {
        require(user);
        ImprovementRepository.Action a = repository.action(id, user.forceCode())
                .orElseThrow(() -> new Invalid("action", "{assessmentError.actionNotFound}"));
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.on() != null && f.on().isAfter(today())) {
            errors.putIfAbsent("on", "{assessmentError.dateOfTheUpdateMust}");
        }
        if (f.rag() == null || !List.of("red", "amber", "green").contains(f.rag())) {
            errors.putIfAbsent("rag", "{assessmentError.selectRedAmberOrGreen}");
        }
        if (f.note() == null) {
            errors.putIfAbsent("note", "{assessmentError.enterTheProgressMade}");
        }
        if (f.liveOn() != null && a.measures().isEmpty()) {
            errors.putIfAbsent("liveOn", "{assessmentError.thisActionHasNoLinked}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.addUpdate(id, new ImprovementRepository.Update(f.on(), f.rag(), f.note(), f.evidence(),
                user.getUsername()), f.liveOn(), f.done());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "improvement-action",
                String.valueOf(id)).detail("update " + f.rag() + (f.done() ? ", done" : "")));
    }

    private static void require(SoteriaUser user) {
        if (!user.can(Permission.MANAGE_IMPROVEMENT_PLAN)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
    }
}
