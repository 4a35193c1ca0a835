package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.soteria.platform.Bilingual;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the investigator's journey, each crime's stage and its lines of enquiry (descriptions and results
 * encrypted).
 */
@Repository
class PlanRepository {

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    PlanRepository(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A stage of the journey; its name and guidance in English and, when written, Welsh. */
    record Stage(String code, int position, Bilingual name, Bilingual guidance, boolean active) {
    }

    List<Stage> stages() {
        return jdbc.sql("select code, position, name, name_cy, guidance, guidance_cy, active from journey_stage "
                        + "order by position, code")
                .query((rs, i) -> new Stage(rs.getString(1), rs.getInt(2), Bilingual.of(rs.getString(3),
                        rs.getString(4)), Bilingual.of(rs.getString(5), rs.getString(6)), rs.getBoolean(7))).list();
    }

    void saveStage(Stage s, boolean isNew) {
        if (isNew) {
            jdbc.sql("insert into journey_stage (code, position, name, name_cy, guidance, guidance_cy, active) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(s.code(), s.position(), s.name().english(), s.name().welsh(), s.guidance().english(),
                            s.guidance().welsh(), s.active()).update();
        } else {
            jdbc.sql("update journey_stage set position = ?, name = ?, name_cy = ?, guidance = ?, guidance_cy = ?, "
                            + "active = ? where code = ?")
                    .params(s.position(), s.name().english(), s.name().welsh(), s.guidance().english(),
                            s.guidance().welsh(), s.active(), s.code()).update();
        }
    }

    record StageEntry(String stageCode, LocalDate enteredOn, String enteredBy) {
    }

    List<StageEntry> stageHistory(long crimeId) {
        return jdbc.sql("select stage_code, entered_on, entered_by from crime_stage where crime_id = ? "
                        + "order by entered_on desc, id desc")
                .param(crimeId).query((rs, i) -> new StageEntry(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3))).list();
    }

    void enterStage(long crimeId, String code, LocalDate on, String by) {
        jdbc.sql("insert into crime_stage (crime_id, stage_code, entered_on, entered_by) values (?, ?, ?, ?)")
                .params(crimeId, code, on, by).update();
    }

    // ---- Lines of enquiry ----------------------------------------------------------------------

    record Line(long id, long crimeId, Codes.Focus focus, String promptCode, String description, String ownerCode,
            LocalDate dueOn, Codes.LineStatus status, String result, String createdBy, String closedBy,
            LocalDate closedOn) {

        public boolean overdueOn(LocalDate day) {
            return status == Codes.LineStatus.OPEN && dueOn != null && dueOn.isBefore(day);
        }
    }

    private Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong("id"), rs.getLong("crime_id"), Codes.parse(Codes.Focus.class, rs.getString("focus")),
                rs.getString("prompt_code"), cipher.open(rs, "enquiry_line", "description"), rs.getString("owner_code"),
                rs.getObject("due_on", LocalDate.class), Codes.parse(Codes.LineStatus.class, rs.getString("status")),
                cipher.open(rs, "enquiry_line", "result"), rs.getString("created_by"), rs.getString("closed_by"),
                rs.getObject("closed_on", LocalDate.class));
    }

    private static final String LINE_COLUMNS = "l.id, l.crime_id, l.focus, l.prompt_code, l.description, l.owner_code, "
            + "l.due_on, l.status, l.result, l.created_by, l.closed_by, l.closed_on";

    List<Line> lines(long crimeId) {
        return jdbc.sql("select " + LINE_COLUMNS + " from enquiry_line l where l.crime_id = ? "
                        + "order by (l.status = 'open') desc, l.due_on nulls last, l.id")
                .param(crimeId).query((rs, i) -> line(rs)).list();
    }

    long insertLine(long crimeId, Codes.Focus focus, String promptCode, String description, String owner, LocalDate due,
            Codes.LineStatus status, String result, String by, LocalDate closedOn) {
        return jdbc.sql("insert into enquiry_line (crime_id, focus, prompt_code, description, owner_code, due_on, status, "
                        + "result, created_by, closed_by, closed_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(crimeId, focus.code(), promptCode, cipher.seal("enquiry_line", crimeId, "description", description),
                        owner, due, status.code(), cipher.seal("enquiry_line", crimeId, "result", result), by,
                        status == Codes.LineStatus.OPEN ? null : by, closedOn)
                .query(Long.class).single();
    }

    void closeLine(Line l, Codes.LineStatus status, String result, String by, LocalDate on) {
        jdbc.sql("update enquiry_line set status = ?, result = ?, closed_by = ?, closed_on = ? where id = ? "
                        + "and status = 'open'")
                .params(status.code(), cipher.seal("enquiry_line", l.crimeId(), "result", result), by, on, l.id()).update();
    }
}
