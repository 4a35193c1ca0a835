package org.soteria.investigation;

/**
 * The case record's tables, owned by this feature. Other features reach them only through the views of
 * migration V25 ({@code investigation_crime}, {@code investigation_person}, {@code investigation_case_person},
 * {@code investigation_event}; ADR 21); what they must do to the tables themselves is here.
 */
public final class CaseRecordTables {

    /** Fresh planner statistics on the case record, for after a bulk import (a view cannot be analysed). */
    public static final String ANALYZE = "analyze crime, person, case_person, event";

    private CaseRecordTables() {
    }
}
