package org.soteria.performance;

import java.time.LocalDate;

/** A period [from, to] (inclusive), the as-of date and the filters that measures are computed for. */
public record MeasureQuery(LocalDate from, LocalDate to, LocalDate asOf, MeasureFilter filter) {

    public MeasureQuery {
        if (from == null || to == null || asOf == null) {
            throw new MeasureFilter.Invalid("from, to and as-of are all needed");
        }
        if (to.isBefore(from)) {
            throw new MeasureFilter.Invalid("to", "the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (filter == null) {
            filter = MeasureFilter.NONE;
        }
    }

    /** The period of the same length that ends the day before this one starts. */
    public MeasureQuery previousPeriod() {
        long days = to.toEpochDay() - from.toEpochDay();
        LocalDate end = from.minusDays(1);
        return new MeasureQuery(end.minusDays(days), end, asOf, filter);
    }

    /** The same period a year earlier. */
    public MeasureQuery yearEarlier() {
        return new MeasureQuery(from.minusYears(1), to.minusYears(1), asOf, filter);
    }

    public MeasureQuery withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new MeasureQuery(newFrom, newTo, asOf, filter);
    }

    public MeasureQuery withFilter(MeasureFilter newFilter) {
        return new MeasureQuery(from, to, asOf, newFilter);
    }
}
