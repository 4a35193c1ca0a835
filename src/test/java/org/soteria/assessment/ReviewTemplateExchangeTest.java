package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a force checks of a review template's version from the hub, and what it is shown as changed (issue 28). */
class ReviewTemplateExchangeTest {

    private static ReviewTemplateExchange.Item item(String code, String scale, String text) {
        return new ReviewTemplateExchange.Item(code, 1, scale, false, text, "", "", "");
    }

    private static ReviewTemplateExchange.Template template(int version, ReviewTemplateExchange.Item... items) {
        return new ReviewTemplateExchange.Template("Soteria case file review", "Adolygiad", version, List.of(items));
    }

    @Test
    void aFitVersionHasNoProblems() {
        assertThat(template(3, item("plan_quality", "ordinal", "Was the plan good?"),
                item("notes", "free_text", "What else?")).problems()).isEmpty();
    }

    @Test
    void eachUnfitPartIsNamedWithItsTemplateAndItem() {
        assertThat(template(0, item("plan_quality", "ordinal", "x")).problems())
                .containsExactly("a review template needs a name (up to 200 characters) and a version of 1 or more");
        assertThat(template(3).problems()).containsExactly("review template Soteria case file review, version 3: 1 to "
                + "200 items are needed");
        assertThat(template(3, item("force_own", "ordinal", "x")).problems()).singleElement().asString()
                .contains("version 3: an item's short name", "not starting force_");
        assertThat(template(3, item("plan_quality", "ordinal", "x"), item("plan_quality", "ordinal", "y")).problems())
                .singleElement().asString().contains("once each");
        assertThat(template(3, item("plan_quality", "stars", "x")).problems()).singleElement().asString()
                .contains("item plan_quality: a pillar of 1 to 6 and a scale");
        assertThat(template(3, new ReviewTemplateExchange.Item("notes", 2, "free_text", true, "x", "", "", ""))
                .problems()).singleElement().asString().contains("free text always applies");
        assertThat(template(3, item("plan_quality", "ordinal", " ")).problems()).singleElement().asString()
                .contains("item plan_quality: words missing or too long");
        assertThat(template(3, item("plan_quality", "ordinal", "x".repeat(501))).problems()).singleElement().asString()
                .contains("words missing or too long");
        assertThat(template(3, item("notes", "free_text", "What else?")).problems())
                .containsExactly("review template Soteria case file review, version 3: at least one item must be rated");
    }

    @Test
    void changesAreNamedItemByItem() {
        ReviewTemplateExchange.Template v2 = template(2, item("plan_quality", "ordinal", "Was the plan good?"),
                item("victim_contact", "ordinal", "Was the victim kept informed?"),
                item("recording", "yes_no_partly", "Was it recorded?"), item("gone", "ordinal", "Old item"));
        ReviewTemplateExchange.Template v3 = new ReviewTemplateExchange.Template("Soteria case file review",
                "Adolygiad newydd", 3, List.of(item("plan_quality", "ordinal", "Was the suspect-focused plan good?"),
                        item("victim_contact", "yes_no_partly", "Was the victim kept informed?"),
                        new ReviewTemplateExchange.Item("recording", 1, "yes_no_partly", false, "Was it recorded?",
                                "A gafodd ei gofnodi?", "", ""),
                        item("early_evidence", "ordinal", "Was evidence secured early?")));
        assertThat(ReviewTemplateExchange.changes(v2, v3)).extracting(c -> c.kind() + " " + c.part() + ": " + c.before()
                + " -> " + c.after()).containsExactly(
                "welsh template: Adolygiad -> Adolygiad newydd",
                "changed item: Was the plan good? -> Was the suspect-focused plan good?",
                "answered item: Was the victim kept informed? -> Was the victim kept informed?",
                "welsh item:  -> A gafodd ei gofnodi?",
                "added item: null -> Was evidence secured early?",
                "removed item: Old item -> null");
        assertThat(ReviewTemplateExchange.changes(v2, v2)).isEmpty();
    }
}
