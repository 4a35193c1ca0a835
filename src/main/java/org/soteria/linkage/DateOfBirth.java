package org.soteria.linkage;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date of birth, full or partial, packed as {@code yyyymmdd} with 00 for an unknown month or day.
 * Accepts {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}, {@code YYYYMMDD} and {@code DD/MM/YYYY}.
 * A full date whose digits make no calendar date (month 21, day 56, 30 February) is kept as its digits
 * ({@link #impossible}): on re-keyed records it is a typing error or a day and month swapped, and its
 * digits still agree with the true date in most places, which the comparison levels use. Only text that
 * is not a date at all, or a year before 1000, is {@link #INVALID}.
 */
final class DateOfBirth {

    /** No date was given. */
    static final int MISSING = 0;
    /** A date was given but cannot be a date of birth. */
    static final int INVALID = -1;

    private DateOfBirth() {
    }

    static int parse(String raw) {
        if (raw == null) {
            return MISSING;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            return MISSING;
        }
        int y;
        int m = 0;
        int d = 0;
        try {
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                y = Integer.parseInt(s.substring(0, 4));
                m = Integer.parseInt(s.substring(5, 7));
                d = Integer.parseInt(s.substring(8, 10));
            } else if (s.matches("\\d{8}")) {
                y = Integer.parseInt(s.substring(0, 4));
                m = Integer.parseInt(s.substring(4, 6));
                d = Integer.parseInt(s.substring(6, 8));
            } else if (s.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = s.split("/");
                d = Integer.parseInt(p[0]);
                m = Integer.parseInt(p[1]);
                y = Integer.parseInt(p[2]);
            } else if (s.matches("\\d{4}-\\d{2}")) {
                y = Integer.parseInt(s.substring(0, 4));
                m = Integer.parseInt(s.substring(5, 7));
            } else if (s.matches("\\d{4}")) {
                y = Integer.parseInt(s);
            } else {
                return INVALID;
            }
        } catch (NumberFormatException e) {
            return INVALID;
        }
        if (y < 1000 || m > 99 || d > 99) {
            return INVALID;
        }
        return y * 10000 + m * 100 + d;
    }

    /** True when the digits make no calendar date: a month above 12, a day that month does not have, a day without a month. */
    static boolean impossible(int packed) {
        if (packed <= 0) {
            return false;
        }
        int m = month(packed);
        int d = day(packed);
        if (d == 0) {
            return m > 12;
        }
        try {
            LocalDate.of(year(packed), m, d);
            return false;
        } catch (DateTimeException e) {
            return true;
        }
    }

    static int year(int packed) {
        return packed / 10000;
    }

    static int month(int packed) {
        return packed / 100 % 100;
    }

    static int day(int packed) {
        return packed % 100;
    }

    /** A date given to the day (its digits may still make no calendar date). */
    static boolean full(int packed) {
        return packed > 0 && day(packed) != 0;
    }
}
