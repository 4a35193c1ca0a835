package org.soteria.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.soteria.web.Labels;
import org.springframework.context.MessageSource;

/**
 * The words of an alert, in the person's language: how much work of each kind there is and the address of the page
 * where it is done. Nothing else goes in: no name, no reference, no detail of a case, so that a message read on a
 * phone, forwarded or kept by a mail server tells nobody anything but that work is waiting.
 */
final class AlertText {

    /** Which message: the morning summary, the one sent when urgent work grows, or the one a person asks for to try. */
    enum Kind {
        DAILY("daily"), IMMEDIATE("immediate"), TEST("test");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    record Mail(String subject, String body, int lines) {
    }

    private final MessageSource messages;
    private final String baseUrl;

    AlertText(MessageSource messages, String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The message for {@code work} (in urgency order), {@code fresh} the kinds that are new since last told. */
    Mail compose(Kind kind, List<Work> work, java.util.Set<String> fresh, Locale locale) {
        List<String> out = new ArrayList<>();
        out.add(say("alert.intro." + kind.code, locale));
        out.add("");
        Work.Urgency heading = null;
        int lines = 0;
        for (Work w : work) {
            if (w.urgency() != heading) {
                if (heading != null) {
                    out.add("");
                }
                heading = w.urgency();
                out.add(say("home.urgency." + heading.name(), locale));
            }
            String words = Labels.text(messages, w.words(), locale);
            String marker = fresh.contains(w.kind()) ? " (" + say("alert.new", locale) + ")" : "";
            out.add("- " + words + marker + ": " + baseUrl + w.href());
            lines++;
        }
        if (work.isEmpty()) {
            out.add(say("alert.nothing", locale));
        }
        out.add("");
        out.add(say("alert.noDetails", locale));
        out.add(say("alert.change", locale) + " " + baseUrl + "/account/alerts");
        return new Mail(say("alert.subject." + kind.code, locale), String.join("\r\n", out) + "\r\n", lines);
    }

    private String say(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
