package org.soteria.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.casework.ReviewSchedule.State;

/** The supervisor review schedule: 24 hours, 7 days, 28 days, then monthly, with windows. */
class ReviewScheduleTest {

    private static final ReviewSchedule DEFAULT = new ReviewSchedule(List.of(1, 7, 28), 1);
    private static final LocalDate RECORDED = LocalDate.of(2026, 1, 5);

    private static LocalDate day(int n) {
        return RECORDED.plusDays(n);
    }

    @Test
    void aNewCrimeOwesItsFirstReviewWithin24Hours() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(), null, RECORDED);
        assertThat(s.points()).extracting(ReviewSchedule.Point::due).containsExactly(day(1));
        assertThat(s.next().name()).isEqualTo("Within 24 hours");
        assertThat(s.next().state()).isEqualTo(State.DUE);
        assertThat(s.overdue()).isFalse();
    }

    @Test
    void theDueDayItselfIsNotOverdueTheDayAfterIs() {
        assertThat(DEFAULT.of(RECORDED, List.of(), null, day(1)).overdue()).isFalse();
        ReviewSchedule.Status late = DEFAULT.of(RECORDED, List.of(), null, day(2));
        assertThat(late.overdue()).isTrue();
        assertThat(late.next().due()).isEqualTo(day(1));
    }

    @Test
    void reviewsInEachWindowMeetEveryPointThenMonthlyPointsFollowTheLastFixedOne() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(1), day(6), day(20)), null, day(40));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state)
                .containsExactly(State.MET, State.MET, State.MET, State.DUE);
        assertThat(s.next().due()).as("28 days, then a month on").isEqualTo(day(28).plusMonths(1));
        assertThat(s.next().name()).isEqualTo("Monthly review");
    }

    @Test
    void twoReviewsInOneWindowCountOnce() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(RECORDED, RECORDED), null, day(8));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state).containsExactly(State.MET, State.OVERDUE,
                State.DUE);
        assertThat(s.overdue()).isTrue();
        assertThat(s.next().due()).isEqualTo(day(7));
    }

    @Test
    void aLateReviewCatchesUpEveryMissedPointButDoesNotAlsoMeetTheNextOne() {
        // Issue 24: a review on 5 December that caught up an overdue point had also met the point due on
        // 27 December, three weeks early, so the next review looked a month and a half away.
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(10)), null, day(12));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state)
                .containsExactly(State.LATE, State.LATE, State.DUE);
        assertThat(s.points().subList(0, 2)).extracting(ReviewSchedule.Point::reviewedOn).containsOnly(day(10));
        assertThat(s.next().due()).as("the 28-day point is still to do").isEqualTo(day(28));
        ReviewSchedule.Status december = DEFAULT.of(LocalDate.of(2026, 8, 30), List.of(LocalDate.of(2026, 8, 31),
                LocalDate.of(2026, 9, 6), LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 27), LocalDate.of(2026, 12, 5)),
                null, LocalDate.of(2026, 12, 6));
        assertThat(december.next().due()).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(december.next().state()).isEqualTo(State.DUE);
    }

    @Test
    void aReviewInAPointsWindowWithNothingOverdueMeetsThatPoint() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(1), day(6), day(20)), null, day(21));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state)
                .containsExactly(State.MET, State.MET, State.MET, State.DUE);
    }

    @Test
    void aReviewOnADueDateMeetsThatPointOnly() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(7)), null, day(7));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state).containsExactly(State.LATE, State.MET, State.DUE);
        assertThat(s.next().due()).isEqualTo(day(28));
    }

    @Test
    void aClosedCrimeOwesNothingAfterItsOutcomeAndShowsWhatWasMissed() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(1)), day(10), day(100));
        assertThat(s.points()).extracting(ReviewSchedule.Point::state).containsExactly(State.MET, State.MISSED);
        assertThat(s.next()).isNull();
        assertThat(s.overdue()).isFalse();
    }

    @Test
    void monthlyPointsKeepCountingWhileTheCrimeIsOpen() {
        ReviewSchedule.Status s = DEFAULT.of(RECORDED, List.of(day(1), day(7), day(28)), null, day(28).plusMonths(3));
        assertThat(s.points()).extracting(ReviewSchedule.Point::due).containsExactly(day(1), day(7), day(28),
                day(28).plusMonths(1), day(28).plusMonths(2), day(28).plusMonths(3), day(28).plusMonths(4));
        assertThat(s.next().due()).as("the first monthly review, still not done").isEqualTo(day(28).plusMonths(1));
        assertThat(s.overdue()).isTrue();
    }

    @Test
    void theScheduleIsConfigurable() {
        ReviewSchedule weekly = new ReviewSchedule(List.of(2, 14), 2);
        ReviewSchedule.Status s = weekly.of(RECORDED, List.of(day(2), day(14)), null, day(15));
        assertThat(s.next().due()).isEqualTo(day(14).plusMonths(2));
        assertThat(s.next().name()).isEqualTo("Review every 2 months");
        assertThat(s.points().get(0).name()).isEqualTo("Within 2 days");
        assertThatThrownBy(() -> new ReviewSchedule(List.of(7, 7), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewSchedule(List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewSchedule(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reviewsDatedBeforeRecordingAreIgnored() {
        assertThat(DEFAULT.of(RECORDED, List.of(RECORDED.minusDays(3)), null, day(3)).overdue()).isTrue();
    }
}
