package org.soteria.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MoPI review schedule (docs/retention.md), date by date. */
class RetentionRulesTest {

    private static final LocalDate RECORDED = LocalDate.of(2016, 2, 29);

    @Test
    void group1IsReviewedEveryTenYearsAndKeptUntilTheYoungestSubjectWouldBeAHundred() {
        assertThat(RetentionRules.firstReview(MopiGroup.GROUP_1, RECORDED)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(RetentionRules.nextReview(MopiGroup.GROUP_1, LocalDate.of(2026, 12, 6)))
                .isEqualTo(LocalDate.of(2036, 12, 6));
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_1, RECORDED, List.of("1970-05-17", "1985-11-02")))
                .contains(LocalDate.of(2085, 11, 2));
        // a partial date of birth counts at its latest: the record is never deleted early
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_1, RECORDED, List.of("1985"))).contains(
                LocalDate.of(2085, 12, 31));
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_1, RECORDED, List.of("1985-02"))).contains(
                LocalDate.of(2085, 2, 28));
        // no subject's date of birth known: kept, reviewed every ten years, never due by age
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_1, RECORDED, List.of())).isEmpty();
    }

    @Test
    void group2IsKeptSubjectToReviewAndGroup3AfterASixYearClearPeriod() {
        assertThat(RetentionRules.firstReview(MopiGroup.GROUP_2, RECORDED)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_2, RECORDED, List.of("1990-01-01"))).isEmpty();
        assertThat(RetentionRules.firstReview(MopiGroup.GROUP_3, RECORDED)).isEqualTo(LocalDate.of(2022, 2, 28));
        assertThat(RetentionRules.keepUntil(MopiGroup.GROUP_3, RECORDED, List.of())).contains(
                LocalDate.of(2022, 2, 28));
        assertThat(RetentionRules.nextReview(MopiGroup.GROUP_3, LocalDate.of(2026, 1, 1)))
                .isEqualTo(LocalDate.of(2032, 1, 1));
    }

    @Test
    void aRecordMayBeDeletedOnlyOnceItsKeepUntilDateHasPassedUnlessAsAnException() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(RetentionRules.exceptional(MopiGroup.GROUP_1, java.util.Optional.empty(), today)).isTrue();
        assertThat(RetentionRules.exceptional(MopiGroup.GROUP_1, java.util.Optional.of(today.plusDays(1)), today))
                .isTrue();
        assertThat(RetentionRules.exceptional(MopiGroup.GROUP_1, java.util.Optional.of(today), today)).isFalse();
        assertThat(RetentionRules.exceptional(MopiGroup.GROUP_2, java.util.Optional.empty(), today)).isFalse();
        assertThat(RetentionRules.exceptional(MopiGroup.GROUP_3, java.util.Optional.of(today.minusYears(1)), today))
                .isFalse();
    }

    @Test
    void aGroupIsReadFromItsNumber() {
        assertThat(MopiGroup.of(1)).isEqualTo(MopiGroup.GROUP_1);
        assertThat(MopiGroup.of(3).reviewYears()).isEqualTo(6);
    }
}
