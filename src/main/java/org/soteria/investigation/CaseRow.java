package org.soteria.investigation;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.soteria.web.Labels;

/**
 * One row of the case list as the page shows it, its words in the page's language worked out once here: the page
 * then reads each cell as it is (a quarter of the list's rendering went on looking up labels, formatting dates and
 * building links cell by cell; docs/benchmarks.md).
 *
 * @param status the tag of an open, N100 or cancelled record (its message code), or null
 * @param statusColour the GOV.UK tag colour of {@code status}
 * @param outcomeGroup the outcome's group, or null when no outcome is recorded
 * @param why how a search found the row (its reasons joined by commas), empty when the list was not searched
 */
public record CaseRow(long id, String href, String crimeRef, String offenceCode, String offence, String recorded,
        String officer, String status, String statusColour, String outcomeGroup, String outcome, String why) {

    private static final String DATE = "d MMMM yyyy";

    /** The rows of a page of the list, in the given language. */
    static List<CaseRow> of(CasePage page, Labels labels, MessageSource messages, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern(DATE, locale);
        String notAllocated = messages.getMessage("cases.notAllocated", null, locale);
        Map<Long, List<String>> why = page.why();
        return page.rows().stream().map(c -> {
            String status = c.open() ? "cases.status.open" : "n100".equals(c.recordType()) ? "cases.status.n100"
                    : "cancelled".equals(c.recordType()) ? "cases.status.cancelled" : null;
            String colour = c.open() ? "blue" : "n100".equals(c.recordType()) ? "grey" : "red";
            String officer = present(c.officerName()) ? c.officerName()
                    : present(c.officerCode()) ? c.officerCode() : notAllocated;
            boolean outcome = c.outcomeCode() != null;
            return new CaseRow(c.id(), "/cases/" + c.id(), c.crimeRef(), c.offenceCode(),
                    labels.offenceOf(c.offenceCode()),
                    c.recordedDate() == null ? "" : date.format(c.recordedDate()), officer,
                    status == null ? null : messages.getMessage(status, null, locale), colour,
                    outcome ? labels.outcomeGroupOf(c.outcomeCode()) : null,
                    outcome ? messages.getMessage("cases.outcome", new Object[] {c.outcomeCode()}, locale) : null,
                    why.getOrDefault(c.id(), List.of()).stream().map(labels::text)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }).toList();
    }

    private static boolean present(String s) {
        return s != null && !s.isEmpty();
    }

    /** An option of a select: its value, its words, whether it is chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /** The force's teams as the team filter's options (a team with no name by its code). */
    static List<Option> teamOptions(List<Map<String, Object>> teams, List<String> chosen) {
        return teams.stream().map(t -> {
            String code = (String) t.get("team_code");
            String name = (String) t.get("name");
            return new Option(code, present(name) ? name : code, chosen.contains(code));
        }).toList();
    }
}
