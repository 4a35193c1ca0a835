package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for pre-charge bail and release under investigation periods. */
@Repository
class BailRepository {

    private final JdbcClient jdbc;

    BailRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Bail(long id, long crimeId, String crimeRef, long personRef, Codes.BailKind kind, LocalDate startedOn,
            LocalDate expiresOn, LocalDate reviewOn, String authorisedBy, String orderForce, String orderId,
            LocalDate endedOn, Codes.BailEnd endReason, String recordedBy) {

        BailAlerts.Period period() {
            return new BailAlerts.Period(kind, startedOn, expiresOn, reviewOn, endedOn);
        }
    }

    static final String BAIL_COLUMNS = "b.id, b.crime_id, c.crime_ref, b.person_ref, b.kind, b.started_on, "
            + "b.expires_on, b.review_on, b.authorised_by, b.order_force, b.order_id, b.ended_on, b.end_reason, b.recorded_by";

    static Bail bail(ResultSet rs) throws SQLException {
        return new Bail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                Codes.parse(Codes.BailKind.class, rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getObject(12, LocalDate.class), Codes.parse(Codes.BailEnd.class, rs.getString(13)),
                rs.getString(14));
    }

    List<Bail> bail(long crimeId) {
        return jdbc.sql("select " + BAIL_COLUMNS + " from bail_period b join investigation_crime c on c.id = b.crime_id "
                        + "where b.crime_id = ? order by b.started_on desc, b.id desc")
                .param(crimeId).query((rs, i) -> bail(rs)).list();
    }

    long insertBail(long crimeId, long personRef, Codes.BailKind kind, LocalDate started, LocalDate expires,
            LocalDate review, String authorisedBy, String orderForce, String orderId, String by) {
        return jdbc.sql("insert into bail_period (crime_id, person_ref, kind, started_on, expires_on, review_on, "
                        + "authorised_by, order_force, order_id, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "returning id")
                .params(crimeId, personRef, kind.code(), started, expires, review, authorisedBy, orderForce, orderId, by)
                .query(Long.class).single();
    }

    void changeBail(long id, LocalDate expires, LocalDate review, String authorisedBy) {
        jdbc.sql("update bail_period set expires_on = ?, review_on = ?, authorised_by = coalesce(?, authorised_by) "
                + "where id = ? and ended_on is null").params(expires, review, authorisedBy, id).update();
    }

    boolean endBail(long id, LocalDate on, Codes.BailEnd reason) {
        return jdbc.sql("update bail_period set ended_on = ?, end_reason = ? where id = ? and ended_on is null")
                .params(on, reason.code(), id).update() == 1;
    }
}
