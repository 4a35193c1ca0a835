package org.soteria.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.soteria.platform.Fault;
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
        known(status, s -> statuses.add(CaseStatus.fromCode(s)), "status", Fault.of("cases.error.status"), faults);
        List<String> offences = known(offenceGroup, OffenceGroup::fromCode, "offenceGroup",
                Fault.of("cases.error.offenceGroup"), faults);
        List<String> outcomes = known(outcomeGroup, OutcomeGroup::fromCode, "outcomeGroup",
                Fault.of("cases.error.outcomeGroup"), faults);
        LocalDate fromDate = date(from, "from", "cases.error.from", faults);
        LocalDate toDate = date(to, "to", "cases.error.to", faults);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            faults.put("to", Fault.of("cases.error.toBeforeFrom"));
            toDate = null;
        }
        return new CaseFilter(statuses, offences, outcomes, FormValues.all(team), FormValues.all(officer), fromDate,
                toDate, q, CaseSort.fromCode(sort), RequestValues.page(page));
    }

    /** A recorded date, or null (with the field's fault when it is given but not a real date). */
    private static LocalDate date(String value, String field, String fault, Map<String, String> faults) {
        LocalDate d = FormValues.date(value);
        if (d == null && value != null && !value.isBlank()) {
            faults.put(field, Fault.of(fault));
        }
        return d;
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
