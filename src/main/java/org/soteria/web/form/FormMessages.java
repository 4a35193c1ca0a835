package org.soteria.web.form;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts a page's faults into its language before it is rendered: a fault given as a message code
 * ({@link FormErrors#message}) becomes the message of the page's locale; other faults are shown as they are.
 * Applies to the model's fault maps ({@code errors}, {@code reviewErrors}) of every page, and to its one-line
 * {@code success}, {@code problem} and {@code title} messages (the first two often sent on through a redirect).
 */
@Component
public class FormMessages implements HandlerInterceptor {

    private final MessageSource messages;

    public FormMessages(MessageSource messages) {
        this.messages = messages;
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
            args[i - 1] = parts[i].startsWith("#") ? message(parts[i].substring(1), null, locale, parts[i]) : parts[i];
        }
        return message(parts[0], args, locale, fault);
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
                view.getModel().put(name, localised((Map<String, String>) faults, LocaleContextHolder.getLocale()));
            }
        }
        for (String name : new String[] {"success", "problem", "title"}) {
            if (view.getModel().get(name) instanceof String message) {
                view.getModel().put(name, text(message, LocaleContextHolder.getLocale()));
            }
        }
    }
}
