package org.soteria.workforce;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Officers' training, learning plans, abstractions and caseloads. Caseloads are counted from the
 * investigation records exactly as open_caseload counts them: recorded crimes (not N100 incidents or
 * cancelled records) of the officer in the case, recorded by the day and without an outcome on it.
 */
@Repository
class WorkforceRepository {

    private final JdbcClient jdbc;

    WorkforceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A course or accreditation of the catalogue. */
    record Course(String code, String name, String kind, Integer validForMonths, boolean specialist,
            String description, String nameCy, String descriptionCy) {

        /** The name as a page in English or Welsh shows it (ADR 39: national courses come with their Welsh). */
        public org.soteria.platform.Bilingual title() {
            return org.soteria.platform.Bilingual.of(name, nameCy);
        }

        public org.soteria.platform.Bilingual about() {
            return org.soteria.platform.Bilingual.of(description, descriptionCy);
        }
    }

    /** An officer of the force. */
    record Officer(String code, String name, String teamCode, String role) {
    }

    /** One completion, with the day it lapses (null: never). */
    record Training(long id, String courseCode, String courseName, boolean specialist, LocalDate completedOn,
            LocalDate expiresOn, String evidence, String recordedBy) {

        public boolean currentOn(LocalDate day) {
            return !completedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
        }
    }

    record PlanItem(long id, String courseCode, String goal, LocalDate targetOn, String status) {
    }

    record Abstraction(long id, String officerCode, String officerName, String teamCode, String duty,
            LocalDate startsOn, LocalDate endsOn, String recordedBy) {

        public long days() {
            return endsOn.toEpochDay() - startsOn.toEpochDay() + 1;
        }
    }

    List<Course> courses() {
        return jdbc.sql("select code, name, kind, valid_for_months, specialist_accreditation, description, name_cy, "
                        + "description_cy from training_course where not retired order by specialist_accreditation desc, name")
                .query((rs, n) -> new Course(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getBoolean(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list();
    }

    Optional<Officer> officer(String force, String code) {
        return jdbc.sql("select officer_code, coalesce(display_name, officer_code), team_code, role from officer "
                        + "where force_code = ? and officer_code = ?").params(force, code)
                .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** The officers of some teams (or of every team when {@code teams} is null), by team then name. */
    List<Officer> officers(String force, List<String> teams) {
        return jdbc.sql("select officer_code, coalesce(display_name, officer_code), team_code, role from officer "
                        + "where force_code = ? and team_code is not null"
                        + (teams == null ? "" : " and team_code = any(?)") + " order by team_code, 2")
                .params(teams == null ? List.of(force) : List.of(force, teams.toArray(String[]::new)))
                .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Team code to name, for the force's teams. */
    Map<String, String> teams(String force) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("select team_code, coalesce(name, team_code) from team where force_code = ? order by team_code")
                .param(force).query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    List<Training> training(String force, String officer) {
        return jdbc.sql("select t.id, t.course_code, k.name, k.specialist_accreditation, t.completed_on, t.expires_on, "
                        + "t.evidence, t.recorded_by from officer_training t join training_course k on k.code = t.course_code "
                        + "where t.force_code = ? and t.officer_code = ? order by t.completed_on desc, t.id desc")
                .params(force, officer)
                .query((rs, n) -> new Training(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Every officer's training in some teams, keyed by officer code. */
    Map<String, List<Training>> trainingOf(String force, List<String> officers) {
        Map<String, List<Training>> out = new LinkedHashMap<>();
        jdbc.sql("select t.officer_code, t.id, t.course_code, k.name, k.specialist_accreditation, t.completed_on, "
                        + "t.expires_on, t.evidence, t.recorded_by from officer_training t join training_course k "
                        + "on k.code = t.course_code where t.force_code = ? and t.officer_code = any(?)")
                .params(force, officers.toArray(String[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Training(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9)));
                });
        return out;
    }

    /** The accreditation date officers.csv gives, per officer, for those that have one. */
    Map<String, LocalDate> importedAccreditation(String force) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        jdbc.sql("select officer_code, accredited_until from officer where force_code = ? and accredited_until is not null")
                .param(force).query(rs -> {
                    out.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        return out;
    }

    void addTraining(String force, String officer, String course, LocalDate completed, LocalDate expires,
            String evidence, String by) {
        jdbc.sql("insert into officer_training (force_code, officer_code, course_code, completed_on, expires_on, "
                        + "evidence, recorded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(force, officer, course, completed, expires, evidence, by).update();
        rosterChanged();
    }

    List<PlanItem> plan(String force, String officer) {
        return jdbc.sql("select id, course_code, goal, target_on, status from learning_plan_item where force_code = ? "
                        + "and officer_code = ? order by status = 'done' or status = 'dropped', target_on nulls last, id")
                .params(force, officer)
                .query((rs, n) -> new PlanItem(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).list();
    }

    void addPlanItem(String force, String officer, String course, String goal, LocalDate target, String by) {
        jdbc.sql("insert into learning_plan_item (force_code, officer_code, course_code, goal, target_on, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?)").params(force, officer, course, goal, target, by).update();
    }

    boolean setPlanStatus(String force, String officer, long id, String status, String by) {
        return jdbc.sql("update learning_plan_item set status = ?, recorded_by = ?, updated_at = now() where id = ? "
                + "and force_code = ? and officer_code = ?").params(status, by, id, force, officer).update() == 1;
    }

    /** Open crimes per officer in the case on a day, for the given officers. */
    @WholeForce("workforce: officers' open caseloads, counts only")
    Map<String, Long> openCaseload(String force, List<String> officers, LocalDate day) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select officer_code, count(*) from investigation_crime crime where force_code = ? and officer_code = any(?) "
                        + "and record_type = 'crime' and recorded_date <= ? and (outcome_date is null or outcome_date > ?) "
                        + "group by officer_code")
                .params(force, officers.toArray(String[]::new), day, day)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** One officer's open crimes at each of several days. */
    @WholeForce("workforce: an officer's open caseload over time, counts only")
    List<Long> caseloadHistory(String force, String officer, List<LocalDate> days) {
        List<Long> out = new ArrayList<>();
        for (LocalDate d : days) {
            out.add(openCaseload(force, List.of(officer), d).getOrDefault(officer, 0L));
        }
        return out;
    }

    List<Abstraction> abstractions(String force, List<String> officers, LocalDate from, LocalDate to) {
        return jdbc.sql("select a.id, a.officer_code, coalesce(o.display_name, a.officer_code), "
                        + "coalesce(a.team_code, o.team_code), a.duty, a.starts_on, a.ends_on, a.recorded_by "
                        + "from officer_abstraction a left join officer o on o.force_code = a.force_code "
                        + "and o.officer_code = a.officer_code where a.force_code = ? and a.officer_code = any(?) "
                        + "and a.ends_on >= ? and a.starts_on <= ? order by a.starts_on desc, a.id desc")
                .params(force, officers.toArray(String[]::new), from, to)
                .query((rs, n) -> new Abstraction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getString(8))).list();
    }

    void addAbstraction(String force, String officer, String team, String duty, LocalDate from, LocalDate to,
            String by) {
        jdbc.sql("insert into officer_abstraction (force_code, officer_code, team_code, duty, starts_on, ends_on, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?, ?)").params(force, officer, team, duty, from, to, by).update();
        rosterChanged();
    }

    /** Tells the measures that the roster (training, abstraction) changed, without any crime changing. */
    private void rosterChanged() {
        jdbc.sql("insert into measure_change (crime_id) values (null)").update();
    }
}
