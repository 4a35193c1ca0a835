package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a force is shown before it accepts a national framework version, and what it refuses to take (issue 28). */
class FrameworkExchangeTest {

    private static final List<FrameworkExchange.Level> LEVELS = List.of(
            new FrameworkExchange.Level(1, "Not yet started", "", "Not in place.", ""),
            new FrameworkExchange.Level(2, "Developing", "", "In parts.", ""));

    private static FrameworkExchange.Framework framework(int version, List<FrameworkExchange.Section> sections,
            List<FrameworkExchange.Question> questions, List<FrameworkExchange.Level> levels) {
        return new FrameworkExchange.Framework("Operation Soteria self-assessment", "", version, sections, questions,
                levels);
    }

    private static FrameworkExchange.Section section(String code, String name) {
        return new FrameworkExchange.Section(code, 1, name, "", "", "");
    }

    private static FrameworkExchange.Question question(String section, int position, String text, String textCy) {
        return new FrameworkExchange.Question(section, position, text, textCy, "", "", "", "");
    }

    @Test
    void theChangesNameEachSectionAndQuestionAddedRemovedOrReworded() {
        FrameworkExchange.Framework v1 = framework(1, List.of(section("suspect_focus", "1. Suspect focus"),
                section("old", "Old")), List.of(question("suspect_focus", 1, "How early?", ""),
                question("suspect_focus", 2, "Who checks?", ""), question("old", 1, "Gone?", "")), LEVELS);
        FrameworkExchange.Framework v2 = framework(2, List.of(section("suspect_focus", "1. Suspect-focused"),
                section("data_led", "5. Data")), List.of(question("suspect_focus", 1, "How early, and by whom?", ""),
                question("suspect_focus", 2, "Who checks?", "Pwy sy'n gwirio?"), question("data_led", 1, "Which data?",
                "")), LEVELS.subList(0, 1));
        assertThat(FrameworkExchange.changes(v1, v2)).containsExactly(
                new FrameworkExchange.Change("changed", "section", "1. Suspect focus", "1. Suspect-focused"),
                new FrameworkExchange.Change("added", "section", null, "5. Data"),
                new FrameworkExchange.Change("removed", "section", "Old", null),
                new FrameworkExchange.Change("changed", "question", "How early?", "How early, and by whom?"),
                new FrameworkExchange.Change("welsh", "question", "", "Pwy sy'n gwirio?"),
                new FrameworkExchange.Change("added", "question", null, "Which data?"),
                new FrameworkExchange.Change("removed", "question", "Gone?", null),
                new FrameworkExchange.Change("changed", "levels", "2", "1"));
        assertThat(FrameworkExchange.changes(v1, v1)).isEmpty();
    }

    @Test
    void aFrameworkWithAQuestionOutsideItsSectionsOrLevelsOutOfOrderIsRefused() {
        FrameworkExchange.Framework good = framework(1, List.of(section("a", "A")), List.of(question("a", 1, "Q?", "")),
                LEVELS);
        assertThat(good.problems()).isEmpty();
        assertThat(framework(1, List.of(section("a", "A")), List.of(question("b", 1, "Q?", "")), LEVELS).problems())
                .containsExactly("framework Operation Soteria self-assessment, version 1: a question names a section "
                        + "the framework does not have");
        assertThat(framework(1, List.of(section("a", "A")), List.of(), List.of(LEVELS.get(1))).problems())
                .containsExactly("framework Operation Soteria self-assessment, version 1: the maturity levels must run "
                        + "1, 2, … up to 5, each named");
        assertThat(framework(0, List.of(), List.of(), LEVELS).problems()).containsExactly(
                "a framework needs a name (up to 200 characters) and a version of 1 or more");
        assertThat(framework(1, List.of(section("A B", "A")), List.of(), LEVELS).problems()).singleElement().asString()
                .contains("lower-case");
    }
}
