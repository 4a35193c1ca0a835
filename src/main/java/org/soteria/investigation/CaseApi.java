package org.soteria.investigation;

import org.soteria.platform.ForceMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
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
@ForceMode
public class CaseApi {

    private final InvestigationService investigations;
    private final org.soteria.web.form.FormMessages messages;

    public CaseApi(InvestigationService investigations, org.soteria.web.form.FormMessages messages) {
        this.investigations = investigations;
        this.messages = messages;
    }

    /** One page of the case list. */
    public record CaseListResponse(List<CaseSummary> items, int page, int pages, long total, boolean totalCapped) {
    }

    @GetMapping("/api/v1/cases")
    CaseListResponse list(CaseQuery query, @AuthenticationPrincipal SoteriaUser user) {
        // Pages read a date as people type it (14/12/2026); the API's dates are ISO, one form only.
        for (String[] date : new String[][] {{"from", query.from()}, {"to", query.to()}}) {
            if (date[1] != null && !date[1].isBlank() && !date[1].strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, date[0] + ": '" + date[1]
                        + "': the API takes dates as YYYY-MM-DD");
            }
        }
        Map<String, String> faults = new LinkedHashMap<>();
        CaseFilter filter = query.filter(faults);
        faults.entrySet().stream().findFirst().ifPresent(f -> {
            // The page's wording (in English: the API speaks to programs), with the value sent, so that a
            // program's author sees what was refused.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, f.getKey() + ": '"
                    + FormErrors.values(query).getOrDefault(f.getKey(), "") + "': "
                    + messages.text(f.getValue(), java.util.Locale.UK));
        });
        CasePage result = investigations.list(filter, user);
        return new CaseListResponse(result.rows(), result.page(), result.pages(), result.total(),
                result.totalCapped());
    }

    @GetMapping("/api/v1/cases/{id}")
    CaseDetail show(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user) {
        return investigations.find(RequestValues.id(id), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case"));
    }
}
