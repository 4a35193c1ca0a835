package org.soteria.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormValues;

/**
 * The case list's query string as Spring binds it, the same for the page's filter form and the API: repeated
 * filters (status, offence and outcome groups, teams, officers), the recorded dates, the search, the order
 * and the page.
 */
record CaseQuery(List<String> status, List<String> offenceGroup, List<String> outcomeGroup, List<String> team,
        List<String> officer, String from, String to, String q, String sort, String page) {

    /**
     * The filter asked for. A value that names nothing known is left out of it and {@code faults} gets the
     * field's message, in the order the filter form shows the fields.
     */
    CaseFilter filter(Map<String, String> faults) {
        List<CaseStatus> statuses = new ArrayList<>();
        known(status, s -> statuses.add(CaseStatus.fromCode(s)), "status", "Choose a status from the list", faults);
        List<String> offences = known(offenceGroup, OffenceGroup::fromCode, "offenceGroup",
                "Choose an offence group from the list", faults);
        List<String> outcomes = known(outcomeGroup, OutcomeGroup::fromCode, "outcomeGroup",
                "Choose an outcome group from the list", faults);
        LocalDate fromDate = FormValues.date(from, "from", "Recorded from", faults);
        LocalDate toDate = FormValues.date(to, "to", "Recorded to", faults);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            faults.put("to", "Recorded to must be the same as or after recorded from");
            toDate = null;
        }
        return new CaseFilter(statuses, offences, outcomes, FormValues.all(team), FormValues.all(officer), fromDate,
                toDate, q, CaseSort.fromCode(sort), RequestValues.page(page));
    }

    /** The values {@code check} accepts; one it refuses gives the field its fault. */
    private static List<String> known(List<String> values, Consumer<String> check, String field, String message,
            Map<String, String> faults) {
        List<String> ok = new ArrayList<>();
        for (String v : FormValues.all(values)) {
            try {
                check.accept(v);
                ok.add(v);
            } catch (IllegalArgumentException e) {
                faults.put(field, message);
            }
        }
        return ok;
    }
}
