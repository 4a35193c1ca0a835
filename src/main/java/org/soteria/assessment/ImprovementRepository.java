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

    record Action(long id, String forceCode, String title, String description, int pillar, String owner, LocalDate dueOn,
            PlanMeasure measure, LocalDate liveOn, String rag, LocalDate doneOn, String createdBy) {

        public boolean overdueOn(LocalDate day) {
            return doneOn == null && dueOn.isBefore(day);
        }
    }

    private static Action action(ResultSet rs) throws SQLException {
        return new Action(rs.getLong("id"), rs.getString("force_code"), rs.getString("title"), rs.getString("description"),
                rs.getInt("pillar"), rs.getString("owner"), rs.getObject("due_on", LocalDate.class),
                PlanMeasure.of(rs.getString("measure")), rs.getObject("live_on", LocalDate.class), rs.getString("rag"),
                rs.getObject("done_on", LocalDate.class), rs.getString("created_by"));
    }

    List<Action> actions(String force) {
        return jdbc.sql("select * from improvement_action where force_code = ? order by pillar, (done_on is null) desc, "
                        + "due_on, id").param(force).query((rs, i) -> action(rs)).list();
    }

    /** The force's actions linked to {@code measure} that have gone live, by the day they did. */
    List<Action> live(String force, String measure) {
        return jdbc.sql("select * from improvement_action where force_code = ? and measure = ? and live_on is not null "
                        + "order by live_on, id").params(force, measure).query((rs, i) -> action(rs)).list();
    }

    Optional<Action> action(long id, String force) {
        return jdbc.sql("select * from improvement_action where id = ? and force_code = ?").params(id, force)
                .query((rs, i) -> action(rs)).optional();
    }

    long insert(Action a) {
        return jdbc.sql("insert into improvement_action (force_code, title, description, pillar, owner, due_on, measure, "
                        + "live_on, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(a.forceCode(), a.title(), a.description(), a.pillar(), a.owner(), a.dueOn(),
                        a.measure() == null ? null : a.measure().code(), a.liveOn(), a.createdBy())
                .query(Long.class).single();
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
