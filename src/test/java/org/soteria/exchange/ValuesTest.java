package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void datesMustBeRealAndInIsoForm() throws Exception {
        assertThat(Values.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> Values.date("2023-02-29")).hasMessage("not a real calendar date");
        assertThatThrownBy(() -> Values.date("29/02/2024")).hasMessage("not a date in the form YYYY-MM-DD");
    }

    @Test
    void partialDatesOfBirthKeepTheirPrecision() throws Exception {
        assertThat(Values.partialDate("1990")).isEqualTo("1990");
        assertThat(Values.partialDate("1990-07")).isEqualTo("1990-07");
        assertThat(Values.partialDate("1990-07-14")).isEqualTo("1990-07-14");
        assertThatThrownBy(() -> Values.partialDate("1990-13")).hasMessage("not a real date: month 13 does not exist");
        assertThatThrownBy(() -> Values.partialDate("90-07")).hasMessageStartingWith("not a date in the form YYYY");
    }

    @Test
    void dateTimesWithoutAnOffsetAreLondonTime() throws Exception {
        // 1 July is British Summer Time: 10:15 in London is 09:15 UTC.
        assertThat(Values.when("2024-07-01T10:15").instant()).isEqualTo(Instant.parse("2024-07-01T09:15:00Z"));
        assertThat(Values.when("2024-01-15 10:15:30").instant()).isEqualTo(Instant.parse("2024-01-15T10:15:30Z"));
    }

    @Test
    void everyOffsetFormOfTheFormatIsRead() throws Exception {
        Instant expected = Instant.parse("2024-07-01T08:15:00Z");
        assertThat(Values.when("2024-07-01T10:15+02").instant()).isEqualTo(expected);
        assertThat(Values.when("2024-07-01T10:15+0200").instant()).isEqualTo(expected);
        assertThat(Values.when("2024-07-01T10:15:00.000+02:00").instant()).isEqualTo(expected);
        assertThat(Values.when("2024-07-01T08:15Z").instant()).isEqualTo(expected);
    }

    @Test
    void aDateAloneKeysAsThatDateAndADateTimeAsItsInstant() throws Exception {
        assertThat(Values.when("2024-07-01").keyForm()).isEqualTo("2024-07-01");
        assertThat(Values.when("2024-07-01").timed()).isFalse();
        assertThat(Values.when("2024-07-01T10:15+01:00").keyForm())
                .isEqualTo(Values.when("2024-07-01T09:15Z").keyForm());
    }

    @Test
    void aLateEveningUtcTimeFallsOnTheLondonDate() throws Exception {
        assertThat(Values.when("2024-06-30T23:30Z").date()).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void badDateTimesSayWhy() {
        assertThatThrownBy(() -> Values.when("2024-07-01T25:00")).hasMessage("not a real date and time");
        assertThatThrownBy(() -> Values.when("yesterday")).hasMessageStartingWith("not a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> Values.when("2024-07-01T10:00+25")).hasMessage("not a date-time with a valid UTC offset (+25)");
    }

    @Test
    void booleansInEveryAllowedSpellingAndCase() throws Exception {
        for (String t : new String[] {"true", "TRUE", "Yes", "y", "1"}) {
            assertThat(Values.bool(t)).as(t).isTrue();
        }
        for (String f : new String[] {"false", "No", "N", "0"}) {
            assertThat(Values.bool(f)).as(f).isFalse();
        }
        assertThatThrownBy(() -> Values.bool("maybe")).hasMessageStartingWith("not a boolean");
    }

    @Test
    void wholeNumbersWithinTheirRange() throws Exception {
        assertThat(Values.wholeNumber("3", 1, 3)).isEqualTo(3);
        assertThatThrownBy(() -> Values.wholeNumber("4", 1, 3)).hasMessage("not between 1 and 3");
        assertThatThrownBy(() -> Values.wholeNumber("2.5", 1, 3)).hasMessage("not a whole number");
    }
}
