package org.soteria.workforce;

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
import org.soteria.audit.AuditService;
import org.soteria.platform.Bilingual;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The training catalogue: the courses and accreditations officers' records and the accredited share count (issue 9),
 * in English and Welsh. At the hub it is the national catalogue, published in numbered versions; in a force it holds
 * the force's own courses and the national ones its Soteria lead accepted from the hub (issue 28, ADR 39), which
 * the force does not edit. A force's own courses stay its own whatever the hub publishes.
 */
@Service
public class CourseCatalogue {

    public static final String LOCAL = "local";
    public static final String NATIONAL = "national";
    static final int NAME_LIMIT = 200;
    static final int DESCRIPTION_LIMIT = 2000;
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{2,40}");
    private static final Set<String> KINDS = Set.of("course", "accreditation");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CatalogueRepository repository;
    private final AuditService audit;

    CourseCatalogue(CatalogueRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** A course or accreditation; {@code validForMonths} null when it does not lapse. */
    public record Course(String code, String name, String nameCy, String kind, Integer validForMonths,
            boolean specialist, String description, String descriptionCy, boolean retired) {

        public Bilingual title() {
            return Bilingual.of(name, nameCy);
        }

        public Bilingual about() {
            return Bilingual.of(description, descriptionCy);
        }

        /** Why this course cannot be kept, each in words that name it; empty when it can. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            String at = "course " + code;
            if (code == null || !CODE.matcher(code).matches()) {
                out.add("a course's code must be 2 to 40 lower-case letters, digits and _ (" + code + ")");
                return out;
            }
            if (name == null || name.isBlank() || name.length() > NAME_LIMIT || longer(nameCy, NAME_LIMIT)) {
                out.add(at + ": a name of 1 to " + NAME_LIMIT + " characters is needed (Welsh as long at most)");
            }
            if (!KINDS.contains(kind)) {
                out.add(at + ": the kind must be course or accreditation, not " + kind);
            }
            if (validForMonths != null && (validForMonths < 1 || validForMonths > 240)) {
                out.add(at + ": valid for 1 to 240 months, or empty when it does not lapse, not " + validForMonths);
            }
            if (longer(description, DESCRIPTION_LIMIT) || longer(descriptionCy, DESCRIPTION_LIMIT)) {
                out.add(at + ": a description is at most " + DESCRIPTION_LIMIT + " characters");
            }
            return out;
        }

        private static boolean longer(String s, int limit) {
            return s != null && s.length() > limit;
        }
    }

    /** A course as the catalogue page lists it: national (from the hub) or the force's own. */
    public record Entry(Course course, boolean national) {
    }

    public List<Entry> entries() {
        return repository.courses().stream().map(r -> new Entry(r.course(), NATIONAL.equals(r.source()))).toList();
    }

    public Optional<Entry> entry(String code) {
        return entries().stream().filter(e -> e.course().code().equals(code)).findFirst();
    }

    /**
     * Adds or changes a course. At the hub ({@code hub}) every course is national; in a force only its own courses
     * change, and a national course's code cannot be reused.
     */
    @Transactional
    public void save(SoteriaUser user, Course course, boolean hub) {
        List<String> problems = course.problems();
        if (!problems.isEmpty()) {
            throw new Invalid("code", problems.get(0));
        }
        Optional<Entry> before = entry(course.code());
        if (!hub && before.map(Entry::national).orElse(false)) {
            throw new Invalid("code", "{catalogueError.nationalCourse}");
        }
        repository.save(course, hub ? NATIONAL : LOCAL);
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE,
                "training_course", course.code(), (before.isPresent() ? "changed " : "added ")
                        + (hub ? "national" : "the force's own") + " course" + (course.retired() ? ", retired" : ""));
    }

    // ---- the hub: published versions ----

    /** A published version of the national catalogue, whole: what a force receives. */
    public record Release(int version, String publishedOn, List<Course> courses) {

        /** Why a received version cannot be taken; empty when it can. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (version < 1 || courses == null || courses.isEmpty() || courses.size() > 500) {
                out.add("a version of 1 or more with 1 to 500 courses is needed");
                return out;
            }
            Set<String> codes = new HashSet<>();
            for (Course c : courses) {
                if (c == null) {
                    out.add("an empty course");
                    continue;
                }
                out.addAll(c.problems());
                if (c.code() != null && !codes.add(c.code())) {
                    out.add("course " + c.code() + " is given twice");
                }
            }
            return out;
        }
    }

    /** A version as the hub's page lists it. */
    public record Published(int version, java.time.OffsetDateTime publishedAt, String publishedBy, int courses) {
    }

    public List<Published> releases() {
        return repository.releases().stream().map(p -> new Published(p.version(), p.publishedAt(), p.publishedBy(),
                courses(p.courses()).size())).toList();
    }

    /** The latest published version, whole; empty before the first is published. */
    public Optional<Release> latest() {
        return repository.releases().stream().findFirst().map(p -> new Release(p.version(),
                p.publishedAt().toLocalDate().toString(), courses(p.courses())));
    }

    /** What publishing now would change for a force that has the latest version (all of it before the first). */
    public List<Change> unpublished() {
        Map<String, Entry> published = new LinkedHashMap<>();
        latest().ifPresent(r -> r.courses().forEach(c -> published.put(c.code(), new Entry(c, true))));
        return changes(published, repository.courses().stream().map(CatalogueRepository.Row::course).toList());
    }

    /** Publishes the catalogue as it is now as the next version; refused when nothing changed since the last. */
    @Transactional
    public Release publish(SoteriaUser user) {
        repository.lock();
        if (unpublished().isEmpty()) {
            throw new Invalid("publish", "{catalogueError.nothingToPublish}");
        }
        int version = latest().map(Release::version).orElse(0) + 1;
        List<Course> courses = repository.courses().stream().map(CatalogueRepository.Row::course).toList();
        repository.publish(version, user.getUsername(), JSON.writeValueAsString(courses));
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "course_catalogue_release",
                String.valueOf(version), "national training catalogue published, " + courses.size() + " courses");
        return latest().orElseThrow();
    }

    private static List<Course> courses(String json) {
        return JSON.readValue(json, new TypeReference<List<Course>>() { });
    }

    // ---- a force: taking a national version ----

    /** What a change to one course is. */
    public enum ChangeKind {
        ADDED, CHANGED, RETIRED, RESTORED, REPLACES_OWN
    }

    /** One course a version changes, with the fields that differ (by their form names). */
    public record Change(String code, Bilingual name, ChangeKind kind, List<String> fields) {
    }

    /** What accepting {@code offered} would change in this force; empty when the force has it already. */
    public List<Change> changes(Release offered) {
        Map<String, Entry> current = new LinkedHashMap<>();
        entries().forEach(e -> current.put(e.course().code(), e));
        return changes(current, offered.courses());
    }

    /**
     * The changes from {@code current} (by code) to the national {@code offered}: new courses, changed ones, those
     * retired (or no longer offered), those brought back, and the force's own courses a national one of the same
     * code replaces.
     */
    static List<Change> changes(Map<String, Entry> current, List<Course> offered) {
        List<Change> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Course c : offered) {
            codes.add(c.code());
            Entry had = current.get(c.code());
            if (had == null) {
                if (!c.retired()) {
                    out.add(new Change(c.code(), c.title(), ChangeKind.ADDED, List.of()));
                }
                continue;
            }
            List<String> fields = fields(had.course(), c);
            if (!had.national()) {
                out.add(new Change(c.code(), c.title(), ChangeKind.REPLACES_OWN, fields));
            } else if (c.retired() != had.course().retired()) {
                out.add(new Change(c.code(), c.title(), c.retired() ? ChangeKind.RETIRED : ChangeKind.RESTORED,
                        fields.stream().filter(f -> !f.equals("retired")).toList()));
            } else if (!fields.isEmpty()) {
                out.add(new Change(c.code(), c.title(), ChangeKind.CHANGED, fields));
            }
        }
        current.values().stream().filter(e -> e.national() && !e.course().retired() && !codes.contains(e.course().code()))
                .forEach(e -> out.add(new Change(e.course().code(), e.course().title(), ChangeKind.RETIRED, List.of())));
        return out;
    }

    private static List<String> fields(Course a, Course b) {
        List<String> out = new ArrayList<>();
        if (!Objects.equals(a.name(), b.name())) {
            out.add("name");
        }
        if (!Objects.equals(blankToNull(a.nameCy()), blankToNull(b.nameCy()))) {
            out.add("nameCy");
        }
        if (!Objects.equals(a.kind(), b.kind())) {
            out.add("kind");
        }
        if (!Objects.equals(a.validForMonths(), b.validForMonths())) {
            out.add("validForMonths");
        }
        if (a.specialist() != b.specialist()) {
            out.add("specialist");
        }
        if (!Objects.equals(blankToNull(a.description()), blankToNull(b.description()))) {
            out.add("description");
        }
        if (!Objects.equals(blankToNull(a.descriptionCy()), blankToNull(b.descriptionCy()))) {
            out.add("descriptionCy");
        }
        if (a.retired() != b.retired()) {
            out.add("retired");
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The national version this force accepted last, if any. */
    public Optional<Integer> acceptedVersion() {
        return repository.accepted().map(CatalogueRepository.Accepted::version);
    }

    /**
     * Accepts a national version: its courses become the force's national courses (a course of the force's own with
     * the same code becomes national), and a national course it no longer lists is retired. Returns the changes made.
     */
    @Transactional
    public List<Change> accept(SoteriaUser user, Release offered) {
        List<String> problems = offered.problems();
        if (!problems.isEmpty()) {
            throw new Invalid("version", String.join("; ", problems));
        }
        repository.lock();
        if (acceptedVersion().map(v -> v > offered.version()).orElse(false)) {
            throw new Invalid("version", "{catalogueError.olderVersion}");
        }
        List<Change> changes = changes(offered);
        Map<String, Course> byCode = new LinkedHashMap<>();
        offered.courses().forEach(c -> byCode.put(c.code(), c));
        for (Change c : changes) {
            Course course = byCode.get(c.code());
            if (course == null) {
                repository.retire(c.code());
            } else {
                repository.save(course, NATIONAL);
            }
        }
        repository.accepted(offered.version(), user.getUsername());
        audit.record(user.getUsername(), user.role().name(), AuditAction.CHANGE, "training_course",
                "national-" + offered.version(), "national training catalogue version " + offered.version()
                        + " accepted: " + changes.size() + " courses changed");
        return changes;
    }
}
