package org.soteria.victim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DataScope;
import org.soteria.security.NeedToKnow;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Victims' Code duties across crimes: the queue of what is due for the user's victims, their teams' or the force's,
 * and overdue duties counted by team and officer in the case.
 */
@Service
public class VictimQueueService {

    private final VictimRepository repository;
    private final VictimService victims;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final DataScope scope;

    VictimQueueService(VictimRepository repository, VictimService victims, NeedToKnow needToKnow, AuditService audit,
            DataScope scope) {
        this.repository = repository;
        this.victims = victims;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.scope = scope;
    }

    /** Which duties a queue lists. */
    public enum Show implements org.soteria.reference.Choice {
        DUE("due", "Due today and overdue"), OVERDUE("overdue", "Overdue"), TODAY("today", "Due today"),
        COMING("coming", "Due in the next 5 working days");

        private final String code;
        private final String label;

        Show(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Whose duties a queue lists. */
    public enum Scope implements org.soteria.reference.Choice {
        MINE("mine", "Mine"), TEAM("team", "My teams"), OFFICER("officer", "One officer");

        private final String code;
        private final String label;

        Scope(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A page of a queue, with the counts of each kind for the tabs. */
    public record Queue(List<VictimService.Duty> duties, Map<Show, Integer> counts, int page, int pages, long total,
            List<VictimService.Duty> thirdParty) {
    }

    public Queue queue(SoteriaUser user, Scope scope, String officer, Show show, int page) {
        Map<Show, List<VictimService.Duty>> split = split(openDuties(user, scope, officer));
        Map<Show, Integer> counts = new EnumMap<>(Show.class);
        split.forEach((k, v) -> counts.put(k, v.size()));
        // Third-party reports the victim did not consent to are kept visibly apart: contact follows the victim's wishes.
        List<VictimService.Duty> chosen = split.get(show).stream().filter(d -> !d.thirdPartyWithoutConsent())
                .sorted(Comparator.comparing((VictimService.Duty d) -> d.obligation().due()).reversed().thenComparing(VictimService.Duty::crimeRef))
                .toList();
        List<VictimService.Duty> apart = split.get(show).stream().filter(VictimService.Duty::thirdPartyWithoutConsent)
                .sorted(Comparator.comparing((VictimService.Duty d) -> d.obligation().due())).toList();
        int pages = Math.max(1, (chosen.size() + VictimService.PAGE_SIZE - 1) / VictimService.PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<VictimService.Duty> shown = chosen.subList((p - 1) * VictimService.PAGE_SIZE, Math.min(chosen.size(), p * VictimService.PAGE_SIZE));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "victim", null)
                .records(java.util.stream.Stream.concat(shown.stream(), apart.stream())
                        .flatMap(d -> java.util.stream.Stream.of(user.forceCode() + ":" + d.crimeRef(),
                                user.forceCode() + ":person:" + d.victimPersonId()))
                        .distinct().toList())
                .justification("need-to-know: own, team, granted, named or break-glass crimes")
                .detail("victims' duties queue: " + scope.code() + (officer == null ? "" : " " + officer) + ", "
                        + show.code() + ", page " + p));
        return new Queue(shown, counts, p, pages, chosen.size(), apart);
    }

    /** Duties not yet done, of the crimes in a scope. */
    /**
     * How many duties of the user's ({@code MINE}) or their teams' ({@code TEAM}) crimes are in each part of the
     * queue, for the home page: counts only, so nothing is read and nothing is recorded.
     */
    public Map<Show, Integer> counts(SoteriaUser user, Scope scope) {
        Map<Show, Integer> counts = new EnumMap<>(Show.class);
        split(openDuties(user, scope, null)).forEach((k, v) -> counts.put(k, v.size()));
        return counts;
    }

    /** Duties by the part of the queue they fall in: overdue, due today (both also "due"), or coming in 5 working days. */
    private Map<Show, List<VictimService.Duty>> split(List<VictimService.Duty> all) {
        LocalDate today = victims.today();
        LocalDate coming = victims.code().workingDays().addWorkingDays(today, 5);
        Map<Show, List<VictimService.Duty>> split = new EnumMap<>(Show.class);
        for (Show s : Show.values()) {
            split.put(s, new ArrayList<>());
        }
        for (VictimService.Duty d : all) {
            LocalDate due = d.obligation().due();
            if (d.state() == VictimsCode.State.OVERDUE) {
                split.get(Show.OVERDUE).add(d);
                split.get(Show.DUE).add(d);
            } else if (due.equals(today)) {
                split.get(Show.TODAY).add(d);
                split.get(Show.DUE).add(d);
            } else if (!due.isAfter(coming)) {
                split.get(Show.COMING).add(d);
            }
        }
        return split;
    }

    private List<VictimService.Duty> openDuties(SoteriaUser user, Scope scope, String officer) {
        NeedToKnow.UserScope mine = needToKnow.scope(user);
        String sql;
        Map<String, Object> p = new LinkedHashMap<>();
        switch (scope) {
            case MINE -> {
                sql = "(c.officer_code = :me or exists (select 1 from victim_contact_plan vp where vp.crime_id = c.id "
                        + "and vp.liaison_officer_code = :me))";
                p.put("me", mine.officerCode() == null ? "" : mine.officerCode());
            }
            case TEAM -> {
                sql = "c.team_code = any(:teams)";
                p.put("teams", mine.allTeams().toArray(String[]::new));
            }
            default -> {
                sql = "(c.officer_code = :officer or exists (select 1 from victim_contact_plan vp "
                        + "where vp.crime_id = c.id and vp.liaison_officer_code = :officer))";
                p.put("officer", officer == null ? "" : officer);
            }
        }
        LocalDate today = victims.today();
        List<Long> ids = repository.crimesInScope(needToKnow.rule(user, "c"), sql, p,
                today.minusDays(VictimService.CLOSED_WITHIN_DAYS));
        LocalDate horizon = victims.code().workingDays().addWorkingDays(today, 5);
        List<VictimService.Duty> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            for (VictimRepository.CodeCrime c : repository.load(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                // Of a victim's contact-plan updates not done, only the latest counts here: a window that has
                // passed cannot be made up, and the next update meets the current one.
                Map<Long, VictimService.Duty> latestUpdate = new LinkedHashMap<>();
                for (VictimService.Duty d : victims.duties(c, today, horizon)) {
                    if (d.obligation().done() != null) {
                        continue;
                    }
                    if (d.obligation().type() == VictimsCode.ObligationType.CONTACT_PLAN_UPDATE) {
                        latestUpdate.merge(d.victimRef(), d,
                                (a, b) -> a.obligation().due().isAfter(b.obligation().due()) ? a : b);
                    } else {
                        out.add(d);
                    }
                }
                out.addAll(latestUpdate.values());
            }
        }
        return out;
    }

    /** Overdue duties per team and officer in the case, for a supervisor. */
    public record OverdueRow(String teamCode, String officerCode, String officer, Map<VictimsCode.ObligationType, Integer> byType,
            int total) {
    }

    /** The overdue counts, and whether they cover the whole force (a force lead without teams) or the user's teams. */
    public record Overdue(List<OverdueRow> rows, boolean wholeForce) {
    }

    /**
     * Overdue duties counted by team and officer in the case: for the teams the user works in or
     * supervises or, for a force lead placed in no team, for the whole force (restricted crimes left
     * out). Counts only: no victim is named, so need-to-know does not narrow a force lead's counts.
     */
    public Overdue overdueByTeamAndOfficer(SoteriaUser user) {
        NeedToKnow.UserScope mine = needToKnow.scope(user);
        LocalDate today = victims.today();
        boolean wholeForce = mine.allTeams().isEmpty() && user.role() == org.soteria.security.Role.FORCE_LEAD;
        java.util.function.Supplier<Map<String, OverdueRow>> counting = () -> {
            List<Long> ids = wholeForce
                    ? repository.crimesInScope(new NeedToKnow.Rule("c.force_code = :force and not c.restricted",
                            Map.of("force", user.forceCode() == null ? "" : user.forceCode())), "true", Map.of(),
                            today.minusDays(VictimService.CLOSED_WITHIN_DAYS))
                    : repository.crimesInScope(needToKnow.rule(user, "c"), "c.team_code = any(:teams)",
                            Map.of("teams", mine.allTeams().toArray(String[]::new)), today.minusDays(VictimService.CLOSED_WITHIN_DAYS));
            Map<String, OverdueRow> rows = new TreeMap<>();
            for (int from = 0; from < ids.size(); from += 1000) {
                for (VictimRepository.CodeCrime c : repository.load(ids.subList(from, Math.min(ids.size(), from + 1000)))) {
                    for (VictimService.Duty d : victims.duties(c, today, today)) {
                        if (d.state() != VictimsCode.State.OVERDUE) {
                            continue;
                        }
                        String key = (c.teamCode() == null ? "" : c.teamCode()) + "\u0000"
                                + (c.officerCode() == null ? "" : c.officerCode());
                        OverdueRow row = rows.computeIfAbsent(key, k -> new OverdueRow(c.teamCode(), c.officerCode(),
                                c.officerName() != null ? c.officerName() : c.officerCode(),
                                new EnumMap<>(VictimsCode.ObligationType.class), 0));
                        row.byType().merge(d.obligation().type(), 1, Integer::sum);
                        rows.put(key, new OverdueRow(row.teamCode(), row.officerCode(), row.officer(), row.byType(),
                                row.total() + 1));
                    }
                }
            }
            return rows;
        };
        // Counts only, no victim named: the force lead's whole-force view is a named reader of ADR 17.
        Map<String, OverdueRow> rows = wholeForce
                ? scope.wholeForce("force lead: overdue Victims' Code duties counted across the force", counting)
                : counting.get();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "victim", null)
                .justification(wholeForce ? "force lead: counts of overdue Victims' Code duties across the force"
                        : "overdue Victims' Code duties of the user's teams")
                .detail("overdue duties by team and officer" + (wholeForce ? ", whole force" : "") + ": " + rows.size()
                        + " rows (counts only)"));
        return new Overdue(rows.values().stream().sorted(Comparator.comparingInt(OverdueRow::total).reversed()).toList(),
                wholeForce);
    }
}
