package org.soteria.victim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: on a victim's page what is still to do comes first, soonest due first (a duty due today is not
 * third in a newest-first list), then what was done, newest first.
 */
class DutyOrderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static VictimService.Duty duty(LocalDate due, LocalDate done, VictimsCode.State state) {
        return new VictimService.Duty(1, "C1", 1, "P1", "V", new VictimsCode.Obligation(
                VictimsCode.ObligationType.values()[0], 1, due.minusDays(2), due, done, null, null), state, null, null,
                "T01", false);
    }

    @Test
    void dutiesStillToDoComeFirstSoonestFirstThenThoseDoneNewestFirst() {
        VictimService.Duty doneLongAgo = duty(TODAY.minusDays(40), TODAY.minusDays(41), VictimsCode.State.MET);
        VictimService.Duty doneRecently = duty(TODAY.minusDays(3), TODAY.minusDays(3), VictimsCode.State.MET);
        VictimService.Duty dueToday = duty(TODAY, null, VictimsCode.State.OPEN);
        VictimService.Duty overdue = duty(TODAY.minusDays(2), null, VictimsCode.State.OVERDUE);
        VictimService.Duty later = duty(TODAY.plusDays(9), null, VictimsCode.State.OPEN);
        List<VictimService.Duty> shown = List.of(later, doneLongAgo, dueToday, doneRecently, overdue).stream()
                .sorted(VictimService.TO_DO_FIRST).toList();
        assertThat(shown).containsExactly(overdue, dueToday, later, doneRecently, doneLongAgo);
    }
}
