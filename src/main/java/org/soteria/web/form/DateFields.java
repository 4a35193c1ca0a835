package org.soteria.web.form;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * GOV.UK's date input (issue 24): a date is typed as day, month and year in three boxes ({@code name-day},
 * {@code name-month}, {@code name-year}), and every form reads it as one value, {@code name}: the three joined as
 * {@code day/month/year} (which {@link FormValues#date} reads), or empty when all three are. A request that sends
 * {@code name} itself (the API, a link that keeps a filter) is left as it is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class DateFields extends OncePerRequestFilter {

    private static final String DAY = "-day";
    /** A date as the three boxes give it, some of them perhaps empty. */
    private static final Pattern JOINED = Pattern.compile("\\s*(\\S*?)\\s*/\\s*(\\S*?)\\s*/\\s*(\\S*?)\\s*");
    /** A date written the ISO way, real or not (a link that kept 2024-02-30). */
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            // An upload's parts are read by the handler, with its own limits; no upload form has a date.
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> joined = null;
        for (String name : Collections.list(request.getParameterNames())) {
            if (!name.endsWith(DAY)) {
                continue;
            }
            String field = name.substring(0, name.length() - DAY.length());
            if (request.getParameter(field) != null) {
                continue;
            }
            String day = part(request, field + DAY);
            String month = part(request, field + "-month");
            String year = part(request, field + "-year");
            if (joined == null) {
                joined = new LinkedHashMap<>(request.getParameterMap());
            }
            boolean empty = day.isEmpty() && month.isEmpty() && year.isEmpty();
            joined.put(field, new String[] {empty ? "" : day + "/" + month + "/" + year});
        }
        chain.doFilter(joined == null ? request : new WithDates(request, Collections.unmodifiableMap(joined)), response);
    }

    private static String part(HttpServletRequest request, String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v.strip();
    }

    /**
     * The parts a form shows back in its three boxes: from a date, an ISO date, or what was typed ({@code 14//2026});
     * anything else in the day box, so that nothing typed is lost.
     */
    public static String[] parts(Object value) {
        if (value == null) {
            return new String[] {"", "", ""};
        }
        if (value instanceof LocalDate d) {
            return new String[] {String.valueOf(d.getDayOfMonth()), String.valueOf(d.getMonthValue()),
                String.valueOf(d.getYear())};
        }
        String v = value.toString().strip();
        Matcher m = JOINED.matcher(v);
        if (m.matches()) {
            return new String[] {m.group(1), m.group(2), m.group(3)};
        }
        m = ISO.matcher(v);
        if (m.matches()) {
            return new String[] {m.group(3), m.group(2), m.group(1)};
        }
        LocalDate d = FormValues.date(v);
        return d != null ? parts(d) : new String[] {v, "", ""};
    }

    /**
     * The boxes of a date typed as three that were left empty while others were not ("day", "day and month"), or
     * null when the value is not such a date, or none or all are empty.
     */
    public static String missing(String value) {
        Matcher m = value == null ? null : JOINED.matcher(value);
        if (m == null || !m.matches()) {
            return null;
        }
        StringBuilder code = new StringBuilder();
        String[] names = {"day", "month", "year"};
        int empty = 0;
        for (int i = 0; i < 3; i++) {
            if (m.group(i + 1).isEmpty()) {
                code.append(code.length() == 0 ? "" : "_").append(names[i]);
                empty++;
            }
        }
        return empty == 0 || empty == 3 ? null : code.toString();
    }

    private static final class WithDates extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        WithDates(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
