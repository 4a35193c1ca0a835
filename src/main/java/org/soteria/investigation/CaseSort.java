package org.soteria.investigation;

/** Orders the case list can be sorted in. */
public enum CaseSort {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    String orderBy() {
        return orderBy;
    }

    public static CaseSort fromCode(String code) {
        for (CaseSort s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        return RECORDED_NEWEST;
    }
}
