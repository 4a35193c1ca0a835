package org.soteria.research;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for research projects, their members and extracts, and the facts an extract is made from. */
@WholeForce("research: pseudonymised, generalised extracts and monthly series of the force")
@Repository
class ResearchRepository {

    private final JdbcClient jdbc;

    ResearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Project(long id, UUID ref, String forceCode, String title, String purpose, String lawfulBasis,
            LocalDate periodFrom, LocalDate periodTo, List<String> offenceGroups, int k, LocalDate endsOn,
            String projectKey, String status, String createdBy, String approvedBy, OffsetDateTime approvedAt,
            List<String> members, boolean linkedExtracts, String fixedLevels) {

        boolean activeOn(LocalDate day) {
            return "approved".equals(status) && !day.isAfter(endsOn);
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getObject("ref", UUID.class), rs.getString("force_code"),
                rs.getString("title"), rs.getString("purpose"), rs.getString("lawful_basis"),
                rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
                strings(rs.getArray("offence_groups")), rs.getInt("k"), rs.getObject("ends_on", LocalDate.class),
                rs.getString("project_key"), rs.getString("status"), rs.getString("created_by"),
                rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class),
                strings(rs.getArray("members")), rs.getBoolean("linked_extracts"), rs.getString("fixed_levels"));
    }

    private static final String SELECT = "select p.*, array(select m.username from research_member m "
            + "where m.project_id = p.id order by 1) as members from research_project p ";

    List<Project> projects(String force) {
        return jdbc.sql(SELECT + "where p.force_code = ? order by p.created_at desc, p.id desc").param(force)
                .query((rs, i) -> project(rs)).list();
    }

    List<Project> projectsOf(String username) {
        return jdbc.sql(SELECT + "where p.id in (select project_id from research_member where username = ?) "
                        + "order by p.created_at desc, p.id desc").param(username)
                .query((rs, i) -> project(rs)).list();
    }

    Optional<Project> project(long id) {
        return jdbc.sql(SELECT + "where p.id = ?").param(id).query((rs, i) -> project(rs)).optional();
    }

    long insert(Project p, String by) {
        long id = jdbc.sql("insert into research_project (ref, force_code, title, purpose, lawful_basis, period_from, "
                        + "period_to, offence_groups, k, ends_on, project_key, created_by, linked_extracts) values (?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(p.ref(), p.forceCode(), p.title(), p.purpose(), p.lawfulBasis(), p.periodFrom(), p.periodTo(),
                        p.offenceGroups().toArray(String[]::new), p.k(), p.endsOn(), p.projectKey(), by,
                        p.linkedExtracts())
                .query(Long.class).single();
        for (String member : p.members()) {
            jdbc.sql("insert into research_member (project_id, username) values (?, ?)").params(id, member).update();
        }
        return id;
    }

    /** Fixes a linked project's generalisation at its first release; false when another release fixed it first. */
    boolean fixLevels(long id, String levels) {
        return jdbc.sql("update research_project set fixed_levels = ? where id = ? and fixed_levels is null")
                .params(levels, id).update() == 1;
    }

    boolean setStatus(long id, String from, String to, String by) {
        String set = "approved".equals(to) ? "approved_by = :by, approved_at = now()" : "closed_at = now()";
        return jdbc.sql("update research_project set status = :to, " + set + " where id = :id and status = :from")
                .param("to", to).param("by", by).param("id", id).param("from", from).update() == 1;
    }

    /** Researchers of the force (accounts with the researcher role), for choosing members. */
    List<String> researchers(String force) {
        return jdbc.sql("select username from app_user where role = 'researcher' and enabled and force_code = ? order by username")
                .param(force).query(String.class).list();
    }

    record ExtractLog(OffsetDateTime madeAt, String madeBy, int rows, int suppressed, int k, String levels) {
    }

    void logExtract(long projectId, String by, int rows, int suppressed, int k, String levels) {
        jdbc.sql("insert into research_extract (project_id, made_by, rows, suppressed, k, levels) values (?, ?, ?, ?, ?, ?)")
                .params(projectId, by, rows, suppressed, k, levels).update();
    }

    List<ExtractLog> extracts(long projectId) {
        return jdbc.sql("select made_at, made_by, rows, suppressed, k, levels from research_extract where project_id = ? "
                        + "order by made_at desc")
                .param(projectId).query((rs, i) -> new ExtractLog(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6))).list();
    }

    /**
     * The facts of the project's crimes: recorded in its period, of its offence groups, in its force; the first
     * victim and the first suspect of each (a suspect as their identity when a confirmed link or PNC joins
     * records). No name, date of birth, address or free text is read.
     */
    List<ExtractRows.CrimeFacts> facts(Project p) {
        List<ExtractRows.CrimeFacts> out = new ArrayList<>();
        jdbc.sql("select c.force_code, c.crime_ref, c.offence_code, c.recorded_date, c.report_source, c.outcome_code, "
                        + "c.outcome_date, v.person_id as victim_id, v.age_at_offence as victim_age, v.sex as victim_sex, "
                        + "coalesce(i.identity_key, s.person_id) as suspect_identity, s.age_at_offence as suspect_age, "
                        + "s.relationship, c.team_code, "
                        + "exists (select 1 from investigation_event e where e.crime_id = c.id and e.event_type = 'cps_referral') as referred, "
                        + "(c.outcome_group = 'charged' or exists (select 1 from investigation_event e where e.crime_id = c.id and "
                        + "(e.event_type = 'charge' or (e.event_type = 'cps_decision' and e.detail = 'charge')))) as charged, "
                        + "(select e.detail from investigation_event e where e.crime_id = c.id and e.event_type = 'victim_withdrawal' "
                        + "order by e.occurred_at limit 1) as withdrawal "
                        + "from investigation_crime c "
                        + "left join lateral (select p.person_id, cp.age_at_offence, p.sex from investigation_case_person cp join investigation_person p "
                        + "on p.id = cp.person_ref where cp.crime_id = c.id and cp.role = 'victim' order by cp.person_ref "
                        + "limit 1) v on true "
                        + "left join lateral (select cp.person_ref, p.person_id, cp.age_at_offence, cp.relationship "
                        + "from investigation_case_person cp join investigation_person p on p.id = cp.person_ref where cp.crime_id = c.id "
                        + "and cp.role = 'suspect' order by cp.person_ref limit 1) s on true "
                        + "left join person_identity i on i.person_ref = s.person_ref "
                        + "where c.force_code = ? and c.record_type = 'crime' and c.recorded_date between ? and ? "
                        + "and c.offence_group = any(?) and not c.restricted order by c.id")
                .params(p.forceCode(), p.periodFrom(), p.periodTo(), p.offenceGroups().toArray(String[]::new))
                .query(rs -> {
                    out.add(new ExtractRows.CrimeFacts(rs.getString("force_code"), rs.getString("crime_ref"),
                            rs.getString("offence_code"), rs.getObject("recorded_date", LocalDate.class),
                            rs.getString("report_source"), rs.getString("outcome_code"),
                            rs.getObject("outcome_date", LocalDate.class), rs.getString("victim_id"),
                            (Integer) rs.getObject("victim_age"), rs.getString("victim_sex"),
                            rs.getString("suspect_identity"), (Integer) rs.getObject("suspect_age"),
                            rs.getString("relationship"), rs.getString("team_code"), rs.getBoolean("referred"),
                            rs.getBoolean("charged"), rs.getString("withdrawal")));
                });
        return out;
    }

    /** Teams of the force, for difference-in-differences between teams. */
    List<String> teams(String force) {
        return jdbc.sql("select team_code from team where force_code = ? order by team_code").param(force)
                .query(String.class).list();
    }
}
