package org.soteria.platform;

import java.time.LocalDate;

/**
 * What a form field is told when it is refused, as a message code the page puts into its own language
 * ({@code web.form.FormMessages}): {@code {code|arg|…}}. An argument is shown as it is, or is itself looked up:
 * {@code #code} (the message), {@code ~code} (the message with a small first letter, for the middle of a
 * sentence), {@code @2026-03-27} (a date, written out in the page's language) or {@code ^English␞Welsh} (a force's
 * words in both languages, {@link #words}).
 *
 * <p>The common faults of a labelled field take the field's label as a message code ({@code field.*}) twice, small
 * and as it is, so that each language may place it as its grammar needs (English "Enter due date"; Welsh quotes
 * the label, which keeps it from mutating).
 */
public final class Fault {

    private Fault() {
    }

    /** The code with its arguments, each shown as it is (a bar in one is shown as a broken bar). */
    public static String of(String code, Object... args) {
        StringBuilder s = new StringBuilder("{").append(code);
        for (Object a : args) {
            s.append('|').append(String.valueOf(a).replace('|', '¦').replace('}', ')'));
        }
        return s.append('}').toString();
    }

    /** An argument that is itself a message code. */
    public static String message(String code) {
        return "#" + code;
    }

    /** An argument that is a coded choice's label, small (for the middle of a sentence). */
    public static String choice(org.soteria.reference.Choice choice) {
        return "~" + choice.messageKey();
    }

    /**
     * An argument that is words a force keeps as data in English and Welsh (a review item, a question): shown in the
     * page's language, or in English until the Welsh is written.
     */
    public static String words(Bilingual words) {
        return "^" + words.english() + WELSH_AFTER + words.welsh();
    }

    /** Between the English and the Welsh of a {@link #words} argument. */
    public static final char WELSH_AFTER = '\u001e';

    /** An argument that is a date, written out in the page's language. */
    public static String date(LocalDate on) {
        return on == null ? "" : "@" + on;
    }

    /** An argument that is a count, for a message that chooses its words by it ({@code {0,choice,1#…|1<…}}). */
    public static String count(long n) {
        return "=" + n;
    }

    /** An argument that is a month, written out in the page's language ("May 2026", "Mai 2026"). */
    public static String month(java.time.YearMonth month) {
        return month == null ? "" : "%" + month;
    }

    /** "Enter due date": a required field left empty. */
    public static String enter(String label) {
        return of("form.enter", "~" + label, "#" + label);
    }

    /**
     * "Due date must include a month": a date typed in three boxes with {@code missing} of them empty ("day",
     * "day_month", …, as {@code org.soteria.web.form.DateFields#missing} names them).
     */
    public static String dateMissing(String label, String missing) {
        return of("form.dateMissing." + missing, "~" + label, "#" + label);
    }

    /** "Due date must be a real date in the form YYYY-MM-DD, …". */
    public static String notADate(String label) {
        return of("form.notADate", "~" + label, "#" + label);
    }

    /** "Title must be 200 characters or fewer". */
    public static String tooLong(String label, int limit) {
        return of("form.tooLong", "~" + label, "#" + label, limit);
    }

    /** "Date sent must be today or in the past". */
    public static String notFuture(String label) {
        return of("form.notFuture", "~" + label, "#" + label);
    }

    /** "Date sent must be on or after the day it was approved (4 May 2026)": {@code what} is a message code. */
    public static String notBefore(String label, String what, LocalDate notBefore) {
        return of("form.notBefore", "~" + label, "#" + label, "#" + what, date(notBefore));
    }
}
