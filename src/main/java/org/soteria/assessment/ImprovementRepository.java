package org.soteria.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the improvement plan: actions and their progress updates. */
@Repository
class ImprovementRepository {

    private final JdbcClient jdbc;

    ImprovementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An action; {@code measures} the measures it is linked to, in the order they are offered (none: empty). */
    record Action(long id, String forceCode, String title, String description, int pillar, String owner, LocalDate dueOn,
            List<PlanMeasure> measures, LocalDate liveOn, String rag, LocalDate doneOn, String createdBy, Answers answers,
            List<String> statements) {

        public boolean overdueOn(LocalDate day) {
            return doneOn == null && dueOn.isBefore(day);
        }
    }

    private static Action action(ResultSet rs) throws SQLException {
        return new Action(rs.getLong("id"), rs.getString("force_code"), rs.getString("title"), rs.getString("description"),
                rs.getInt("pillar"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                measures(rs.getArray("measures")), rs.getObject("live_on", LocalDate.class), rs.getString("rag"),
                rs.getObject("done_on", LocalDate.class), rs.getString("created_by"), answers(rs),
                List.of((String[]) rs.getArray("statements").getArray()));
    }

    private static List<PlanMeasure> measures(java.sql.Array codes) throws SQLException {
        List<String> list = codes == null ? List.of() : java.util.Arrays.asList((String[]) codes.getArray());
        return java.util.Arrays.stream(PlanMeasure.values()).filter(m -> list.contains(m.code())).toList();
    }

    /** Every action's columns with its measures' codes. */
    private static final String ACTION = "select a.*, array(select m.measure from improvement_action_measure m "
            + "where m.action_id = a.id) as measures, array(select s.statement from improvement_action_statement s "
            + "where s.action_id = a.id order by s.statement) as statements from improvement_action a ";

    private static Answers answers(ResultSet rs) throws SQLException {
        long sample = rs.getLong("answers_sample");
        if (!rs.wasNull()) {
            return new Answers(Answers.Kind.DEEP_DIVE, sample, rs.getString("answers_item"));
        }
        long assessment = rs.getLong("answers_assessment");
        return rs.wasNull() ? null : new Answers(Answers.Kind.ASSESSMENT, assessment, rs.getString("answers_section"));
    }

    List<Action> actions(String force) {
        return jdbc.sql(ACTION + "where a.force_code = ? order by a.pillar, (a.done_on is null) desc, a.due_on, a.id").param(force).query((rs, i) -> action(rs)).list();
    }

    /** The force's actions that answer findings of a deep-dive sample or a self-assessment, by item or section. */
    List<Action> answering(String force, Answers.Kind kind, long id) {
        String column = kind == Answers.Kind.DEEP_DIVE ? "answers_sample" : "answers_assessment";
        return jdbc.sql(ACTION + "where a.force_code = ? and a." + column + " = ? order by a.id")
                .params(force, id).query((rs, i) -> action(rs)).list();
    }

    /** Whether the force has the deep-dive sample, or the self-assessment with the section, a reference names. */
    boolean exists(String force, Answers a) {
        String sql = a.kind() == Answers.Kind.DEEP_DIVE
                ? "select exists (select 1 from case_sample s where s.id = ? and s.force_code = ? and (? = '"
                        + Answers.MISSED + "' or exists (select 1 from case_sample_item si join review_template_item i "
                        + "on i.id = si.item_id where si.sample_id = s.id and i.code = ?)))"
                : "select exists (select 1 from assessment_section s join assessment x on x.id = s.assessment_id "
                        + "where x.id = ? and x.force_code = ? and s.section_code = ?)";
        var spec = jdbc.sql(sql).param(a.id()).param(force).param(a.code());
        if (a.kind() == Answers.Kind.DEEP_DIVE) {
            spec = spec.param(a.code());
        }
        return spec.query(Boolean.class).single();
    }

    /**
     * What a reference names, for the page: the sample's or the self-assessment's title, and the review item's words or
     * the section's name in English and Welsh (null for a sample's missed opportunities; the Welsh null until written).
     */
    Optional<String[]> describe(String force, Answers a) {
        String sql = a.kind() == Answers.Kind.DEEP_DIVE
                ? "select s.title, i.text_en, nullif(i.text_cy, '') from case_sample s left join (case_sample_item si "
                        + "join review_template_item i on i.id = si.item_id) on si.sample_id = s.id and i.code = ? "
                        + "where s.id = ? and s.force_code = ?"
                : "select x.title, s.name, s.name_cy from assessment x join framework_section s "
                        + "on s.framework_id = x.framework_id and s.code = ? where x.id = ? and x.force_code = ?";
        var spec = jdbc.sql(sql).params(a.code(), a.id(), force);
        return spec.query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
    }

    /** The force's actions linked to {@code measure} that have gone live, by the day they did. */
    List<Action> live(String force, String measure) {
        return jdbc.sql(ACTION + "where a.force_code = ? and a.live_on is not null and exists (select 1 from "
                        + "improvement_action_measure m where m.action_id = a.id and m.measure = ?) order by a.live_on, a.id")
                .params(force, measure).query((rs, i) -> action(rs)).list();
    }

    Optional<Action> action(long id, String force) {
        return jdbc.sql(ACTION + "where a.id = ? and a.force_code = ?").params(id, force)
                .query((rs, i) -> action(rs)).optional();
    }

    long insert(Action a) {
        Answers an = a.answers();
        boolean deepDive = an != null && an.kind() == Answers.Kind.DEEP_DIVE;
        boolean section = an != null && an.kind() == Answers.Kind.ASSESSMENT;
        long id = jdbc.sql("insert into improvement_action (force_code, title, description, pillar, owner, due_on, "
                        + "live_on, created_by, answers_sample, answers_item, answers_assessment, answers_section) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(a.forceCode(), a.title(), a.description(), a.pillar(), a.owner(), a.dueOn(), a.liveOn(),
                        a.createdBy(), deepDive ? an.id() : null, deepDive ? an.code() : null, section ? an.id() : null,
                        section ? an.code() : null)
                .query(Long.class).single();
        for (PlanMeasure m : a.measures()) {
            jdbc.sql("insert into improvement_action_measure (action_id, measure) values (?, ?)").params(id, m.code())
                    .update();
        }
        for (String statement : a.statements()) {
            jdbc.sql("insert into improvement_action_statement (action_id, statement) values (?, ?)")
                    .params(id, statement).update();
        }
        return id;
    }

    record Update(LocalDate updatedOn, String rag, String note, String evidence, String updatedBy) {
    }

    List<Update> updates(long actionId) {
        return jdbc.sql("select updated_on, rag, note, evidence, updated_by from improvement_update where action_id = ? "
                        + "order by updated_on desc, id desc").param(actionId)
                .query((rs, i) -> new Update(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    void addUpdate(long actionId, Update u, LocalDate liveOn, boolean done) {
        jdbc.sql("insert into improvement_update (action_id, updated_on, rag, note, evidence, updated_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(actionId, u.updatedOn(), u.rag(), u.note(), u.evidence(), u.updatedBy()).update();
        jdbc.sql("update improvement_action set rag = ?, live_on = coalesce(?, live_on), done_on = case when ? then "
                        + "coalesce(done_on, ?) else null end where id = ?")
                .params(u.rag(), liveOn, done, u.updatedOn(), actionId).update();
    }
}
