package org.soteria.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.soteria.platform.EmbeddedDatabase;

/**
 * Empties the investigation tables between tests that need an empty database. It connects as the
 * schema owner: the application's own role may not truncate. The audit log is left alone; it cannot
 * be emptied, which is the point of it.
 */
public final class DatabaseReset {

    private DatabaseReset() {
    }

    public static void empty(String dataDir) {
        owner(dataDir, "truncate officer_training, learning_plan_item, officer_abstraction, wellbeing_checkin, "
                + "wellbeing_share, reflective_supervision, wellbeing_referral, guidance_version, guidance_document, "
                + "crime_stage, enquiry_line, supervisor_review, device_exhibit, material_request, bail_period, cps_readiness, "
                + "cps_action, cps_submission, victim_contact, vrr_request, feedback_invitation, feedback_comment, victim_contact_plan, "
                + "victim_feedback, disclosure_published_cell, disclosure_published_month, order_breach, civil_order, person_link, person_cluster, person_identity, linkage_run, event, case_person, person, crime, officer, team, force, "
                + "import_problem, import_file_count, import_run, case_access_grant, restricted_access, break_glass, "
                + "user_team, recovery_code, sign_in_attempt, app_user, measure_change restart identity cascade");
    }

    /** Runs SQL as the schema owner, as an administrator (or an attacker with the owner's password) could. */
    public static void owner(String dataDir, String sql) {
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.ownerJdbcUrl(dataDir));
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query run as the schema owner, as text. */
    public static String ownerQuery(String dataDir, String sql) {
        try (Connection c = DriverManager.getConnection(EmbeddedDatabase.ownerJdbcUrl(dataDir));
                Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
