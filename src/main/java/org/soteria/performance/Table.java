package org.soteria.performance;

import java.util.List;

/** A titled table of figures, as a page shows it beside a chart and as CSV and XLSX downloads carry it. */
public record Table(String title, List<String> headers, List<List<Object>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
