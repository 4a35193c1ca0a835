package org.soteria.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.workforce.CourseCatalogue.ChangeKind;
import org.soteria.workforce.CourseCatalogue.Course;
import org.soteria.workforce.CourseCatalogue.Entry;

class CourseCatalogueTest {

    private static Course course(String code, String name, Integer months, boolean retired) {
        return new Course(code, name, null, "course", months, false, null, null, retired);
    }

    private static Map<String, Entry> current(Entry... entries) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.put(e.course().code(), e);
        }
        return out;
    }

    @Test
    void aVersionAddsChangesRetiresAndRestoresNationalCoursesAndNamesTheFieldsThatDiffer() {
        Map<String, Entry> had = current(new Entry(course("abe", "ABE interviewing", 36, false), true),
                new Entry(course("old", "An old course", 12, false), true),
                new Entry(course("gone", "Dropped by the hub", 12, false), true),
                new Entry(course("back", "Brought back", 12, true), true),
                new Entry(course("same", "Unchanged", null, false), true));
        List<Course> offered = List.of(course("abe", "ABE interviewing", 24, false), course("old", "An old course", 12, true),
                course("back", "Brought back", 12, false), course("same", "Unchanged", null, false),
                course("new_one", "A new course", null, false), course("never", "Retired before we had it", 6, true));
        List<CourseCatalogue.Change> changes = CourseCatalogue.changes(had, offered);
        assertThat(changes).extracting(CourseCatalogue.Change::code, CourseCatalogue.Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("abe", ChangeKind.CHANGED),
                org.assertj.core.groups.Tuple.tuple("old", ChangeKind.RETIRED),
                org.assertj.core.groups.Tuple.tuple("back", ChangeKind.RESTORED),
                org.assertj.core.groups.Tuple.tuple("new_one", ChangeKind.ADDED),
                org.assertj.core.groups.Tuple.tuple("gone", ChangeKind.RETIRED));
        assertThat(changes.get(0).fields()).containsExactly("validForMonths");
        assertThat(CourseCatalogue.changes(had, List.of(course("same", "Unchanged", null, false)))).extracting(
                CourseCatalogue.Change::code).containsExactlyInAnyOrder("abe", "old", "gone");
    }

    @Test
    void theForcesOwnCourseOfTheSameCodeIsShownAsReplacedAndItsOtherCoursesAreLeftAlone() {
        Map<String, Entry> had = current(new Entry(course("ssaidp", "SSAIDP", 60, false), false),
                new Entry(course("local_only", "Our own induction", null, false), false));
        List<CourseCatalogue.Change> changes = CourseCatalogue.changes(had, List.of(course("ssaidp", "SSAIDP", 48, false)));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChangeKind.REPLACES_OWN);
            assertThat(c.fields()).containsExactly("validForMonths");
        });
    }

    @Test
    void aReceivedVersionIsRefusedWithTheCourseAndTheReason() {
        assertThat(new CourseCatalogue.Release(1, "2026-12-07", List.of(course("ok_course", "Fine", 12, false)))
                .problems()).isEmpty();
        assertThat(new CourseCatalogue.Release(2, "2026-12-07", List.of(course("Bad Code", "x", 12, false),
                course("months", "Too long", 241, false), course("dup", "One", null, false),
                course("dup", "Two", null, false), new Course("kinds", "K", null, "seminar", null, false, null, null,
                        false))).problems()).containsExactly(
                "a course's code must be 2 to 40 lower-case letters, digits and _ (Bad Code)",
                "course months: valid for 1 to 240 months, or empty when it does not lapse, not 241",
                "course dup is given twice",
                "course kinds: the kind must be course or accreditation, not seminar");
        assertThat(new CourseCatalogue.Release(0, "2026-12-07", List.of()).problems())
                .containsExactly("a version of 1 or more with 1 to 500 courses is needed");
    }
}
