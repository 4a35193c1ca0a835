package org.soteria.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.workforce.NationalGuidanceLibrary.ChangeKind;

/** What accepting a version of the hub's library changes in a force (ADR 40), and the checks on a received version. */
class NationalGuidanceChangesTest {

    private static NationalGuidance.Item item(long id, String title, String what) {
        return new NationalGuidance.Item(id, "FA", false, 1, title, what, "Why", "https://example.org/e", "2026-11-02");
    }

    private static NationalGuidanceLibrary.Held held(long id, String title, String what, boolean withdrawn) {
        return new NationalGuidanceLibrary.Held(100 + id, id, "FA", GuidanceService.Pillar.SUSPECT_FOCUSED, title, what,
                "Why", "https://example.org/e", withdrawn, 1);
    }

    @Test
    void eachPracticeIsAddedChangedWithdrawnOrRestoredWithThePartsThatDiffer() {
        Map<Long, NationalGuidanceLibrary.Held> had = new LinkedHashMap<>();
        had.put(1L, held(1, "Arrest briefing", "A briefing."));
        had.put(2L, held(2, "Bail checklist", "A checklist."));
        had.put(3L, held(3, "Old practice", "Gone."));
        // 4 was withdrawn in the force: the hub lists it again
        had.put(4L, held(4, "Back again", "Returned.", true));
        List<NationalGuidanceLibrary.Change> changes = NationalGuidanceLibrary.changes(had, List.of(item(1, "Arrest briefing", "A briefing."),
                item(2, "Bail checklist, revised", "A shorter checklist."), item(4, "Back again", "Returned."),
                item(5, "New practice", "New.")));
        assertThat(changes).extracting(c -> c.id() + " " + c.kind() + " " + c.fields()).containsExactly(
                "2 CHANGED [title, what]", "4 RESTORED []", "5 ADDED []", "3 WITHDRAWN []");
        // what the force has already: nothing to accept
        assertThat(NationalGuidanceLibrary.changes(Map.of(1L, held(1, "Arrest briefing", "A briefing.")),
                List.of(item(1, "Arrest briefing", "A briefing.")))).isEmpty();
    }

    private static NationalGuidanceLibrary.Held held(long id, String title, String what) {
        return held(id, title, what, false);
    }

    @Test
    void aVersionThatCannotBeTakenSaysWhichItemAndWhy() {
        assertThat(new NationalGuidance.Release(0, "2026-12-01", List.of()).problems())
                .containsExactly("a version of 1 or more with at most 2000 items is needed");
        assertThat(new NationalGuidance.Release(2, "2026-12-01", List.of()).problems()).as("everything withdrawn")
                .isEmpty();
        List<String> problems = new NationalGuidance.Release(2, "2026-12-01", List.of(
                new NationalGuidance.Item(3, "fa", false, 7, " ", null, null, "x".repeat(4001), "yesterday"),
                item(4, "Fine", "Fine."), item(4, "Twice", "Twice."))).problems();
        assertThat(problems).containsExactly(
                "item 3: the force's code must be 2 to 8 capital letters and digits (fa)",
                "item 3: the pillar must be 1 to 6, not 7",
                "item 3: a title of 1 to 200 characters is needed",
                "item 3: what the practice is must be given",
                "item 3: a text is at most 4000 characters",
                "item 3: publishedOn must be a date (yyyy-mm-dd), not yesterday",
                "item 4 is given twice");
    }
}
