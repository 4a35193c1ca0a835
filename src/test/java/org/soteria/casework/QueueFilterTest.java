package org.soteria.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 24: the casework queue narrowed by team, officer in the case and due window, in every tab. */
class QueueFilterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static CaseworkQueueService.Item item(long crime, LocalDate due) {
        return new CaseworkQueueService.Item(crime, "NWP/" + crime, due, "what", due.isBefore(TODAY), "plan");
    }

    private static final Map<Long, QueueFilter.Owner> OWNERS = Map.of(
            1L, new QueueFilter.Owner("T01", "Team one", "O1", "DC Ada Lovelace"),
            2L, new QueueFilter.Owner("T02", null, "O2", null),
            3L, new QueueFilter.Owner("T01", "Team one", "O3", "DC Alan Turing"));

    private static final CaseworkQueueService.Queue QUEUE = new CaseworkQueueService.Queue(
            List.of(item(1, TODAY.minusDays(3)), item(2, TODAY), item(3, TODAY.plusDays(5))),
            List.of(item(1, TODAY.plusDays(10)), item(3, TODAY)), List.of(item(2, TODAY.minusDays(1))), List.of(),
            List.of(), true, TODAY);

    private static List<Long> crimes(List<CaseworkQueueService.Item> items) {
        return items.stream().map(CaseworkQueueService.Item::crimeId).toList();
    }

    @Test
    void eachFilterNarrowsEveryTabAndTheyCombine() {
        CaseworkQueueService.Queue team = QueueFilter.of("T01", null, null, false).apply(QUEUE, OWNERS);
        assertThat(crimes(team.lines())).containsExactly(1L, 3L);
        assertThat(crimes(team.reviews())).containsExactly(1L, 3L);
        assertThat(team.approvals()).isEmpty();

        assertThat(crimes(QueueFilter.of(null, "O3", "", false).apply(QUEUE, OWNERS).lines())).containsExactly(3L);
        assertThat(crimes(QueueFilter.of(null, null, "overdue", false).apply(QUEUE, OWNERS).lines())).containsExactly(1L);
        assertThat(crimes(QueueFilter.of(null, null, "today", false).apply(QUEUE, OWNERS).lines())).containsExactly(2L);
        assertThat(crimes(QueueFilter.of(null, null, "week", false).apply(QUEUE, OWNERS).lines()))
                .as("overdue, or due within the week").containsExactly(1L, 2L, 3L);
        assertThat(crimes(QueueFilter.of(null, null, "week", false).apply(QUEUE, OWNERS).reviews()))
                .containsExactly(3L);
        assertThat(crimes(QueueFilter.of("T01", null, "today", false).apply(QUEUE, OWNERS).reviews()))
                .containsExactly(3L);
        assertThat(crimes(QueueFilter.of(null, null, null, true).apply(QUEUE, OWNERS).approvals()))
                .as("the old overdue=1 link").containsExactly(2L);
    }

    @Test
    void noFilterIsTheQueueAsItIsAndAFilterStaysOnLinks() {
        QueueFilter none = QueueFilter.of(" ", "", "nonsense", false);
        assertThat(none.narrows()).isFalse();
        assertThat(none.apply(QUEUE, OWNERS)).isSameAs(QUEUE);
        assertThat(none.query()).isEmpty();
        assertThat(QueueFilter.of("T 01", "O1", "week", false).query()).isEqualTo("&team=T+01&officer=O1&due=week");
    }

    @Test
    void teamsAndOfficersAreOfferedFromTheQueueByName() {
        assertThat(QueueFilter.teams(OWNERS)).containsExactly(Map.entry("T01", "Team one"), Map.entry("T02", "T02"));
        assertThat(QueueFilter.officers(OWNERS)).extracting(Map.Entry::getValue)
                .containsExactly("DC Ada Lovelace", "DC Alan Turing", "O2");
    }
}
