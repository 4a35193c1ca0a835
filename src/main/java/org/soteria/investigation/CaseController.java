package org.soteria.investigation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.SoteriaUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The case list (MoJ filter, search, sort, pages) and the case page. */
@Controller
public class CaseController {

    private final InvestigationService investigations;

    public CaseController(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @GetMapping("/cases")
    String list(@RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(name = "offenceGroup", required = false) List<String> offenceGroup,
            @RequestParam(name = "outcomeGroup", required = false) List<String> outcomeGroup,
            @RequestParam(name = "team", required = false) List<String> team,
            @RequestParam(name = "officer", required = false) List<String> officer,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "page", defaultValue = "1") String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<CaseStatus> statuses = new ArrayList<>();
        for (String s : nonEmpty(status)) {
            try {
                statuses.add(CaseStatus.fromCode(s));
            } catch (IllegalArgumentException e) {
                errors.put("status", "Choose a status from the list");
            }
        }
        List<String> offenceGroups = known(nonEmpty(offenceGroup), g -> {
            OffenceGroup.fromCode(g);
        }, "offenceGroup", "Choose an offence group from the list", errors);
        List<String> outcomeGroups = known(nonEmpty(outcomeGroup), g -> {
            OutcomeGroup.fromCode(g);
        }, "outcomeGroup", "Choose an outcome group from the list", errors);
        LocalDate fromDate = date(from, "from", "Recorded from", errors);
        LocalDate toDate = date(to, "to", "Recorded to", errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.put("to", "Recorded to must be the same as or after recorded from");
            toDate = null;
        }
        int pageNumber;
        try {
            pageNumber = Math.max(1, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            pageNumber = 1;
        }
        CaseFilter filter = new CaseFilter(statuses, offenceGroups, outcomeGroups, nonEmpty(team), nonEmpty(officer),
                fromDate, toDate, q, CaseSort.fromCode(sort), pageNumber);
        CasePage result = investigations.list(filter, user);

        model.addAttribute("activeNav", "cases");
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("fromText", from == null ? "" : from);
        model.addAttribute("toText", to == null ? "" : to);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("offenceGroups", OffenceGroup.values());
        model.addAttribute("outcomeGroups", OutcomeGroup.values());
        model.addAttribute("sorts", CaseSort.values());
        model.addAttribute("teams", investigations.teams());
        model.addAttribute("officers", investigations.officers());
        model.addAttribute("pageBaseUrl", pageBaseUrl(status, offenceGroup, outcomeGroup, team, officer, from, to, q,
                sort));
        return "investigation/cases";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        long crimeId;
        try {
            crimeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        CaseDetail detail = investigations.find(crimeId, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("activeNav", "cases");
        model.addAttribute("crime", detail);
        return "investigation/case";
    }

    private interface Check {
        void check(String value);
    }

    private static List<String> known(List<String> values, Check check, String field, String message,
            Map<String, String> errors) {
        List<String> ok = new ArrayList<>();
        for (String v : values) {
            try {
                check.check(v);
                ok.add(v);
            } catch (IllegalArgumentException e) {
                errors.put(field, message);
            }
        }
        return ok;
    }

    private static List<String> nonEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static LocalDate date(String value, String field, String label, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, label + " must be a real date in the form YYYY-MM-DD, for example 2024-03-27");
            return null;
        }
    }

    private static String pageBaseUrl(List<String> status, List<String> offenceGroup, List<String> outcomeGroup,
            List<String> team, List<String> officer, String from, String to, String q, String sort) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/cases");
        nonEmpty(status).forEach(v -> b.queryParam("status", v));
        nonEmpty(offenceGroup).forEach(v -> b.queryParam("offenceGroup", v));
        nonEmpty(outcomeGroup).forEach(v -> b.queryParam("outcomeGroup", v));
        nonEmpty(team).forEach(v -> b.queryParam("team", v));
        nonEmpty(officer).forEach(v -> b.queryParam("officer", v));
        if (from != null && !from.isBlank()) {
            b.queryParam("from", from);
        }
        if (to != null && !to.isBlank()) {
            b.queryParam("to", to);
        }
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q);
        }
        if (sort != null && !sort.isBlank()) {
            b.queryParam("sort", sort);
        }
        String url = b.encode().build().toUriString();
        return url + (url.contains("?") ? "&" : "?");
    }
}
