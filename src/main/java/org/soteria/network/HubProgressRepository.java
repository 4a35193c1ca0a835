package org.soteria.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.soteria.platform.Bilingual;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hub's SQL for what forces tell it of their progress: maturity by cycle and section, plans by pillar. */
@Repository
class HubProgressRepository {

    private final JdbcClient jdbc;

    HubProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One section of one force's signed-off cycle. */
    record MaturityRow(String force, long cycle, String title, LocalDate signedOffOn, String framework,
            int frameworkVersion, String section, int position, Bilingual name, Double level, int answered,
            int questions) {
    }

    /** One pillar of one force's plan, as of the day the force sent it. */
    record PlanRow(String force, int pillar, int actions, int done, int overdue, int onTrack, int atRisk,
            LocalDate asOf) {
    }

    /** Replaces everything the force sent before with this file's cycles and plan. */
    void replace(String force, ProgressBundle p, long receipt) {
        jdbc.sql("delete from hub_maturity where force_code = ?").param(force).update();
        jdbc.sql("delete from hub_plan where force_code = ?").param(force).update();
        for (ProgressBundle.Cycle c : p.cycles()) {
            for (ProgressBundle.Section s : c.sections()) {
                jdbc.sql("insert into hub_maturity (force_code, cycle_number, title, signed_off_on, framework, "
                                + "framework_version, section_code, section_position, section_name, section_name_cy, "
                                + "level, answered, questions, receipt_id) "
                                + "values (?, ?, ?, cast(? as date), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(force, c.number(), c.title().strip(), c.signedOffOn(), c.framework().strip(),
                                c.frameworkVersion(), s.code(), s.position(), s.name().strip(),
                                s.nameCy() == null || s.nameCy().isBlank() ? null : s.nameCy().strip(),
                                s.level() == null ? null : Math.round(s.level() * 100) / 100.0, s.answered(),
                                s.questions(), receipt).update();
            }
        }
        for (ProgressBundle.Plan x : p.plan()) {
            jdbc.sql("insert into hub_plan (force_code, pillar, actions, done, overdue, on_track, at_risk, as_of, "
                    + "receipt_id) values (?, ?, ?, ?, ?, ?, ?, cast(? as date), ?)")
                    .params(force, x.pillar(), x.actions(), x.done(), x.overdue(), x.onTrack(), x.atRisk(), p.asOf(),
                            receipt).update();
        }
    }

    private static MaturityRow maturity(ResultSet rs, int i) throws SQLException {
        return new MaturityRow(rs.getString("force_code"), rs.getLong("cycle_number"), rs.getString("title"),
                rs.getObject("signed_off_on", LocalDate.class), rs.getString("framework"),
                rs.getInt("framework_version"), rs.getString("section_code"), rs.getInt("section_position"),
                Bilingual.of(rs.getString("section_name"), rs.getString("section_name_cy")),
                rs.getObject("level") == null ? null : rs.getDouble("level"), rs.getInt("answered"),
                rs.getInt("questions"));
    }

    /** Every force's cycles, or one force's ({@code force} not null), oldest cycle first, sections in order. */
    List<MaturityRow> maturity(String force) {
        return jdbc.sql("select * from hub_maturity where (cast(? as text) is null or force_code = ?) "
                        + "order by force_code, signed_off_on, cycle_number, section_position, section_code")
                .params(force, force).query(HubProgressRepository::maturity).list();
    }

    /** Every force's plan, or one force's, by pillar. */
    List<PlanRow> plans(String force) {
        return jdbc.sql("select * from hub_plan where (cast(? as text) is null or force_code = ?) "
                        + "order by force_code, pillar").params(force, force)
                .query((rs, i) -> new PlanRow(rs.getString("force_code"), rs.getInt("pillar"), rs.getInt("actions"),
                        rs.getInt("done"), rs.getInt("overdue"), rs.getInt("on_track"), rs.getInt("at_risk"),
                        rs.getObject("as_of", LocalDate.class))).list();
    }
}
