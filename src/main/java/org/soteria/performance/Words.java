package org.soteria.performance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import org.soteria.reference.Choice;
import org.soteria.web.Labels;
import org.springframework.context.MessageSource;

/**
 * The words the performance pages build in Java (a chart's title, description, labels and values, a period's
 * label, a download's headings and row labels) in the page's language. Fixed words are looked up by their English
 * ({@link Labels#textKey}), sentences with figures by their message code. The tables themselves are built with
 * English headings, which say how each column is formatted ({@link CellFormat}); they are put into the page's
 * language as they are shown or written.
 */
public record Words(MessageSource messages, Locale locale) {

    /** The English words as they are, with no bundles (the command line's reports). */
    public static Words plain() {
        return new Words(new org.springframework.context.support.StaticMessageSource(), Locale.UK);
    }

    /** Fixed words: the message {@code text.<words>}, or the words as they are; a {@code {code|…}} label by its code. */
    public String text(String english) {
        return Labels.text(messages, english, locale);
    }

    /** A sentence with its figures, by message code (the code itself where there are no bundles: {@link #plain}). */
    public String say(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A coded choice's label. */
    public String of(Choice choice) {
        return Labels.found(messages, choice.messageKey(), choice.label(), locale);
    }

    /** A month ("Jan 2026", "Ion 2026") or a quarter ("2026 Q1", "2026 Ch1") by its first day. */
    public String period(LocalDate from, boolean quarterly) {
        YearMonth m = YearMonth.from(from);
        return quarterly ? say("period.quarter", String.valueOf(m.getYear()), (m.getMonthValue() - 1) / 3 + 1)
                : m.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + m.getYear();
    }
}
