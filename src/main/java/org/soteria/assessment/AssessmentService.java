package org.soteria.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.codec.digest.DigestUtils;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Bilingual;
import org.soteria.platform.EvidenceFiles;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment frameworks (versioned; the national coordinator edits a draft and publishes it) and the force's
 * self-assessment against one published version: a task list of sections with their status, answers with a
 * maturity level, evidence files, academic partners' comments, the force lead's sign-off, and a comparison
 * of two assessments section by section.
 */
@Service
public class AssessmentService {

    /** The statuses of a section, as the task list shows them. */
    /** The most characters of a question, in either language. */
    static final int QUESTION_LIMIT = 1000;
    /** The most characters of a question's guidance or the evidence it asks for, in either language. */
    static final int WORDING_LIMIT = 2000;
    /** The most characters of an answer to a question, or of a comment on a section. */
    static final int ANSWER_LIMIT = 4000;
    public static final Map<String, String> STATUSES = Map.of("not_started", "Not started", "in_progress", "In progress",
            "completed", "Completed", "needs_review", "Needs review");

    private final AssessmentRepository repository;
    private final AuditService audit;

    AssessmentService(AssessmentRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    private static void require(SoteriaUser user, Permission p) {
        if (!user.can(p)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
    }

    private void audited(SoteriaUser user, String type, long id, String detail) {
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, type, String.valueOf(id))
                .detail(detail));
    }

    // ---- Frameworks --------------------------------------------------------------------------------

    public List<AssessmentRepository.Framework> frameworks() {
        return repository.frameworks();
    }

    public List<AssessmentRepository.Framework> published() {
        return repository.frameworks().stream().filter(f -> "published".equals(f.status())).toList();
    }

    /** A framework with its sections, questions by section, and levels. */
    public record FrameworkView(AssessmentRepository.Framework framework, List<AssessmentRepository.Section> sections,
            Map<String, List<AssessmentRepository.Question>> questions, List<AssessmentRepository.Level> levels) {

        /** The maturity scale as choices for a form in the page's language: level to "2. Developing". */
        public Map<String, String> levelChoices(java.util.Locale locale) {
            Map<String, String> out = new LinkedHashMap<>();
            levels.forEach(l -> out.put(String.valueOf(l.level()), l.level() + ". " + l.name().in(locale)));
            return out;
        }
    }

    public Optional<FrameworkView> framework(long id) {
        return repository.framework(id).map(f -> {
            Map<String, List<AssessmentRepository.Question>> qs = new LinkedHashMap<>();
            List<AssessmentRepository.Section> sections = repository.sections(id);
            sections.forEach(s -> qs.put(s.code(), new ArrayList<>()));
            repository.questions(id).forEach(q -> qs.computeIfAbsent(q.sectionCode(), k -> new ArrayList<>()).add(q));
            return new FrameworkView(f, sections, qs, repository.levels(id));
        });
    }

    @Transactional
    public long newVersion(SoteriaUser user, long frameworkId) {
        require(user, Permission.MANAGE_FRAMEWORKS);
        AssessmentRepository.Framework f = repository.framework(frameworkId)
                .orElseThrow(() -> new Invalid("framework", "{assessmentError.frameworkNotFound}"));
        if (repository.frameworks().stream().anyMatch(x -> x.name().english().equals(f.name().english())
                && "draft".equals(x.status()))) {
            throw new Invalid("framework", "{assessmentError.aDraftOfThisFramework}");
        }
        long id = repository.copyAsDraft(f, user.getUsername());
        audited(user, "framework", id, "draft made from " + f.name().english() + ", version " + f.version());
        return id;
    }

    /**
     * A question as the coordinator wrote it, in English and Welsh; a null part is left empty. The Welsh may wait:
     * Welsh pages show the English until it is written.
     */
    public record QuestionWords(String text, String textCy, String guidance, String guidanceCy, String evidence,
            String evidenceCy) {
    }

    @Transactional
    public void editQuestion(SoteriaUser user, long frameworkId, Long questionId, String section, QuestionWords w) {
        String text = w.text();
        require(user, Permission.MANAGE_FRAMEWORKS);
        FrameworkView v = framework(frameworkId).orElseThrow(() -> new Invalid("framework", "{assessmentError.frameworkNotFound}"));
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"draft".equals(v.framework().status())) {
            errors.put("text", "{assessmentError.aPublishedFrameworkCannotChange}");
        }
        if (text == null) {
            errors.put("text", "{assessmentError.enterTheQuestion}");
        } else if (text.length() > QUESTION_LIMIT) {
            errors.put("text", "{assessmentError.theQuestionMustBe1000}");
        }
        if (w.textCy() != null && w.textCy().length() > QUESTION_LIMIT) {
            errors.put("textCy", Fault.tooLong("field.questionCy", QUESTION_LIMIT));
        }
        for (String[] part : new String[][] {{"guidance", w.guidance(), "field.guidance"},
                {"guidanceCy", w.guidanceCy(), "field.guidanceCy"}, {"evidence", w.evidence(), "field.evidence"},
                {"evidenceCy", w.evidenceCy(), "field.evidenceCy"}}) {
            if (part[1] != null && part[1].length() > WORDING_LIMIT) {
                errors.put(part[0], Fault.tooLong(part[2], WORDING_LIMIT));
            }
        }
        if (questionId == null && (section == null || !v.questions().containsKey(section))) {
            errors.put("section", "{assessmentError.selectTheSection}");
        }
        if (questionId != null && v.questions().values().stream().flatMap(List::stream).noneMatch(q -> q.id() == questionId)) {
            errors.put("text", "{assessmentError.questionNotFound}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        AssessmentRepository.Wording wording = new AssessmentRepository.Wording(Bilingual.of(text, w.textCy()),
                Bilingual.of(w.guidance(), w.guidanceCy()), Bilingual.of(w.evidence(), w.evidenceCy()));
        if (questionId == null) {
            repository.addQuestion(frameworkId, section, wording);
        } else {
            repository.updateQuestion(frameworkId, questionId, wording);
        }
        audited(user, "framework", frameworkId, questionId == null ? "question added" : "question " + questionId + " changed");
    }

    @Transactional
    public void publish(SoteriaUser user, long frameworkId) {
        require(user, Permission.MANAGE_FRAMEWORKS);
        if (!repository.publish(frameworkId)) {
            throw new Invalid("framework", "{assessmentError.onlyADraftCanBe}");
        }
        audited(user, "framework", frameworkId, "published");
    }

    // ---- Self-assessments --------------------------------------------------------------------------

    public List<AssessmentRepository.Assessment> assessments(SoteriaUser user) {
        return repository.assessments(user.forceCode());
    }

    @Transactional
    public long start(SoteriaUser user, Long frameworkId, String title) {
        require(user, Permission.MANAGE_ASSESSMENTS);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null) {
            errors.put("title", "{assessmentError.enterATitleForExample}");
        }
        AssessmentRepository.Framework f = frameworkId == null ? null : repository.framework(frameworkId)
                .filter(x -> "published".equals(x.status())).orElse(null);
        if (f == null) {
            errors.put("frameworkId", "{assessmentError.selectAPublishedFramework}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.start(user.forceCode(), f.id(), title, user.getUsername(), repository.sections(f.id()));
        audited(user, "assessment", id, "started against " + f.name().english() + ", version " + f.version());
        return id;
    }

    /** An assessment's task list: its framework, each section with its status, and whether it can be signed off. */
    public record TaskList(AssessmentRepository.Assessment assessment, FrameworkView framework,
            Map<String, String> statuses) {

        public String status(String section) {
            return statuses.getOrDefault(section, "not_started");
        }

        public long completed() {
            return framework.sections().stream().filter(s -> "completed".equals(status(s.code()))).count();
        }

        public boolean complete() {
            return completed() == framework.sections().size();
        }
    }

    public Optional<TaskList> taskList(SoteriaUser user, long id) {
        return repository.assessment(id, user.forceCode()).map(a -> new TaskList(a, framework(a.frameworkId())
                .orElseThrow(), repository.sectionStatuses(id)));
    }

    /** One section of an assessment: its questions with their answers, evidence and comments. */
    public record SectionPage(TaskList tasks, AssessmentRepository.Section section,
            List<AssessmentRepository.Question> questions, Map<Long, AssessmentRepository.Answer> answers,
            List<AssessmentRepository.Evidence> evidence, List<AssessmentRepository.Comment> comments) {
    }

    public Optional<SectionPage> section(SoteriaUser user, long id, String code) {
        return taskList(user, id).flatMap(t -> t.framework().sections().stream().filter(s -> s.code().equals(code))
                .findFirst().map(s -> new SectionPage(t, s, t.framework().questions().get(code), repository.answers(id),
                        repository.evidence(id, code), repository.comments(id, code))));
    }

    private SectionPage reach(SoteriaUser user, long id, String code) {
        return section(user, id, code).orElseThrow(() -> new Invalid("assessment", "{assessmentError.assessmentNotFound}"));
    }

    /** Answers as given: per question a level (1 to the scale's top) and text; and whether the section is done. */
    @Transactional
    public void saveSection(SoteriaUser user, long id, String code, Map<Long, Integer> levels, Map<Long, String> answers,
            Boolean completed, Map<String, String> parseErrors) {
        require(user, Permission.MANAGE_ASSESSMENTS);
        SectionPage page = reach(user, id, code);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (page.tasks().assessment().signedOffAt() != null) {
            errors.put("completed", "{assessmentError.thisAssessmentHasBeenSigned}");
        }
        int top = page.tasks().framework().levels().size();
        for (AssessmentRepository.Question q : page.questions()) {
            Integer level = levels.get(q.id());
            if (level != null && (level < 1 || level > top)) {
                errors.putIfAbsent("level-" + q.id(), "{assessmentError.selectALevelFromThe}");
            }
            if (Boolean.TRUE.equals(completed) && level == null) {
                errors.putIfAbsent("level-" + q.id(), Fault.of("assessmentError.selectLevelFor",
                        q.position()));
            }
            String a = answers.get(q.id());
            if (a != null && a.length() > ANSWER_LIMIT) {
                errors.putIfAbsent("answer-" + q.id(), "{assessmentError.theAnswerMustBe4000}");
            }
        }
        if (completed == null) {
            errors.putIfAbsent("completed", "{assessmentError.selectWhetherYouHaveCompleted}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        for (AssessmentRepository.Question q : page.questions()) {
            if (levels.get(q.id()) != null || answers.get(q.id()) != null) {
                repository.saveAnswer(id, q.id(), levels.get(q.id()), answers.get(q.id()), user.getUsername());
            }
        }
        repository.setStatus(id, code, completed ? "completed" : "in_progress", user.getUsername());
        audited(user, "assessment", id, "section " + code + (completed ? " completed" : " in progress"));
    }

    @Transactional
    public void comment(SoteriaUser user, long id, String code, String text, boolean needsReview) {
        require(user, Permission.COMMENT_ON_ASSESSMENTS);
        reach(user, id, code);
        if (text == null) {
            throw new Invalid("comment", "{assessmentError.enterYourComment}");
        }
        if (text.length() > ANSWER_LIMIT) {
            throw new Invalid("comment", "{assessmentError.theCommentMustBe4000}");
        }
        repository.addComment(id, code, user.getUsername(), text, needsReview);
        if (needsReview) {
            repository.setStatus(id, code, "needs_review", user.getUsername());
        }
        audited(user, "assessment", id, "comment on " + code + (needsReview ? " (needs review)" : ""));
    }

    @Transactional
    public void addEvidence(SoteriaUser user, long id, String code, String originalName, byte[] content) {
        require(user, Permission.MANAGE_ASSESSMENTS);
        reach(user, id, code);
        String name = EvidenceFiles.safeName(originalName);
        String problem = EvidenceFiles.problem(name, content);
        if (problem != null) {
            throw new Invalid("file", problem);
        }
        String sha = DigestUtils.sha256Hex(content);
        repository.addEvidence(id, code, name, EvidenceFiles.TYPES.get(EvidenceFiles.extension(name)), content, sha,
                user.getUsername());
        audited(user, "assessment", id, "evidence " + name + " (" + content.length + " bytes, sha256 " + sha + ") on " + code);
    }

    /** An evidence file for download by those who may see the assessment; the download is logged. */
    public Optional<AssessmentRepository.File> evidence(SoteriaUser user, long id, long evidenceId) {
        if (repository.assessment(id, user.forceCode()).isEmpty()) {
            return Optional.empty();
        }
        Optional<AssessmentRepository.File> f = repository.file(id, evidenceId);
        f.ifPresent(x -> audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.EXPORT,
                "assessment-evidence", String.valueOf(evidenceId)).detail("downloaded " + x.fileName())));
        return f;
    }

    @Transactional
    public void signOff(SoteriaUser user, long id) {
        require(user, Permission.MANAGE_ASSESSMENTS);
        TaskList t = taskList(user, id).orElseThrow(() -> new Invalid("assessment", "{assessmentError.assessmentNotFound}"));
        if (!t.complete()) {
            throw new Invalid("signOff", Fault.of("assessmentError.everySectionBeforeSignOff",
                    t.completed(), t.framework().sections().size()));
        }
        if (!repository.signOff(id, user.getUsername())) {
            throw new Invalid("signOff", "{assessmentError.thisAssessmentIsAlreadySigned}");
        }
        audited(user, "assessment", id, "signed off");
    }

    /** Mean maturity level of a section's answered questions, or null when none is answered. */
    static Double mean(List<AssessmentRepository.Question> questions, Map<Long, AssessmentRepository.Answer> answers) {
        int n = 0;
        int sum = 0;
        for (AssessmentRepository.Question q : questions) {
            AssessmentRepository.Answer a = answers.get(q.id());
            if (a != null && a.level() != null) {
                n++;
                sum += a.level();
            }
        }
        return n == 0 ? null : sum / (double) n;
    }

    /** A section's maturity in a signed-off assessment: the mean level of its answered questions (null: none). */
    public record SectionMaturity(String code, int position, Bilingual name, Double level, int answered, int questions) {
    }

    /** A signed-off self-assessment (one cycle of the force's), its framework and each section's maturity. */
    public record CycleMaturity(long number, String title, java.time.LocalDate signedOffOn, String framework,
            int frameworkVersion, List<SectionMaturity> sections) {
    }

    /**
     * The force's signed-off self-assessments, oldest first, each section's mean maturity: what the force shares with
     * the national hub. An assessment still being written is the force's own and never leaves.
     */
    public List<CycleMaturity> signedOff(String force) {
        List<CycleMaturity> out = new ArrayList<>();
        for (AssessmentRepository.Assessment a : repository.assessments(force)) {
            if (a.signedOffAt() == null) {
                continue;
            }
            FrameworkView f = framework(a.frameworkId()).orElseThrow();
            Map<Long, AssessmentRepository.Answer> answers = repository.answers(a.id());
            List<SectionMaturity> sections = new ArrayList<>();
            for (AssessmentRepository.Section s : f.sections()) {
                List<AssessmentRepository.Question> qs = f.questions().getOrDefault(s.code(), List.of());
                int answered = (int) qs.stream().filter(q -> answers.containsKey(q.id())
                        && answers.get(q.id()).level() != null).count();
                sections.add(new SectionMaturity(s.code(), s.position(), s.name(), mean(qs, answers), answered,
                        qs.size()));
            }
            out.add(new CycleMaturity(a.id(), a.title(), a.signedOffAt().atZoneSameInstant(
                    org.soteria.platform.DatabaseConfig.LONDON).toLocalDate(), f.framework().name().english(),
                    f.framework().version(), sections));
        }
        out.sort(java.util.Comparator.comparing(CycleMaturity::signedOffOn).thenComparing(CycleMaturity::number));
        return out;
    }

    /** One section compared: its name and the mean level then and now. */
    public record SectionChange(Bilingual name, Double then, Double now) {

        public Double change() {
            return then == null || now == null ? null : now - then;
        }
    }

    public record Comparison(TaskList then, TaskList now, List<SectionChange> sections) {
    }

    public Optional<Comparison> compare(SoteriaUser user, long thenId, long nowId) {
        Optional<TaskList> then = taskList(user, thenId);
        Optional<TaskList> now = taskList(user, nowId);
        if (then.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, AssessmentRepository.Answer> a = repository.answers(thenId);
        Map<Long, AssessmentRepository.Answer> b = repository.answers(nowId);
        List<SectionChange> out = new ArrayList<>();
        for (AssessmentRepository.Section s : now.get().framework().sections()) {
            List<AssessmentRepository.Question> thenQs = then.get().framework().questions().get(s.code());
            out.add(new SectionChange(s.name(), thenQs == null ? null : mean(thenQs, a),
                    mean(now.get().framework().questions().get(s.code()), b)));
        }
        return Optional.of(new Comparison(then.get(), now.get(), out));
    }
}
