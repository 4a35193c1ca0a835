package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.soteria.reference.OutcomeGroup;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The performance pages' words built in Java, and their downloads, in the page's language. */
class WordsTest {

    private static final Locale WELSH = Locale.forLanguageTag("cy");

    private static ResourceBundleMessageSource bundles() {
        return org.soteria.support.MessageBundles.messages();
    }

    @Test
    void periodsAndChoicesAreInThePagesLanguage() {
        Words cy = new Words(bundles(), WELSH);
        Words en = new Words(bundles(), Locale.UK);
        assertThat(en.period(LocalDate.of(2026, 1, 1), false)).isEqualTo("Jan 2026");
        assertThat(en.period(LocalDate.of(2026, 4, 1), true)).isEqualTo("2026 Q2");
        assertThat(cy.period(LocalDate.of(2026, 4, 1), true)).isEqualTo("2026 Ch2");
        assertThat(cy.period(LocalDate.of(2026, 1, 1), false)).isNotEqualTo("Jan 2026").endsWith(" 2026");
        assertThat(cy.of(OutcomeGroup.CHARGED)).isNotEqualTo(OutcomeGroup.CHARGED.label());
        assertThat(cy.text("Attrition funnel")).isNotEqualTo("Attrition funnel");
        assertThat(cy.text("words no bundle knows")).isEqualTo("words no bundle knows");
    }

    @Test
    void aDownloadsHeadingsAndRowLabelsAreInThePagesLanguageAndItsFiguresAsTheyAre() {
        Table t = new Table("Attrition funnel", List.of("Stage", "Crimes"),
                List.of(List.of("Recorded", 1200), List.of("Charged", Dashboard.WITHHELD)));
        String en = new String(TableFiles.csv(t), StandardCharsets.UTF_8);
        String cy = new String(TableFiles.csv(t, new Words(bundles(), WELSH)), StandardCharsets.UTF_8);
        assertThat(en).startsWith("Stage,Crimes").contains("Recorded,1200");
        assertThat(cy).doesNotContain("Stage").doesNotContain("Recorded").contains(",1200")
                .doesNotContain(Dashboard.WITHHELD);
        assertThat(TableFiles.xlsx(List.of(t), new Words(bundles(), WELSH))).isNotEmpty();
    }
}
