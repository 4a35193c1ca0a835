package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 24: a date typed as officers type it (14/12/2026) is a date, on every form; a date that is not one is not. */
class FormValuesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 14);

    @Test
    void aDateIsReadInTheFormsPeopleTypeDayFirst() {
        for (String typed : new String[] {"2026-12-14", "14/12/2026", " 14/12/2026 ", "14-12-2026", "14.12.2026",
                "14 12 2026", "14 / 12 / 2026", "14 December 2026", "14 Dec 2026", "14 dec. 2026", "14 Rhagfyr 2026",
                "14 rhag 2026"}) {
            assertThat(FormValues.date(typed)).as(typed).isEqualTo(DAY);
        }
        assertThat(FormValues.date("4/5/2026")).as("the UK reads the day first").isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(FormValues.date("1 Mai 2026")).as("Welsh").isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(FormValues.date("3 Mawrth 2026")).isEqualTo(LocalDate.of(2026, 3, 3));
    }

    @Test
    void whatIsNotARealDateIsNotADate() {
        for (String typed : new String[] {"31/02/2026", "14/13/2026", "14/12/26", "12/2026", "14 Decembre 2026",
                "14 De 2026", "tomorrow", "2026-02-30", "14//12/2026"}) {
            assertThat(FormValues.date(typed)).as(typed).isNull();
        }
        assertThat(FormValues.date("")).isNull();
        assertThat(FormValues.date(null)).isNull();
    }
}
