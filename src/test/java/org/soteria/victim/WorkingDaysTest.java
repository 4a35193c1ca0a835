package org.soteria.victim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.reference.EventType;
import org.soteria.victim.VictimsCode.CrimeEvent;
import org.soteria.victim.VictimsCode.Obligation;
import org.soteria.victim.VictimsCode.ObligationType;

class WorkingDaysTest {

    private final WorkingDays days = new WorkingDays(CodeFixture.CHANGES);

    @Test
    void theWorkedExampleOfVictimsCodeMd() {
        LocalDate charge = LocalDate.of(2026, 12, 24);
        assertThat(days.addWorkingDays(charge, 1)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(days.addWorkingDays(charge, 5)).isEqualTo(LocalDate.of(2027, 1, 5));
    }

    @Test
    void bankHolidaysByRuleWithSubstitutes() {
        assertThat(days.bankHolidays(2026)).containsExactlyInAnyOrder(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        // Christmas on a Sunday: Boxing Day Monday, the Christmas substitute Tuesday.
        assertThat(days.bankHolidays(2022)).contains(LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        // New Year's Day on a Saturday moves to Monday 3 January.
        assertThat(days.bankHolidays(2022)).contains(LocalDate.of(2022, 1, 3)).doesNotContain(LocalDate.of(2022, 1, 1));
    }

    @Test
    void oneOffChangesAreHonoured() {
        assertThat(days.bankHolidays(2020)).contains(LocalDate.of(2020, 5, 8)).doesNotContain(LocalDate.of(2020, 5, 4));
        assertThat(days.bankHolidays(2022)).contains(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3),
                LocalDate.of(2022, 9, 19)).doesNotContain(LocalDate.of(2022, 5, 30));
        assertThat(days.bankHolidays(2023)).contains(LocalDate.of(2023, 5, 8));
        assertThat(days.bankHolidays(2023)).hasSize(9);
    }

    @Test
    void easterByTheGregorianRule() {
        assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void obligationsFromACrimesEvents() {
        VictimsCode code = CodeFixture.code();
        LocalDate recorded = LocalDate.of(2026, 12, 23);
        List<CrimeEvent> events = List.of(
                new CrimeEvent(EventType.ARREST, LocalDate.of(2026, 12, 24), "E1", null, null),
                new CrimeEvent(EventType.VICTIM_NOTIFIED, LocalDate.of(2026, 12, 30), null, null, "E1"),
                // A key event without an id can never be met.
                new CrimeEvent(EventType.CHARGE, LocalDate.of(2027, 1, 4), null, null, null),
                new CrimeEvent(EventType.SUPPORT_REFERRAL, LocalDate.of(2026, 12, 29), null, 7L, "declined"),
                new CrimeEvent(EventType.FIRST_CONTACT, LocalDate.of(2026, 12, 22), null, 7L, null),
                new CrimeEvent(EventType.NEEDS_ASSESSMENT, LocalDate.of(2026, 12, 22), null, 7L, null));
        List<Obligation> obligations = code.obligations(recorded, List.of(7L, 8L), events);
        assertThat(obligations).containsExactly(
                new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, 7, LocalDate.of(2026, 12, 24),
                        LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30), EventType.ARREST, "E1"),
                new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, 7, LocalDate.of(2027, 1, 4),
                        LocalDate.of(2027, 1, 5), null, EventType.CHARGE, null),
                new Obligation(ObligationType.SUPPORT_REFERRAL, 7, recorded, LocalDate.of(2026, 12, 29),
                        LocalDate.of(2026, 12, 29), null, null),
                new Obligation(ObligationType.NEEDS_ASSESSMENT, 7, LocalDate.of(2026, 12, 22),
                        LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 22), null, null),
                new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, 8, LocalDate.of(2026, 12, 24),
                        LocalDate.of(2026, 12, 29), LocalDate.of(2026, 12, 30), EventType.ARREST, "E1"),
                new Obligation(ObligationType.KEY_EVENT_NOTIFICATION, 8, LocalDate.of(2027, 1, 4),
                        LocalDate.of(2027, 1, 5), null, EventType.CHARGE, null),
                new Obligation(ObligationType.SUPPORT_REFERRAL, 8, recorded, LocalDate.of(2026, 12, 29), null, null,
                        null),
                new Obligation(ObligationType.NEEDS_ASSESSMENT, 8, LocalDate.of(2026, 12, 22),
                        LocalDate.of(2026, 12, 22), null, null, null));
        assertThat(obligations.stream().filter(Obligation::metOnTime).count()).isEqualTo(2);
    }
}
