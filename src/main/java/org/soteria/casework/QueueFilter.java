package org.soteria.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The casework queue narrowed (issue 24): to one team, one officer in the case, and a window of due dates. Teams
 * and officers are offered from what the queue holds, so a choice never shows an empty list for a reason the
 * person cannot see.
 */
public record QueueFilter(String team, String officer, Window window) {

    /** Which due dates to show. */
    public enum Window {
        ALL, OVERDUE, TODAY, WEEK;

        static Window of(String code, boolean overdueOnly) {
            if (overdueOnly) {
                return OVERDUE;
            }
            for (Window w : values()) {
                if (w.name().toLowerCase(Locale.ROOT).equals(code)) {
                    return w;
                }
            }
            return ALL;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whose a crime is, for filtering: its team and officer in the case, with their names where known. */
    public record Owner(String teamCode, String teamName, String officerCode, String officerName) {
    }

    static QueueFilter of(String team, String officer, String due, boolean overdueOnly) {
        return new QueueFilter(blank(team), blank(officer), Window.of(due, overdueOnly));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    public boolean narrows() {
        return team != null || officer != null || window != Window.ALL;
    }

    /** The query string that keeps this filter on a link (empty, or starting with &amp;). */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (team != null) {
            q.append("&team=").append(java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (officer != null) {
            q.append("&officer=").append(java.net.URLEncoder.encode(officer, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (window != Window.ALL) {
            q.append("&due=").append(window.code());
        }
        return q.toString();
    }

    private Predicate<CaseworkQueueService.Item> test(Map<Long, Owner> owners, LocalDate today) {
        return i -> {
            Owner o = owners.get(i.crimeId());
            if (team != null && (o == null || !team.equals(o.teamCode()))) {
                return false;
            }
            if (officer != null && (o == null || !officer.equals(o.officerCode()))) {
                return false;
            }
            return switch (window) {
                case ALL -> true;
                case OVERDUE -> i.overdue();
                case TODAY -> !i.overdue() && i.date().equals(today);
                case WEEK -> !i.date().isAfter(today.plusDays(7));
            };
        };
    }

    /** The queue with only what this filter lets through, in each list. */
    CaseworkQueueService.Queue apply(CaseworkQueueService.Queue q, Map<Long, Owner> owners) {
        if (!narrows()) {
            return q;
        }
        Predicate<CaseworkQueueService.Item> keep = test(owners, q.today());
        return new CaseworkQueueService.Queue(q.lines().stream().filter(keep).toList(),
                q.reviews().stream().filter(keep).toList(), q.approvals().stream().filter(keep).toList(),
                q.bail().stream().filter(keep).toList(), q.cps().stream().filter(keep).toList(), q.reviewer(), q.today());
    }

    /** The teams the queue's crimes belong to, code to name (the code where the team has none), in code order. */
    static Map<String, String> teams(Map<Long, Owner> owners) {
        Map<String, String> out = new TreeMap<>();
        owners.values().stream().filter(o -> o.teamCode() != null)
                .forEach(o -> out.put(o.teamCode(), o.teamName() == null ? o.teamCode() : o.teamName()));
        return out;
    }

    /** The officers in the case of the queue's crimes, code to name, by name. */
    static List<Map.Entry<String, String>> officers(Map<Long, Owner> owners) {
        Map<String, String> byCode = new TreeMap<>();
        owners.values().stream().filter(o -> o.officerCode() != null)
                .forEach(o -> byCode.put(o.officerCode(), o.officerName() == null ? o.officerCode() : o.officerName()));
        List<Map.Entry<String, String>> out = new ArrayList<>(byCode.entrySet());
        out.sort(Comparator.comparing(Map.Entry<String, String>::getValue).thenComparing(Map.Entry::getKey));
        return out;
    }
}
