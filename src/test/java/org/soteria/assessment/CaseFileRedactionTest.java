package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 26: a case file's words for police reviewers, with what identifies people replaced consistently. */
class CaseFileRedactionTest {

    private final CaseFileRedaction redaction = new CaseFileRedaction(List.of(
            new CaseFileRedaction.Person("V1", "Morwenna Tregarthen", "1991-03-12", "LL57 2DG", null),
            new CaseFileRedaction.Person("S1", "Kenver Penhallow", "1980-07-01", null, "2001/0123456X"),
            new CaseFileRedaction.Person("P1", "Jo Li", null, null, null)));

    @Test
    void eachPersonBecomesTheirPartInTheCrimeWhereverTheirNameOrAPartOfItStands() {
        assertThat(redaction.apply("Spoke to Morwenna Tregarthen; morwenna says KENVER called. Penhallow denies it."))
                .isEqualTo("Spoke to [V1]; [V1] says [S1] called. [S1] denies it.");
        assertThat(redaction.apply("Jo Li saw them; Joanna did not"))
                .as("a name is replaced as a word, not inside another").isEqualTo("[P1] saw them; Joanna did not");
        assertThat(redaction.apply("PNC 2001/0123456X, born 1980-07-01")).isEqualTo("PNC [S1 ID], born [S1 DOB]");
    }

    @Test
    void addressesNumbersDatesAndReferencesGoWhoeverTheyBelongTo() {
        assertThat(redaction.apply("Call 07700 900123 or +44 7700900456, mail mo.t@example.org, lives at LL57 2DG, "
                + "visited SY23 3FL on 12/03/2025 and 2025-04-01 under NWP/25/000123"))
                .isEqualTo("Call [phone] or [phone], mail [email], lives at [postcode], visited [postcode] on [date] and "
                        + "[date] under [ref]");
        assertThat(redaction.apply("Interview within 7 days; 3 of 5 witnesses traced")).as("ordinary numbers stay")
                .isEqualTo("Interview within 7 days; 3 of 5 witnesses traced");
        assertThat(redaction.apply(null)).isNull();
    }
}
