package org.soteria.performance;

import java.util.ArrayList;
import java.util.List;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of missing and invalid values in the stored records and in what imports rejected. */
@WholeForce("data quality: counts of missing and invalid values across the force")
@Repository
class DataQualityRepository {

    private final JdbcClient jdbc;

    DataQualityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per team of a force (or all forces when {@code force} is null): gaps that weaken the measures. */
    List<List<Object>> gapsByTeam(String force) {
        String key = "'arrest', 'interview_under_caution', 'bail', 'bail_change', 'released_under_investigation', "
                + "'charge', 'nfa_decision', 'out_of_court_disposal', 'decision_not_to_investigate'";
        return jdbc.sql("select coalesce(c.team_code, '(no team)') team, count(*) crimes, "
                + "count(*) filter (where c.officer_code is null) no_officer, "
                + "count(*) filter (where c.officer_code is not null and not exists (select 1 from officer o "
                + "where o.force_code = c.force_code and o.officer_code = c.officer_code)) unknown_officer, "
                + "count(*) filter (where c.offence_date is null) no_offence_date, "
                + "count(*) filter (where c.report_source <> 'victim' and c.victim_consented is null) no_consent, "
                + "count(*) filter (where not exists (select 1 from investigation_case_person v where v.crime_id = c.id "
                + "and v.role = 'victim')) no_victim, "
                + "count(*) filter (where exists (select 1 from investigation_case_person v where v.crime_id = c.id "
                + "and v.role = 'victim' and v.age_at_offence is null)) victim_no_age, "
                + "count(*) filter (where exists (select 1 from investigation_case_person s where s.crime_id = c.id "
                + "and s.role = 'suspect' and s.relationship is null)) suspect_no_relationship, "
                + "count(*) filter (where exists (select 1 from investigation_event e where e.crime_id = c.id "
                + "and e.event_type in (" + key + ") and e.event_id is null)) key_event_no_id "
                + "from investigation_crime c where c.record_type <> 'cancelled' and (cast(:force as text) is null "
                + "or c.force_code = :force) group by 1 order by 1")
                .param("force", force)
                .query((rs, n) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString(1));
                    for (int i = 2; i <= 10; i++) {
                        row.add(rs.getLong(i));
                    }
                    return row;
                }).list();
    }

    /** Local codes imports could not map to a canonical code, with how often and when they were last seen. */
    List<List<Object>> unmappedCodes() {
        return jdbc.sql("select p.file_name, p.column_name, p.value, count(*), max(p.run_id) from import_problem p "
                + "where p.rejection and p.reason like 'unknown %' and p.column_name is not null "
                + "group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit 200")
                .query((rs, n) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString(1));
                    row.add(rs.getString(2));
                    row.add(rs.getString(3));
                    row.add(rs.getLong(4));
                    row.add(rs.getLong(5));
                    return row;
                }).list();
    }

    /** Rows imports rejected, by file and column, across the runs still on record. */
    List<List<Object>> rejectionsByColumn() {
        return jdbc.sql("select p.file_name, coalesce(p.column_name, '(whole row)'), count(*), "
                + "count(*) filter (where p.column_name = 'outcome_date'), max(p.run_id) from import_problem p "
                + "where p.rejection group by 1, 2 order by 3 desc, 1, 2 limit 200")
                .query((rs, n) -> {
                    List<Object> row = new ArrayList<>();
                    row.add(rs.getString(1));
                    row.add(rs.getString(2));
                    row.add(rs.getLong(3));
                    row.add(rs.getLong(5));
                    return row;
                }).list();
    }
}
