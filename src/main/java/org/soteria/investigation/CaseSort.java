package org.soteria.investigation;

import org.soteria.reference.Choice;
import org.soteria.reference.Coded;

/** Orders the case list can be sorted in. */
public enum CaseSort implements Choice {
    RECORDED_NEWEST("recorded-newest", "Recorded date (newest first)", "c.recorded_date desc, c.id desc"),
    RECORDED_OLDEST("recorded-oldest", "Recorded date (oldest first)", "c.recorded_date asc, c.id asc"),
    CRIME_REF("crime-ref", "Crime reference", "c.crime_ref asc, c.id asc");

    private final String code;
    private final String label;
    private final String orderBy;

    CaseSort(String code, String label, String orderBy) {
        this.code = code;
        this.label = label;
        this.orderBy = orderBy;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }

    /** The sort with this code; the default (newest first) for a missing or unknown one. */
    public static CaseSort fromCode(String code) {
        return Coded.parse(CaseSort.class, code == null ? "" : code).orElse(RECORDED_NEWEST);
    }
}
