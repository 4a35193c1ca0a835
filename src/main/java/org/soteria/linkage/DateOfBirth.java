package org.soteria.linkage;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date of birth, full or partial, packed as {@code yyyymmdd} with 00 for an unknown month or day.
 * Accepts {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}, {@code YYYYMMDD} and {@code DD/MM/YYYY}.
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
        if (y < 1850 || y > 2100 || m < 0 || m > 12 || d < 0 || d > 31 || m == 0 && d != 0) {
            return INVALID;
        }
        if (d != 0) {
            try {
                LocalDate.of(y, m, d);
            } catch (DateTimeException e) {
                return INVALID;
            }
        }
        return y * 10000 + m * 100 + d;
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

    static boolean full(int packed) {
        return packed > 0 && day(packed) != 0;
    }
}
