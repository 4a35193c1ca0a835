package org.soteria.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register's filters (status, disruption, name), its sorts, and its pages. */
class RegisterPageTest {

    private static RepeatSuspectService.Entry entry(long id, boolean confirmed, String name, int crimes, LocalDate latest,
            int priority, boolean order) {
        SuspectRepository.Person p = new SuspectRepository.Person(id, "NWP", "P" + id, name, "Hughes", null, null, null, null,
                null);
        List<SuspectRepository.Order> orders = order ? List.of(new SuspectRepository.Order("NWP", "O" + id, id, "SRO",
                latest, null, null, "x", null, null)) : List.of();
        return new RepeatSuspectService.Entry(id, confirmed, p, List.of(p), List.of(), crimes, latest,
                new PriorityStrategy.Priority("rfg", priority, List.of()), List.of(), orders, orders, 0);
    }

    private final List<RepeatSuspectService.Entry> entries = List.of(
            entry(1, true, "Ann", 2, LocalDate.of(2026, 1, 1), 9, false),
            entry(2, false, "Bob", 4, LocalDate.of(2026, 6, 1), 12, true),
            entry(3, true, "Cai", 3, LocalDate.of(2026, 9, 1), 7, true));

    private static List<Long> ids(RepeatSuspectService.Page page) {
        return page.entries().stream().map(RepeatSuspectService.Entry::id).toList();
    }

    @Test
    void filtersCombine() {
        assertThat(ids(RepeatSuspectService.page(entries, "confirmed", "", "", "", 1, 25))).containsExactly(1L, 3L);
        assertThat(ids(RepeatSuspectService.page(entries, "possible", "", "", "", 1, 25))).containsExactly(2L);
        assertThat(ids(RepeatSuspectService.page(entries, "", "active", "", "", 1, 25))).containsExactly(2L, 3L);
        assertThat(ids(RepeatSuspectService.page(entries, "", "none", "", "", 1, 25))).containsExactly(1L);
        assertThat(ids(RepeatSuspectService.page(entries, "confirmed", "active", "", "", 1, 25))).containsExactly(3L);
        assertThat(ids(RepeatSuspectService.page(entries, "", "", " cai HUGHES ", "", 1, 25))).containsExactly(3L);
        assertThat(RepeatSuspectService.page(entries, "", "", "nobody", "", 1, 25).total()).isZero();
    }

    @Test
    void sortsByPriorityLatestCrimeOrCrimes() {
        assertThat(ids(RepeatSuspectService.page(entries, "", "", "", "", 1, 25))).containsExactly(2L, 1L, 3L);
        assertThat(ids(RepeatSuspectService.page(entries, "", "", "", "latest", 1, 25))).containsExactly(3L, 2L, 1L);
        assertThat(ids(RepeatSuspectService.page(entries, "", "", "", "crimes", 1, 25))).containsExactly(2L, 3L, 1L);
    }

    @Test
    void pagesAreClampedToWhatExists() {
        List<RepeatSuspectService.Entry> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(entry(i, true, "N" + i, 2, LocalDate.of(2026, 1, 1), 60 - i, false));
        }
        RepeatSuspectService.Page last = RepeatSuspectService.page(many, "", "", "", "", 99, 25);
        assertThat(last.page()).isEqualTo(3);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.entries()).hasSize(10);
        assertThat(RepeatSuspectService.page(many, "", "", "", "", -4, 25).page()).isEqualTo(1);
    }
}
