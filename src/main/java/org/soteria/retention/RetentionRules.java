package org.soteria.retention;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The MoPI review schedule as dates (docs/retention.md): the first review a recorded crime falls due for, the next
 * after a decision to retain, and the date until which the record must be kept.
 */
final class RetentionRules {

    /** Group 1: the record is kept until its subject would be this old. */
    static final int KEEP_TO_AGE = 100;

    private RetentionRules() {
    }

    /** The first review: one review interval after the crime was recorded. */
    static LocalDate firstReview(MopiGroup group, LocalDate recorded) {
        return recorded.plusYears(group.reviewYears());
    }

    /** The review after a decision to retain taken on {@code decided}. */
    static LocalDate nextReview(MopiGroup group, LocalDate decided) {
        return decided.plusYears(group.reviewYears());
    }

    /**
     * Until when the record must be kept, if there is such a date. Group 1: until the youngest subject (suspect) would
     * be 100, a partial date of birth counting at its latest; none when no date of birth is known. Group 2: none (kept
     * subject to review). Group 3: the end of the six-year clear period.
     */
    static Optional<LocalDate> keepUntil(MopiGroup group, LocalDate recorded, List<String> subjectsBirthDates) {
        return switch (group) {
            case GROUP_1 -> subjectsBirthDates.stream().map(RetentionRules::latest).flatMap(Optional::stream)
                    .max(LocalDate::compareTo).map(d -> d.plusYears(KEEP_TO_AGE));
            case GROUP_2 -> Optional.empty();
            case GROUP_3 -> Optional.of(recorded.plusYears(group.reviewYears()));
        };
    }

    /**
     * Whether deleting the record today would be an exception to the schedule: a Group 1 record whose subject would
     * not yet be 100 (or whose age is not known). Groups 2 and 3 may be deleted at review when no longer necessary.
     */
    static boolean exceptional(MopiGroup group, Optional<LocalDate> keepUntil, LocalDate today) {
        return group == MopiGroup.GROUP_1 && keepUntil.map(today::isBefore).orElse(true);
    }

    /** The latest day a date of birth as stored ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}) can mean. */
    private static Optional<LocalDate> latest(String dob) {
        if (dob == null || dob.isBlank()) {
            return Optional.empty();
        }
        try {
            return switch (dob.length()) {
                case 4 -> Optional.of(LocalDate.of(Integer.parseInt(dob), 12, 31));
                case 7 -> Optional.of(YearMonth.parse(dob).atEndOfMonth());
                default -> Optional.of(LocalDate.parse(dob));
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
