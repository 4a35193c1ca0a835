package org.soteria.web.form;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.soteria.platform.Fault;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts a page's faults into its language before it is rendered: a fault given as a message code
 * ({@link Fault}) becomes the message of the page's locale; other faults are shown as they are.
 * Applies to the model's fault maps ({@code errors}, {@code reviewErrors}) of every page, and to its one-line
 * {@code success}, {@code saved}, {@code problem} and {@code title} messages (the first two often sent on through a redirect).
 */
@Component
public class FormMessages implements HandlerInterceptor {

    private final MessageSource messages;
    private final boolean strict;

    /** Renders faults; a page message that is not a message code is shown as it is. */
    public FormMessages(MessageSource messages) {
        this(messages, false);
    }

    /**
     * With {@code soteria.messages.strict} (the tests set it), a page message written in Java that is not a message
     * code fails the page instead of showing English on a Welsh page: a confirmation, a fault or a banner.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public FormMessages(MessageSource messages,
            @org.springframework.beans.factory.annotation.Value("${soteria.messages.strict:false}") boolean strict) {
        this.messages = messages;
        this.strict = strict;
    }

    /** The faults in {@code locale}, in the same order. */
    public Map<String, String> localised(Map<String, String> faults, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        faults.forEach((field, fault) -> out.put(field, text(fault, locale)));
        return out;
    }

    /** One fault in {@code locale}. */
    public String text(String fault, Locale locale) {
        if (fault == null || !fault.startsWith("{") || !fault.endsWith("}")) {
            return fault;
        }
        String[] parts = fault.substring(1, fault.length() - 1).split("\\|", -1);
        Object[] args = new Object[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            args[i - 1] = argument(parts[i], locale);
        }
        return message(parts[0], args, locale, fault);
    }

    /**
     * An argument as {@link Fault} wrote it: a message code ({@code #}, {@code ~} small), a date ({@code @}), a month
     * ({@code %}), a count ({@code =}), a force's words in two languages ({@code ^}) or text.
     */
    private Object argument(String arg, Locale locale) {
        if (arg.startsWith("=") && arg.matches("=-?\\d{1,18}")) {
            return Long.valueOf(arg.substring(1));
        }
        if (arg.startsWith("#")) {
            return message(arg.substring(1), null, locale, arg);
        }
        if (arg.startsWith("~")) {
            String m = message(arg.substring(1), null, locale, arg);
            // "Due date" becomes "due date"; "CPS decision" stays as it is.
            boolean acronym = m.length() > 1 && Character.isUpperCase(m.charAt(1));
            return m.isEmpty() || acronym ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        if (arg.startsWith("^")) {
            int welsh = arg.indexOf(org.soteria.platform.Fault.WELSH_AFTER);
            return welsh < 0 ? arg.substring(1) : org.soteria.platform.Bilingual.of(arg.substring(1, welsh),
                    arg.substring(welsh + 1)).in(locale);
        }
        if (arg.startsWith("%")) {
            try {
                return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(java.time.YearMonth.parse(arg.substring(1)));
            } catch (DateTimeParseException e) {
                return arg.substring(1);
            }
        }
        if (arg.startsWith("@")) {
            try {
                return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(LocalDate.parse(arg.substring(1)));
            } catch (DateTimeParseException e) {
                return arg.substring(1);
            }
        }
        return arg;
    }

    /** A code with no message is shown as it is rather than failing the page; MessageBundlesTest finds it. */
    private String message(String code, Object[] args, Locale locale, String otherwise) {
        try {
            return messages.getMessage(code, args, locale);
        } catch (NoSuchMessageException e) {
            return otherwise;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null) {
            return;
        }
        for (String name : new String[] {"errors", "reviewErrors"}) {
            if (view.getModel().get(name) instanceof Map<?, ?> faults && !faults.isEmpty()) {
                faults.values().forEach(f -> written(request, name, f));
                view.getModel().put(name, localised((Map<String, String>) faults, LocaleContextHolder.getLocale()));
            }
        }
        for (String name : new String[] {"success", "saved", "problem", "title"}) {
            if (view.getModel().get(name) instanceof String message) {
                written(request, name, message);
                view.getModel().put(name, text(message, LocaleContextHolder.getLocale()));
            } else if (view.getModel().get(name) instanceof java.util.Collection<?> several) {
                // A refusal's several faults in one banner: each in the page's language, one sentence after another.
                several.forEach(m -> written(request, name, m));
                view.getModel().put(name, String.join(" ", several.stream()
                        .map(m -> text(String.valueOf(m), LocaleContextHolder.getLocale())).toList()));
            }
        }
    }

    /** In strict mode, refuses a message that is words rather than a message code. */
    private void written(HttpServletRequest request, String name, Object message) {
        String m = String.valueOf(message);
        if (strict && !(m.startsWith("{") && m.endsWith("}"))) {
            throw new IllegalStateException("Words written in Java, not a message code, in '" + name + "' on "
                    + request.getRequestURI() + ": " + m);
        }
    }
}
