package org.soteria.investigation;

import org.soteria.platform.ForceMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormValues;
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
@ForceMode
public class CaseController {

    private final InvestigationService investigations;
    private final SuspectNotices suspects;
    private final org.soteria.web.Labels labels;

    private final org.springframework.context.MessageSource messages;

    public CaseController(InvestigationService investigations, SuspectNotices suspects, org.soteria.web.Labels labels,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.investigations = investigations;
        this.suspects = suspects;
        this.labels = labels;
    }

    @GetMapping("/cases")
    String list(CaseQuery query, @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CaseFilter filter = query.filter(errors);
        CasePage result = investigations.list(filter, user);

        model.addAttribute("activeNav", "cases");
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("rows", CaseRow.of(result, labels, messages,
                org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("errors", errors);
        model.addAttribute("fromText", query.from() == null ? "" : query.from());
        model.addAttribute("toText", query.to() == null ? "" : query.to());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("offenceGroups", OffenceGroup.values());
        model.addAttribute("outcomeGroups", OutcomeGroup.values());
        model.addAttribute("sorts", CaseSort.values());
        List<Map<String, Object>> teams = investigations.teams(user);
        List<Map<String, Object>> officers = investigations.officers(user, filter.teams());
        model.addAttribute("teamOptions", CaseRow.teamOptions(teams, filter.teams()));
        model.addAttribute("officers", officers);
        model.addAttribute("officerChoiceLimited", officers.isEmpty() && filter.teams().isEmpty());
        Map<String, List<String>> applied = new LinkedHashMap<>();
        applied.put("status", FormValues.all(query.status()));
        applied.put("offenceGroup", FormValues.all(query.offenceGroup()));
        applied.put("outcomeGroup", FormValues.all(query.outcomeGroup()));
        applied.put("team", FormValues.all(query.team()));
        applied.put("officer", FormValues.all(query.officer()));
        // Only dates that were understood are applied, so only they are shown as selected filters.
        applied.put("from", filter.recordedFrom() == null ? List.of() : List.of(filter.recordedFrom().toString()));
        applied.put("to", filter.recordedTo() == null ? List.of() : List.of(filter.recordedTo().toString()));
        applied.put("q", query.q() == null || query.q().isBlank() ? List.of() : List.of(query.q()));
        applied.put("sort", query.sort() == null || query.sort().isBlank() ? List.of() : List.of(query.sort()));
        model.addAttribute("pageBaseUrl", url(applied, null, null)
                + (applied.values().stream().allMatch(List::isEmpty) ? "?" : "&"));
        model.addAttribute("selectedFilters", selectedFilters(applied, teams, officers));
        return "investigation/cases";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        long crimeId = RequestValues.id(id);
        InvestigationService.CaseView view = investigations.open(crimeId, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CaseDetail detail = view.crime();
        model.addAttribute("access", view.access());
        model.addAttribute("canSeeAccess", investigations.canSeeAccessLog(crimeId, user));
        model.addAttribute("activeNav", "cases");
        model.addAttribute("crime", detail);
        model.addAttribute("suspectPrompts", suspects.about(user, crimeId));
        return "investigation/case";
    }

    /** A selected filter shown as a tag (its heading a message code), with the link that removes it. */
    public record SelectedFilter(String heading, String label, String removeUrl) {
    }

    private List<SelectedFilter> selectedFilters(Map<String, List<String>> query,
            List<Map<String, Object>> teams, List<Map<String, Object>> officers) {
        List<SelectedFilter> out = new ArrayList<>();
        Map<String, String> teamNames = new LinkedHashMap<>();
        teams.forEach(t -> teamNames.put((String) t.get("team_code"), (String) t.get("name")));
        Map<String, String> officerNames = new LinkedHashMap<>();
        officers.forEach(o -> officerNames.put((String) o.get("officer_code"), (String) o.get("name")));
        for (String v : query.get("status")) {
            out.add(new SelectedFilter("cases.filter.status", label(() -> labels.of(CaseStatus.fromCode(v)), v), url(query, "status", v)));
        }
        for (String v : query.get("offenceGroup")) {
            out.add(new SelectedFilter("cases.filter.offenceGroup", label(() -> labels.of(OffenceGroup.fromCode(v)), v),
                    url(query, "offenceGroup", v)));
        }
        for (String v : query.get("outcomeGroup")) {
            out.add(new SelectedFilter("cases.filter.outcomeGroup", label(() -> labels.of(OutcomeGroup.fromCode(v)), v),
                    url(query, "outcomeGroup", v)));
        }
        for (String v : query.get("team")) {
            out.add(new SelectedFilter("cases.filter.team", teamNames.getOrDefault(v, v), url(query, "team", v)));
        }
        for (String v : query.get("officer")) {
            out.add(new SelectedFilter("cases.filter.officer", officerNames.getOrDefault(v, v), url(query, "officer", v)));
        }
        for (String v : query.get("from")) {
            out.add(new SelectedFilter("cases.filter.from", v, url(query, "from", v)));
        }
        for (String v : query.get("to")) {
            out.add(new SelectedFilter("cases.filter.to", v, url(query, "to", v)));
        }
        for (String v : query.get("q")) {
            out.add(new SelectedFilter("cases.filter.search", v, url(query, "q", v)));
        }
        return out;
    }

    private static String label(java.util.function.Supplier<String> known, String raw) {
        try {
            return known.get();
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** The case list URL for these parameters, without one value when {@code dropKey} is given. */
    private static String url(Map<String, List<String>> query, String dropKey, String dropValue) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/cases");
        query.forEach((key, values) -> values.stream()
                .filter(v -> !(key.equals(dropKey) && v.equals(dropValue)))
                .forEach(v -> b.queryParam(key, v)));
        return b.encode().build().toUriString();
    }
}
