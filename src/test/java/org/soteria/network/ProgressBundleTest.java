package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the hub takes of a force's progress file, and what it refuses (issue 28). */
class ProgressBundleTest {

    private static ProgressBundle.Section section(String code, Double level, int answered) {
        return new ProgressBundle.Section(code, 1, "1. Suspect-focused investigation", null, level, answered, 2);
    }

    private static List<ProgressBundle.Plan> plan() {
        List<ProgressBundle.Plan> out = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            out.add(new ProgressBundle.Plan(p, 4, 1, 1, 1, 1));
        }
        return out;
    }

    private static ProgressBundle with(List<ProgressBundle.Section> sections) {
        return new ProgressBundle("2026-12-06", List.of(new ProgressBundle.Cycle(7, "Self-assessment 2026",
                "2026-10-01", "Operation Soteria self-assessment", 1, sections)), plan());
    }

    @Test
    void aWellFormedFileHasNoProblems() {
        assertThat(with(List.of(section("suspect_focus", 2.5, 2), section("data_led", null, 0))).problems()).isEmpty();
        assertThat(new ProgressBundle("2026-12-06", List.of(), plan()).problems()).as("no cycle signed off yet")
                .isEmpty();
    }

    @Test
    void levelsOutsideTheScaleOrWithoutAnsweredQuestionsAreRefusedNamingTheSection() {
        assertThat(with(List.of(section("suspect_focus", 4.5, 2))).problems()).containsExactly(
                "cycle 1, section suspect_focus: level 4.5 must be from 1 to 4 when questions are answered, and empty "
                        + "when none is");
        assertThat(with(List.of(section("suspect_focus", 0.5, 1))).problems()).hasSize(1);
        assertThat(with(List.of(section("suspect_focus", 2.0, 0))).problems()).as("a level with nothing answered")
                .hasSize(1);
        assertThat(with(List.of(section("suspect_focus", null, 1))).problems()).as("answers but no level").hasSize(1);
        assertThat(with(List.of(section("suspect_focus", 2.0, 3))).problems()).containsExactly(
                "cycle 1, section suspect_focus: answered (3) must be between 0 and the questions (2)");
        assertThat(with(List.of(section("Suspect Focus", 2.0, 1))).problems()).singleElement().asString()
                .contains("code must be lower-case");
        assertThat(with(List.of(section("data_led", 2.0, 1), section("data_led", 3.0, 1))).problems())
                .containsExactly("cycle 1, section data_led: given twice");
    }

    @Test
    void aPlanMustHaveEachPillarOnceAndItsPartsMustAddUp() {
        List<ProgressBundle.Plan> plan = new ArrayList<>(plan());
        plan.set(2, new ProgressBundle.Plan(3, 5, 1, 1, 1, 1));
        assertThat(new ProgressBundle("2026-12-06", List.of(), plan).problems()).containsExactly(
                "plan, pillar 3: done, overdue, on track and at risk (4) must add up to the actions (5)");
        plan.set(2, new ProgressBundle.Plan(2, 4, 1, 1, 1, 1));
        assertThat(new ProgressBundle("2026-12-06", List.of(), plan).problems()).containsExactly(
                "plan: pillar 2 is not one of 1 to 6, or is given twice");
        assertThat(new ProgressBundle("2026-12-06", List.of(), plan().subList(0, 5)).problems()).containsExactly(
                "plan: one row for each of the 6 pillars, not 5");
        plan.set(2, new ProgressBundle.Plan(3, -1, 0, 0, -1, 0));
        assertThat(new ProgressBundle("2026-12-06", List.of(), plan).problems()).containsExactly(
                "plan, pillar 3: counts cannot be negative");
    }

    @Test
    void datesTitlesAndTheFrameworkAreChecked() {
        ProgressBundle b = new ProgressBundle("6 December", List.of(new ProgressBundle.Cycle(1, " ", "2026-13",
                "", 0, List.of(section("data_led", 2.0, 1)))), plan());
        assertThat(b.problems()).containsExactly(
                "asOf \"6 December\" is not a day in the form 2026-12-06",
                "cycle 1: title is missing or over 200 characters",
                "cycle 1: signedOffOn \"2026-13\" is not a day in the form 2026-12-06",
                "cycle 1: the framework's name and version (1 or more) are needed");
        assertThat(new ProgressBundle("2026-12-06", null, plan()).problems()).containsExactly(
                "the file needs cycles (may be empty) and plan");
        ProgressBundle.Cycle c = new ProgressBundle.Cycle(1, "A", "2026-01-01", "F", 1, List.of());
        assertThat(new ProgressBundle("2026-12-06", List.of(c, c), plan()).problems()).contains(
                "cycle 1: 1 to 40 sections are needed", "cycle 2: number 1 is given to another cycle too");
    }

    @Test
    void thePreviewShowsEachSectionsChangeSinceThePreviousCycle() {
        ProgressBundle b = new ProgressBundle("2026-12-06", List.of(
                new ProgressBundle.Cycle(3, "2025", "2025-10-01", "F", 1, List.of(section("suspect_focus", 2.0, 2),
                        section("data_led", null, 0))),
                new ProgressBundle.Cycle(9, "2026", "2026-10-01", "F", 1, List.of(section("suspect_focus", 2.5, 2),
                        section("data_led", 3.0, 1)))), plan());
        HubProgress.ForceProgress p = HubProgress.preview(b);
        assertThat(p.cycles()).extracting(HubProgress.Cycle::title).containsExactly("2025", "2026");
        HubProgress.Cycle latest = p.cycles().get(1);
        assertThat(latest.cell("suspect_focus").change()).isEqualTo(0.5);
        assertThat(latest.cell("suspect_focus").band()).as("2.5 rounds to the level above").isEqualTo(3);
        assertThat(latest.cell("data_led").change()).as("no earlier level to compare").isNull();
        assertThat(p.cycles().get(0).cell("suspect_focus").change()).isNull();
        assertThat(p.plan().total().actions()).isEqualTo(24);
        assertThat(p.plan().total().overdue()).isEqualTo(6);
    }
}
