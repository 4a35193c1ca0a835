package org.soteria.performance;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.reference.Choice;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.security.SoteriaUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The performance dashboard, the team and officer breakdowns, and their CSV and XLSX downloads. */
@Controller
@ForceMode
public class PerformanceController {

    private static final List<String> VIEWS = List.of("headline", "funnel", "outcomes", "timeliness", "xmr", "victims",
            "suspects", "measures");

    private final MeasureService measures;
    private final MessageSource messages;
    private final org.soteria.investigation.InvestigationService investigations;
    private final List<ChartNotes> chartNotes;

    PerformanceController(MeasureService measures, MessageSource messages,
            org.soteria.investigation.InvestigationService investigations,
            org.springframework.beans.factory.ObjectProvider<ChartNotes> chartNotes) {
        this.chartNotes = chartNotes.orderedStream().toList();
        this.measures = measures;
        this.messages = messages;
        this.investigations = investigations;
    }

    /** The force's teams, code to name, to choose from: a team typed by hand that does not exist showed zeros. */
    private Map<String, String> teams(SoteriaUser user) {
        Map<String, String> out = new LinkedHashMap<>();
        investigations.teams(user).forEach(t -> out.put(String.valueOf(t.get("team_code")),
                t.get("name") == null ? String.valueOf(t.get("team_code")) : String.valueOf(t.get("name"))));
        return out;
    }

    /** The words of this request's language, for charts, periods and downloads. */
    private Words words() {
        return new Words(messages, LocaleContextHolder.getLocale());
    }

    /** The query a page asked for, or the errors that stop it. */
    record Asked(MeasureQuery query, boolean quarterly, Map<String, String> errors, Map<String, String> values) {
    }

    Asked read(MultiValueMap<String, String> params, SoteriaUser user) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        LocalDate today = measures.today();
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        LocalDate from = date(params, "from", lastMonth.minusMonths(2).atDay(1), errors, values);
        LocalDate to = date(params, "to", lastMonth.atEndOfMonth(), errors, values);
        LocalDate asOf = date(params, "asOf", today, errors, values);
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.put("to", "{perfError.theEndOfThePeriod}");
        }
        Map<String, List<String>> filterParams = new LinkedHashMap<>();
        for (MeasureFilter.Key k : MeasureFilter.Key.values()) {
            List<String> v = params.get(k.code());
            if (v != null) {
                filterParams.put(k.code(), v);
                values.put(k.code(), v.stream().filter(s -> !s.isBlank()).findFirst().orElse(""));
            }
        }
        MeasureQuery q = null;
        Map<String, String> teams = teams(user);
        for (String team : filterParams.getOrDefault(MeasureFilter.Key.TEAM.code(), List.of())) {
            if (!team.isBlank() && !teams.containsKey(team.strip())) {
                errors.putIfAbsent("team", Fault.of("perfError.noSuchTeam", team.strip()));
            }
        }
        try {
            MeasureFilter filter = MeasureFilter.of(filterParams);
            if (errors.isEmpty()) {
                q = measures.scope(new MeasureQuery(from, to, asOf, filter), user);
            }
        } catch (MeasureFilter.Invalid e) {
            String field = e.field() == null ? "from" : e.field();
            // The filter's own words are for the API and the command line; the page says it in its language.
            errors.putIfAbsent(field, "{perfError.chooseFromTheList}");
        }
        boolean quarterly = "quarter".equals(params.getFirst("by"));
        values.put("by", quarterly ? "quarter" : "month");
        return new Asked(errors.isEmpty() ? q : null, quarterly, errors, values);
    }

    private static LocalDate date(MultiValueMap<String, String> params, String name, LocalDate fallback,
            Map<String, String> errors, Map<String, String> values) {
        String raw = params.getFirst(name);
        if (raw == null || raw.isBlank()) {
            values.put(name, fallback.toString());
            return fallback;
        }
        values.put(name, raw.trim());
        LocalDate d = org.soteria.web.form.FormValues.date(raw);
        if (d == null) {
            errors.put(name, "{perfError.enterARealDate}");
            return fallback;
        }
        return d;
    }

    /** The dashboard's views, their charts and periods in {@code words}' language. */
    List<Dashboard.View> views(Asked a, Words words, SoteriaUser user) {
        Inputs in = inputs(a, words, user);
        List<Dashboard.View> out = new ArrayList<>();
        for (String key : VIEWS) {
            out.add(view(in, key));
        }
        return out;
    }

    private Inputs inputs(Asked a, Words words, SoteriaUser user) {
        return new Inputs(measures, a.query(), a.quarterly(), words, () -> chartNotes.stream()
                .flatMap(n -> n.notes(Measure.CHARGE_RATE, user).stream())
                .sorted(java.util.Comparator.comparing(ChartNotes.Note::on)).toList());
    }

    /** What the views are drawn from, each computed on first use and shared by the views of one request. */
    private static final class Inputs {
        private final MeasureService measures;
        private final MeasureQuery query;
        private final boolean quarterly;
        private final Words words;
        private final java.util.function.Supplier<List<ChartNotes.Note>> notes;
        private Measures now;
        private List<Measures> series;

        Inputs(MeasureService measures, MeasureQuery query, boolean quarterly, Words words,
                java.util.function.Supplier<List<ChartNotes.Note>> notes) {
            this.measures = measures;
            this.query = query;
            this.quarterly = quarterly;
            this.words = words;
            this.notes = notes;
        }

        Measures now() {
            if (now == null) {
                now = measures.publish(query);
            }
            return now;
        }

        List<Measures> series() {
            if (series == null) {
                series = measures.publishSeries(query.withPeriod(YearMonth.from(query.to()).minusMonths(23).atDay(1),
                        query.to()), quarterly);
            }
            return series;
        }
    }

    /** One view, computing only what it shows (a single table's download needs no series). */
    private Dashboard.View view(Inputs in, String key) {
        MeasureQuery q = in.query;
        boolean quarterly = in.quarterly;
        return switch (key) {
            case "headline" -> Dashboard.headline(in.now(), measures.publish(q.previousPeriod()),
                    measures.publish(q.yearEarlier()));
            case "funnel" -> Dashboard.funnel(in.now(), in.words);
            case "outcomes" -> Dashboard.outcomes(in.series(), quarterly, in.words);
            case "timeliness" -> Dashboard.timeliness(in.now(), in.words);
            // Improvement-plan actions mark the day they went live (issue 26).
            case "xmr" -> Dashboard.xmr(in.series(), quarterly, in.notes.get(), in.words);
            case "victims" -> Dashboard.victims(in.now());
            case "suspects" -> Dashboard.suspects(in.now());
            case "measures" -> Dashboard.all(in.now());
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    @GetMapping("/performance")
    String dashboard(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        Asked a = read(params, user);
        form(model, a, user);
        boolean ready = measures.readyForPages();
        model.addAttribute("ready", ready);
        if (a.query() != null && ready) {
            List<Dashboard.View> views = views(a, words(), user);
            model.addAttribute("views", Dashboard.byKey(views));
            model.addAttribute("refreshedAt", measures.refreshedAt());
            measures.audited(user, false, "dashboard", a.query());
        }
        return "performance/dashboard";
    }

    @GetMapping("/performance/teams")
    String teams(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        return breakdown(params, user, model, MeasureFilter.Key.TEAM);
    }

    @GetMapping("/performance/officers")
    String officers(@RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        return breakdown(params, user, model, MeasureFilter.Key.OFFICER);
    }

    private String breakdown(MultiValueMap<String, String> params, SoteriaUser user, Model model,
            MeasureFilter.Key key) {
        Asked a = read(params, user);
        form(model, a, user);
        model.addAttribute("key", key == MeasureFilter.Key.TEAM ? "teams" : "officers");
        model.addAttribute("title", key == MeasureFilter.Key.TEAM ? "{dashboard.measuresByTeam}" : "{dashboard.measuresByOfficer}");
        boolean ready = measures.readyForPages();
        model.addAttribute("ready", ready);
        // A force has hundreds of officers: they are listed a team at a time.
        boolean needsTeam = key == MeasureFilter.Key.OFFICER && a.query() != null
                && a.query().filter().get(MeasureFilter.Key.TEAM).isEmpty();
        model.addAttribute("needsTeam", needsTeam);
        if (a.query() != null && ready && !needsTeam) {
            model.addAttribute("view", breakdownView(a, key));
            measures.audited(user, false, key == MeasureFilter.Key.TEAM ? "teams" : "officers", a.query());
        }
        return "performance/breakdown";
    }

    private Dashboard.View breakdownView(Asked a, MeasureFilter.Key key) {
        return Dashboard.breakdown(key == MeasureFilter.Key.TEAM ? "teams" : "officers",
                key == MeasureFilter.Key.TEAM ? "Team" : "Officer", measures.breakdown(a.query(), key));
    }

    @GetMapping({"/performance/{view}.csv", "/performance/{view}.xlsx"})
    ResponseEntity<byte[]> download(@PathVariable("view") String view,
            @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            jakarta.servlet.http.HttpServletRequest request) {
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        Asked a = read(params, user);
        if (a.query() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", a.errors().values()));
        }
        if (!measures.readyForPages()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The measures are still loading");
        }
        List<Table> tables = new ArrayList<>();
        if (view.equals("teams") || view.equals("officers")) {
            if (view.equals("officers") && !user.can(org.soteria.security.Permission.VIEW_OFFICER_MEASURES)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            if (view.equals("officers") && a.query().filter().get(MeasureFilter.Key.TEAM).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a team: officers are listed a "
                        + "team at a time");
            }
            tables.add(breakdownView(a, view.equals("teams") ? MeasureFilter.Key.TEAM : MeasureFilter.Key.OFFICER)
                    .table());
        } else if (view.equals("dashboard")) {
            views(a, words(), user).forEach(v -> tables.add(v.table()));
        } else if (VIEWS.contains(view)) {
            tables.add(view(inputs(a, words(), user), view).table());
        } else {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!xlsx && tables.size() > 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        measures.audited(user, true, view + (xlsx ? ".xlsx" : ".csv"), a.query());
        return TableFiles.download("soteria-" + view + "-" + a.query().from() + "-to-" + a.query().to(), tables,
                xlsx, words());
    }

    private void form(Model model, Asked a, SoteriaUser user) {
        model.addAttribute("activeNav", "performance");
        model.addAttribute("errors", a.errors());
        model.addAttribute("values", a.values());
        model.addAttribute("query", a.query());
        model.addAttribute("queryString", queryString(a.values()));
        model.addAttribute("offenceGroups", choices(OffenceGroup.values()));
        model.addAttribute("teams", teams(user));
        model.addAttribute("sources", choices(ReportSource.values()));
        model.addAttribute("relationships", java.util.Arrays.stream(Relationship.values()).map(Relationship::code)
                .toList());
        model.addAttribute("ageBands", choices(AgeBand.values()));
        model.addAttribute("canSeeOfficers", user.can(org.soteria.security.Permission.VIEW_OFFICER_MEASURES));
        model.addAttribute("fmt", new CellFormat());
    }

    private static List<Map.Entry<String, String>> choices(Choice[] values) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Choice c : values) {
            out.add(Map.entry(c.code(), c.label()));
        }
        return out;
    }

    private static String queryString(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                s.append(s.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return s.toString();
    }
}
