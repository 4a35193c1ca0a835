package org.soteria.investigation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case list and case record as JSON for tools with a personal access token. The same need-to-know
 * and audit as the pages apply: a crime outside need-to-know is 404, like one that does not exist.
 */
@RestController
public class CaseApi {

    private final InvestigationService investigations;

    public CaseApi(InvestigationService investigations) {
        this.investigations = investigations;
    }

    /** One page of the case list. */
    public record CaseListResponse(List<CaseSummary> items, int page, int pages, long total, boolean totalCapped) {
    }

    @GetMapping("/api/v1/cases")
    CaseListResponse list(@RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(name = "offenceGroup", required = false) List<String> offenceGroup,
            @RequestParam(name = "outcomeGroup", required = false) List<String> outcomeGroup,
            @RequestParam(name = "team", required = false) List<String> team,
            @RequestParam(name = "officer", required = false) List<String> officer,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "page", defaultValue = "1") String page,
            @AuthenticationPrincipal SoteriaUser user) {
        List<CaseStatus> statuses = new ArrayList<>();
        for (String s : values(status)) {
            statuses.add(parse(() -> CaseStatus.fromCode(s), "status", s));
        }
        values(offenceGroup).forEach(g -> parse(() -> OffenceGroup.fromCode(g), "offenceGroup", g));
        values(outcomeGroup).forEach(g -> parse(() -> OutcomeGroup.fromCode(g), "outcomeGroup", g));
        LocalDate fromDate = date(from, "from");
        LocalDate toDate = date(to, "to");
        CaseFilter filter = new CaseFilter(statuses, values(offenceGroup), values(outcomeGroup), values(team),
                values(officer), fromDate, toDate, q, CaseSort.fromCode(sort), RequestValues.page(page));
        CasePage result = investigations.list(filter, user);
        return new CaseListResponse(result.rows(), result.page(), result.pages(), result.total(),
                result.totalCapped());
    }

    @GetMapping("/api/v1/cases/{id}")
    CaseDetail show(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user) {
        return investigations.find(RequestValues.id(id), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case"));
    }

    private static List<String> values(List<String> raw) {
        return raw == null ? List.of() : raw.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field, String value) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    field + ": '" + value + "' is not one of the codes the case list accepts");
        }
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    field + ": '" + value + "' is not a date in the form YYYY-MM-DD");
        }
    }
}
