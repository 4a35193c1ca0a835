package org.soteria.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every measure as rows of one table (measure, part, numerator, denominator, value, unit, basis), for CSV and XLSX. */
public final class MeasureTable {

    public static final List<String> HEADERS = List.of("measure", "part", "numerator", "denominator", "value",
            "unit", "basis");

    private MeasureTable() {
    }

    public static Table of(Measures m) {
        Map<String, Object> json = MeasureJson.of(m);
        List<List<Object>> rows = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            Object v = json.get(measure.key());
            if (m.isWithheld(measure)) {
                rows.add(row(measure, "withheld: " + MeasureJson.WITHHELD, null, null, null));
            } else if (measure == Measure.ATTRITION_FUNNEL) {
                long recorded = m.recorded();
                for (Measures.FunnelStage s : m.attritionFunnel()) {
                    rows.add(row(measure, s.stage(), s.count(), recorded, s.shareOfRecorded()));
                }
            } else {
                flatten(rows, measure, "", v);
            }
        }
        return new Table("Measures " + m.query().from() + " to " + m.query().to(), HEADERS, rows);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(List<List<Object>> rows, Measure measure, String part, Object v) {
        if (v instanceof Map<?, ?> map && map.containsKey("numerator")) {
            rows.add(row(measure, part, (Number) map.get("numerator"), (Number) map.get("denominator"),
                    (Number) map.get("value")));
            Object by = map.get("by");
            if (by instanceof Map<?, ?> parts) {
                ((Map<String, Object>) parts).forEach((k, r) -> flatten(rows, measure, k, r));
            }
        } else if (v instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, inner) -> flatten(rows, measure,
                    part.isEmpty() ? k : part + "." + k, inner));
        } else if (v == null || v instanceof Number) {
            rows.add(row(measure, part, null, null, (Number) v));
        } else {
            // What a figure covers or why it is missing (the months feedback was published for, a reason): words.
            String words = v instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" ")) : String.valueOf(v);
            rows.add(row(measure, part + ": " + words, null, null, null));
        }
    }

    private static List<Object> row(Measure measure, String part, Number numerator, Number denominator, Number value) {
        List<Object> row = new ArrayList<>();
        row.add(measure.key());
        row.add(part);
        row.add(numerator);
        row.add(denominator);
        row.add(value);
        row.add(measure.unit());
        row.add(measure.basis());
        return row;
    }
}
