package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.soteria.support.MessageBundles;
import org.springframework.context.i18n.LocaleContextHolder;

/** Words that come with the data, in the page's language. */
class LabelsTest {

    private final Labels labels = new Labels(MessageBundles.messages());

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void wordsTheBundlesDoNotKnowAreShownExactlyAsTheyAreApostrophesAndBracesIncluded() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy"));
        assertThat(labels.text("Download of the victim's phone or other device"))
                .isEqualTo("Download of the victim's phone or other device");
        assertThat(labels.or("no.such.key", "It's {not} a message")).isEqualTo("It's {not} a message");
        assertThat(labels.text("Charge rate")).isEqualTo(Labels.found(org.soteria.support.MessageBundles.messages(),
                "text.charge_rate", "?", Locale.forLanguageTag("cy"))).isNotEqualTo("Charge rate");
    }

    @Test
    void aDeepDiveStratumShowsItsGroupsByTheirLabelsInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.UK);
        assertThat(labels.stratumOf("adult_rape / charged / 2025-Q3")).isEqualTo("Adult rape / Charged / 2025 Q3");
        assertThat(labels.stratumOf("child_rape / open / 2024-Q1")).isEqualTo("Child rape / Open / 2024 Q1");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy"));
        assertThat(labels.stratumOf("adult_rape / open / 2025-Q3")).doesNotContain("Adult rape", "Open")
                .endsWith(" / Agored / 2025 Q3");
        assertThat(labels.stratumOf("not a stratum")).isEqualTo("not a stratum");
    }

    @Test
    void aDateOfBirthIsWrittenOutInThePagesLanguageAndWhatIsNoDateShownAsRecorded() {
        LocaleContextHolder.setLocale(Locale.UK);
        assertThat(labels.birthDate("1997-10-27")).isEqualTo("27 October 1997");
        assertThat(labels.birthDate("1997-02-30")).as("kept for linkage, never corrected on a page")
                .isEqualTo("1997-02-30");
        assertThat(labels.birthDate("about 1990")).isEqualTo("about 1990");
        assertThat(labels.birthDate(null)).isNull();
        assertThat(labels.birthDate(" ")).isNull();
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy"));
        assertThat(labels.birthDate("1997-10-27")).isEqualTo("27 Hydref 1997");
    }
}
