package org.soteria.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the investigation tables between tests that need an empty database. */
public final class DatabaseReset {

    private DatabaseReset() {
    }

    public static void empty(JdbcClient jdbc) {
        jdbc.sql("truncate victim_feedback, civil_order, event, case_person, person, crime, officer, team, force, "
                + "import_problem, import_file_count, import_run, audit_event restart identity cascade").update();
    }
}
