package org.soteria.exchange;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the exchange format's value types, each failure carrying the reason a user reads. */
final class Values {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private Values() {
    }

    /** A value that failed to parse; the message says why, in words for the person fixing the file. */
    static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static LocalDate date(String v) throws Invalid {
        if (!DATE.matcher(v).matches()) {
            throw new Invalid("not a date in the form YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new Invalid("not a real calendar date");
        }
    }

    /** A full or partial date of birth: YYYY, YYYY-MM or YYYY-MM-DD; returned in that canonical form. */
    static String partialDate(String v) throws Invalid {
        Matcher m = PARTIAL_DATE.matcher(v);
        if (!m.matches()) {
            throw new Invalid("not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new Invalid("not a real date: month " + m.group(2) + " does not exist");
            }
        }
        if (m.group(3) != null) {
            date(v);
        }
        return v;
    }

    /** An event time: a date alone, or a date-time with an optional offset (Europe/London without one). */
    record When(Instant instant, boolean timed, LocalDate date) {
        /** The key form of exchange-format.md: the instant for a date-time, the date for a date alone. */
        String keyForm() {
            return timed ? instant.toString() : date.toString();
        }
    }

    static When when(String v) throws Invalid {
        if (DATE.matcher(v).matches()) {
            LocalDate d = date(v);
            return new When(d.atStartOfDay(LONDON).toInstant(), false, d);
        }
        Matcher m = DATE_TIME.matcher(v);
        if (!m.matches()) {
            throw new Invalid("not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][offset])");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + m.group(2));
            String offset = m.group(3);
            Instant instant;
            if (offset == null) {
                instant = local.atZone(LONDON).toInstant();
            } else {
                instant = local.atOffset(offset(offset)).toInstant();
            }
            return new When(instant, true, instant.atZone(LONDON).toLocalDate());
        } catch (DateTimeParseException e) {
            throw new Invalid("not a real date and time");
        } catch (DateTimeException e) {
            throw new Invalid("not a date-time with a valid UTC offset (" + m.group(3) + ")");
        }
    }

    private static ZoneOffset offset(String s) {
        if (s.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = s.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        if (minutes > 59) {
            throw new DateTimeException("minutes out of range");
        }
        return s.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    static boolean bool(String v) throws Invalid {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return true;
            case "false", "no", "n", "0":
                return false;
            default:
                throw new Invalid("not a boolean (true/false, yes/no, y/n or 1/0)");
        }
    }

    static int wholeNumber(String v, int min, int max) throws Invalid {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Invalid("not a whole number");
        }
        if (n < min || n > max) {
            throw new Invalid("not between " + min + " and " + max);
        }
        return n;
    }
}
