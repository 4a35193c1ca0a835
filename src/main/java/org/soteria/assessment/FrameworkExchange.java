package org.soteria.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frameworks between the national hub and forces (issue 28, ADR 37): the hub publishes its published versions whole,
 * in both languages; a force sees each version it does not have, with what changed since the version it has, and
 * its Soteria lead accepts it, which publishes it in the force as a national version.
 */
@Service
public class FrameworkExchange {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

    private final AssessmentRepository repository;
    private final AssessmentService assessments;
    private final AuditService audit;

    FrameworkExchange(AssessmentRepository repository, AssessmentService assessments, AuditService audit) {
        this.repository = repository;
        this.assessments = assessments;
        this.audit = audit;
    }

    /** A section of a framework, in English and Welsh (the Welsh empty until written). */
    public record Section(String code, int position, String name, String nameCy, String description,
            String descriptionCy) {
    }

    /** A question, by its section and place in it. */
    public record Question(String section, int position, String text, String textCy, String guidance,
            String guidanceCy, String evidence, String evidenceCy) {
    }

    /** A level of the maturity scale. */
    public record Level(int level, String name, String nameCy, String descriptor, String descriptorCy) {
    }

    /** A framework's version, whole. */
    public record Framework(String name, String nameCy, int version, List<Section> sections, List<Question> questions,
            List<Level> levels) {

        /** Why a received framework cannot be taken, each naming the part; empty when it can. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            String at = "framework " + name + ", version " + version;
            if (name == null || name.isBlank() || name.length() > 200 || version < 1) {
                out.add("a framework needs a name (up to 200 characters) and a version of 1 or more");
                return out;
            }
            if (sections == null || sections.isEmpty() || sections.size() > 40 || questions == null
                    || levels == null) {
                out.add(at + ": 1 to 40 sections, questions and levels are needed");
                return out;
            }
            Set<String> codes = new HashSet<>();
            for (Section s : sections) {
                if (s == null || s.code() == null || !CODE.matcher(s.code()).matches() || !codes.add(s.code())) {
                    out.add(at + ": a section's code must be lower-case letters, digits and _, once each");
                } else if (blank(s.name(), 200) || longer(s.nameCy(), 200) || longer(s.description(), 2000)
                        || longer(s.descriptionCy(), 2000)) {
                    out.add(at + ", section " + s.code() + ": name missing or words too long");
                }
            }
            for (Question q : questions) {
                if (q == null || !codes.contains(q.section())) {
                    out.add(at + ": a question names a section the framework does not have");
                } else if (blank(q.text(), AssessmentService.QUESTION_LIMIT)
                        || longer(q.textCy(), AssessmentService.QUESTION_LIMIT)
                        || longer(q.guidance(), AssessmentService.WORDING_LIMIT)
                        || longer(q.guidanceCy(), AssessmentService.WORDING_LIMIT)
                        || longer(q.evidence(), AssessmentService.WORDING_LIMIT)
                        || longer(q.evidenceCy(), AssessmentService.WORDING_LIMIT)) {
                    out.add(at + ", section " + q.section() + ", question " + q.position()
                            + ": text missing or words too long");
                }
            }
            for (int i = 0; i < levels.size(); i++) {
                Level l = levels.get(i);
                if (l == null || l.level() != i + 1 || levels.size() > 5 || blank(l.name(), 200)
                        || longer(l.descriptor(), 2000)) {
                    out.add(at + ": the maturity levels must run 1, 2, … up to 5, each named");
                    break;
                }
            }
            return out;
        }

        private static boolean blank(String s, int max) {
            return s == null || s.isBlank() || s.length() > max;
        }

        private static boolean longer(String s, int max) {
            return s != null && s.length() > max;
        }
    }

    /** Every published framework version of this Soteria, whole: what the hub offers forces. */
    public List<Framework> published() {
        List<Framework> out = new ArrayList<>();
        for (AssessmentRepository.Framework f : assessments.published()) {
            assessments.framework(f.id()).ifPresent(v -> out.add(whole(v)));
        }
        return out;
    }

    private static Framework whole(AssessmentService.FrameworkView v) {
        List<Section> sections = v.sections().stream().map(s -> new Section(s.code(), s.position(), s.name().english(),
                s.name().welsh(), s.description().english(), s.description().welsh())).toList();
        List<Question> questions = new ArrayList<>();
        v.questions().values().forEach(qs -> qs.forEach(q -> questions.add(new Question(q.sectionCode(), q.position(),
                q.text().english(), q.text().welsh(), q.guidance().english(), q.guidance().welsh(),
                q.evidence().english(), q.evidence().welsh()))));
        List<Level> levels = v.levels().stream().map(l -> new Level(l.level(), l.name().english(), l.name().welsh(),
                l.descriptor().english(), l.descriptor().welsh())).toList();
        return new Framework(v.framework().name().english(), v.framework().name().welsh(), v.framework().version(),
                sections, questions, levels);
    }

    /** One difference between the version a force has and the one offered: a part added, removed or reworded. */
    public record Change(String kind, String part, String before, String after) {
    }

    /**
     * A national version the force does not have: the version it has of the same framework (null: none), what changed
     * since, and why it cannot be accepted yet (a message code; null when it can).
     */
    public record Offer(Framework framework, Integer current, List<Change> changes, String blocked) {
    }

    /** The versions offered that this force does not have, newest first within each framework. */
    public List<Offer> offers(List<Framework> offered) {
        List<AssessmentRepository.Framework> mine = repository.frameworks();
        List<Offer> out = new ArrayList<>();
        for (Framework f : offered) {
            Optional<AssessmentRepository.Framework> same = mine.stream().filter(m -> m.name().english()
                    .equals(f.name()) && m.version() == f.version()).findFirst();
            if (same.isPresent() && "published".equals(same.get().status())) {
                continue;
            }
            Optional<AssessmentRepository.Framework> latest = mine.stream().filter(m -> m.name().english()
                    .equals(f.name()) && "published".equals(m.status()))
                    .max(java.util.Comparator.comparingInt(AssessmentRepository.Framework::version));
            List<Change> changes = latest.flatMap(l -> assessments.framework(l.id())).map(v -> changes(whole(v), f))
                    .orElse(List.of());
            String blocked = same.isPresent() ? "{frameworkOffer.draftInTheWay}"
                    : latest.isPresent() && latest.get().version() > f.version() ? "{frameworkOffer.older}" : null;
            out.add(new Offer(f, latest.map(AssessmentRepository.Framework::version).orElse(null), changes, blocked));
        }
        out.sort(java.util.Comparator.comparing((Offer o) -> o.framework().name())
                .thenComparing(o -> -o.framework().version()));
        return out;
    }

    /** What changed from {@code from} to {@code to}: sections by code, questions by section and place, levels. */
    static List<Change> changes(Framework from, Framework to) {
        List<Change> out = new ArrayList<>();
        Map<String, Section> before = new LinkedHashMap<>();
        from.sections().forEach(s -> before.put(s.code(), s));
        Set<String> seen = new HashSet<>();
        for (Section s : to.sections()) {
            Section b = before.get(s.code());
            seen.add(s.code());
            if (b == null) {
                out.add(new Change("added", "section", null, s.name()));
            } else if (!b.name().equals(s.name()) || !b.description().equals(s.description())) {
                out.add(new Change("changed", "section", b.name(), s.name()));
            }
        }
        before.values().stream().filter(s -> !seen.contains(s.code()))
                .forEach(s -> out.add(new Change("removed", "section", s.name(), null)));
        Map<String, Question> qBefore = new LinkedHashMap<>();
        from.questions().forEach(q -> qBefore.put(q.section() + "/" + q.position(), q));
        Set<String> qSeen = new HashSet<>();
        for (Question q : to.questions()) {
            String key = q.section() + "/" + q.position();
            Question b = qBefore.get(key);
            qSeen.add(key);
            if (b == null) {
                out.add(new Change("added", "question", null, q.text()));
            } else if (!b.text().equals(q.text()) || !b.guidance().equals(q.guidance())
                    || !b.evidence().equals(q.evidence())) {
                out.add(new Change("changed", "question", b.text(), q.text()));
            } else if (!Objects.equals(b.textCy(), q.textCy())) {
                out.add(new Change("welsh", "question", b.textCy(), q.textCy()));
            }
        }
        qBefore.forEach((key, q) -> {
            if (!qSeen.contains(key)) {
                out.add(new Change("removed", "question", q.text(), null));
            }
        });
        if (!from.levels().equals(to.levels())) {
            out.add(new Change("changed", "levels", String.valueOf(from.levels().size()),
                    String.valueOf(to.levels().size())));
        }
        return out;
    }

    /** Publishes a national version in this force, on the Soteria lead's word; refused when it is already here. */
    @Transactional
    public long accept(SoteriaUser user, Framework f) {
        if (!user.can(Permission.SHARE_WITH_NETWORK)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        List<String> problems = f.problems();
        if (!problems.isEmpty()) {
            throw new Invalid("framework", String.join("; ", problems));
        }
        Offer offer = offers(List.of(f)).stream().findFirst().orElseThrow(() -> new Invalid("framework",
                "{frameworkOffer.alreadyHere}"));
        if (offer.blocked() != null) {
            throw new Invalid("framework", offer.blocked());
        }
        long id = repository.insertNational(f, user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "framework",
                String.valueOf(id)).detail("national version accepted: " + f.name() + ", version " + f.version() + ", "
                        + offer.changes().size() + " changes from the version held"));
        return id;
    }
}
