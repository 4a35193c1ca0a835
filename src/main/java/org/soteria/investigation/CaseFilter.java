package org.soteria.investigation;

import java.time.LocalDate;
import java.util.List;

/**
 * The case list's filters, sort and page. Empty lists and nulls mean "any". {@code search} is a
 * crime reference (prefix) or a person's name (given name, family name or both, prefix).
 */
public record CaseFilter(List<CaseStatus> statuses, List<String> offenceGroups, List<String> outcomeGroups,
        List<String> teams, List<String> officers, LocalDate recordedFrom, LocalDate recordedTo, String search,
        CaseSort sort, int page) {

    public static final int PAGE_SIZE = 25;

    public CaseFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        offenceGroups = offenceGroups == null ? List.of() : List.copyOf(offenceGroups);
        outcomeGroups = outcomeGroups == null ? List.of() : List.copyOf(outcomeGroups);
        teams = teams == null ? List.of() : List.copyOf(teams);
        officers = officers == null ? List.of() : List.copyOf(officers);
        search = search == null || search.isBlank() ? null : search.trim();
        sort = sort == null ? CaseSort.RECORDED_NEWEST : sort;
        page = Math.max(1, page);
    }

    public boolean isFiltered() {
        return !statuses.isEmpty() || !offenceGroups.isEmpty() || !outcomeGroups.isEmpty() || !teams.isEmpty()
                || !officers.isEmpty() || recordedFrom != null || recordedTo != null || search != null;
    }
}
