package org.soteria.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The label of a choice in the page's language, for templates ({@code ${@labels.of(item)}}): a coded choice
 * (an enum implementing {@link org.soteria.reference.Choice}) has its words in the message bundles under
 * {@code choice.<Type>.<code>}; any other item with a label() (a form's own options) shows that label.
 * {@code ChoiceLabelsTest} holds the English bundle to the enums' own labels, so the two cannot drift apart.
 */
@Component("labels")
public class Labels {

    private final MessageSource messages;

    public Labels(MessageSource messages) {
        this.messages = messages;
    }

    public static String key(org.soteria.reference.Choice choice) {
        return choice.messageKey();
    }

    /** The group of an outcome code, in the page's language; empty for no outcome, "Other" for one not known. */
    public String outcomeGroupOf(String outcomeCode) {
        if (outcomeCode == null) {
            return "";
        }
        return of(org.soteria.reference.OutcomeCode.parse(outcomeCode).map(org.soteria.reference.OutcomeCode::group)
                .orElse(org.soteria.reference.OutcomeGroup.OTHER));
    }

    /** The group of a Home Office offence code, in the page's language; empty for a code not known. */
    public String offenceGroupOf(String offenceCode) {
        return org.soteria.reference.OffenceCode.parse(offenceCode).map(c -> of(c.group())).orElse("");
    }

    /** A Home Office offence code's description in the page's language ({@code offence.<code>}); a code not known as it is. */
    public String offenceOf(String offenceCode) {
        return offenceCode == null ? "" : or("offence." + offenceCode, org.soteria.reference.OffenceCode.parse(offenceCode)
                .map(org.soteria.reference.OffenceCode::description).orElse(offenceCode));
    }

    /** A Home Office outcome code's name in the page's language ({@code outcome.<code>}); a code not known as it is. */
    public String outcomeOf(String outcomeCode) {
        return outcomeCode == null ? "" : or("outcome." + outcomeCode, org.soteria.reference.OutcomeCode.parse(outcomeCode)
                .map(org.soteria.reference.OutcomeCode::shortName).orElse(outcomeCode));
    }

    /**
     * A deep-dive stratum ("adult_rape / charged / 2025-Q3") in the page's language: its offence group and outcome
     * group ("open" when none) by their labels, its quarter as it is.
     */
    public String stratumOf(String stratum) {
        String[] parts = stratum == null ? new String[0] : stratum.split(" / ");
        if (parts.length != 3) {
            return stratum == null ? "" : stratum;
        }
        String offence = org.soteria.reference.Coded.parse(org.soteria.reference.OffenceGroup.class, parts[0])
                .map(this::of).orElse(parts[0]);
        String outcome = "open".equals(parts[1]) ? or("cases.status.open", "Open")
                : org.soteria.reference.Coded.parse(org.soteria.reference.OutcomeGroup.class, parts[1]).map(this::of)
                        .orElse(parts[1]);
        return offence + " / " + outcome + " / " + parts[2].replace("-", " ");
    }

    /**
     * The message of {@code key} in the page's language, or {@code otherwise} when the bundles have none: for words
     * that come with the data (an event type, a person's role), translated where the bundles know them.
     */
    public String or(String key, String otherwise) {
        return found(messages, key, otherwise, LocaleContextHolder.getLocale());
    }

    /**
     * Words built in Java for people to read (a table's title and headings, a row's label), in the page's language:
     * the message {@code text.<words in lower case, joined by _>} when the bundles have it, else the words as they
     * are. Codes and data have no message and pass through unchanged.
     */
    public String text(Object english) {
        if (!(english instanceof String words) || words.isBlank()) {
            return english == null ? "" : String.valueOf(english);
        }
        return text(messages, words, LocaleContextHolder.getLocale());
    }

    /**
     * Words built in Java in {@code locale}: the message {@code text.<words>}, or the words as they are; a label with
     * figures or codes in it, written as a fault is ({@code {code|…}}, platform.Fault), by its code.
     */
    public static String text(MessageSource messages, String english, java.util.Locale locale) {
        if (english.startsWith("{") && english.endsWith("}")) {
            return new org.soteria.web.form.FormMessages(messages).text(english, locale);
        }
        return found(messages, textKey(english), english, locale);
    }

    /**
     * The message {@code key} in {@code locale}, or {@code otherwise} exactly as it is: a default handed to the
     * message source would be formatted as a message, and an apostrophe in it (the victim's phone) would vanish.
     */
    public static String found(MessageSource messages, String key, String otherwise, java.util.Locale locale) {
        String message = messages.getMessage(key, null, null, locale);
        return message == null ? otherwise : message;
    }

    /** The message code of words built in Java: {@code text.} and the words in lower case joined by underscores. */
    public static String textKey(String words) {
        return "text." + words.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /**
     * A date of birth as a person record holds it (text, as recorded): a calendar date written out in the page's
     * language ("27 October 1997", "27 Hydref 1997"); anything else (a date that is no calendar date, kept for
     * linkage) as recorded, so that nobody reads a corrected date that was never given; null stays null.
     */
    public String birthDate(String recorded) {
        if (recorded == null || recorded.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(recorded.strip()).format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMMM yyyy", LocaleContextHolder.getLocale()));
        } catch (java.time.format.DateTimeParseException notADate) {
            return recorded;
        }
    }

    /** A quarter as the network's files name it ("2025-Q3") in the page's language: "2025 Q3", "2025 Ch3". */
    public String quarter(String code) {
        if (code == null || !code.matches("[0-9]{4}-Q[1-4]")) {
            return code;
        }
        return messages.getMessage("period.quarter", new Object[] {code.substring(0, 4), code.substring(6)}, code,
                LocaleContextHolder.getLocale());
    }

    public String of(Object item) {
        if (item instanceof org.soteria.reference.Choice choice) {
            return found(messages, key(choice), choice.label(), LocaleContextHolder.getLocale());
        }
        if (item instanceof org.soteria.web.form.Choice choice) {
            return text(choice.label());
        }
        try {
            return text(String.valueOf(item.getClass().getMethod("label").invoke(item)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Not a choice with a label: " + item, e);
        }
    }
}
