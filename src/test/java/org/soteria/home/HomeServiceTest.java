package org.soteria.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The home page's order: overdue, due today, waiting, coming; the larger piles first; nothing empty. */
class HomeServiceTest {

    @Test
    void workIsGroupedMostUrgentFirstWithEmptyKindsLeftOut() {
        Map<Work.Urgency, List<Work>> grouped = HomeService.grouped(List.of(
                Work.of(Work.Urgency.COMING, "homeWork.linesDue", 4, "/casework?tab=lines"),
                Work.of(Work.Urgency.WAITING, "homeWork.approvals", 0, "/casework?tab=approvals"),
                Work.of(Work.Urgency.OVERDUE, "homeWork.reviewsOverdue", 2, "/casework?tab=reviews"),
                Work.of(Work.Urgency.OVERDUE, "homeWork.dutiesOverdue", 7, "/victims/due?scope=mine&show=overdue")));
        assertThat(grouped.keySet()).containsExactly(Work.Urgency.OVERDUE, Work.Urgency.COMING);
        assertThat(grouped.get(Work.Urgency.OVERDUE)).extracting(Work::count).containsExactly(7L, 2L);
        assertThat(grouped.get(Work.Urgency.OVERDUE).get(0).words()).isEqualTo("{homeWork.dutiesOverdue|=7}");
    }
}
