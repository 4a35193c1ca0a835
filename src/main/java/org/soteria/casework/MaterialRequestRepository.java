package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for requests for the victim's material (their free text encrypted) and the force's figures for them. */
@Repository
class MaterialRequestRepository {

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    MaterialRequestRepository(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Request(long id, long crimeId, long personRef, Codes.Material material, long lineId, String holder,
            String scope, String justification, String leastIntrusive, LocalDate victimInformedOn,
            Codes.VictimView victimView, String victimViewNote, Codes.RequestStatus status, String requestedBy,
            LocalDate requestedOn, Codes.Decision decision, String decidedBy, LocalDate decidedOn, String decisionNote,
            LocalDate sentOn, LocalDate returnedOn, String closedNote) {
    }

    private static final String REQUEST_COLUMNS = "r.id, r.crime_id, r.person_ref, r.material, r.enquiry_line_id, r.holder, "
            + "r.scope, r.justification, r.least_intrusive, r.victim_informed_on, r.victim_view, r.victim_view_note, "
            + "r.status, r.requested_by, r.requested_on, r.decision, r.decided_by, r.decided_on, r.decision_note, "
            + "r.sent_on, r.returned_on, r.closed_note";

    private Request request(ResultSet rs) throws SQLException {
        String t = "material_request";
        return new Request(rs.getLong("id"), rs.getLong("crime_id"), rs.getLong("person_ref"),
                Codes.parse(Codes.Material.class, rs.getString("material")), rs.getLong("enquiry_line_id"),
                cipher.open(rs, t, "holder"), cipher.open(rs, t, "scope"), cipher.open(rs, t, "justification"), cipher.open(rs, t, "least_intrusive"),
                rs.getObject("victim_informed_on", LocalDate.class),
                Codes.parse(Codes.VictimView.class, rs.getString("victim_view")), cipher.open(rs, t, "victim_view_note"),
                Codes.parse(Codes.RequestStatus.class, rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_on", LocalDate.class), Codes.parse(Codes.Decision.class, rs.getString("decision")),
                rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class), cipher.open(rs, t, "decision_note"),
                rs.getObject("sent_on", LocalDate.class), rs.getObject("returned_on", LocalDate.class),
                cipher.open(rs, t, "closed_note"));
    }

    List<Request> requests(long crimeId) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from material_request r where r.crime_id = ? order by r.id desc")
                .param(crimeId).query((rs, i) -> request(rs)).list();
    }

    Optional<Request> request(long crimeId, long id) {
        return jdbc.sql("select " + REQUEST_COLUMNS + " from material_request r where r.crime_id = ? and r.id = ?")
                .params(crimeId, id).query((rs, i) -> request(rs)).optional();
    }

    long insertRequest(Request r) {
        String t = "material_request";
        long c = r.crimeId();
        return jdbc.sql("insert into material_request (crime_id, person_ref, material, enquiry_line_id, holder, scope, "
                        + "justification, least_intrusive, victim_informed_on, victim_view, victim_view_note, status, "
                        + "requested_by, requested_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_approval', ?, ?) "
                        + "returning id")
                .params(c, r.personRef(), r.material().code(), r.lineId(), cipher.seal(t, c, "holder", r.holder()),
                        cipher.seal(t, c, "scope", r.scope()), cipher.seal(t, c, "justification", r.justification()),
                        cipher.seal(t, c, "least_intrusive", r.leastIntrusive()), r.victimInformedOn(), r.victimView().code(),
                        cipher.seal(t, c, "victim_view_note", r.victimViewNote()), r.requestedBy(), r.requestedOn())
                .query(Long.class).single();
    }

    /** Moves a request on only from the status the caller saw, so two people cannot act on it at once. */
    boolean decide(Request r, Codes.Decision decision, String by, LocalDate on, String note) {
        return jdbc.sql("update material_request set status = ?, decision = ?, decided_by = ?, decided_on = ?, "
                        + "decision_note = ? where id = ? and status = 'awaiting_approval'")
                .params(decision == Codes.Decision.APPROVED ? "approved" : "refused", decision.code(), by, on,
                        cipher.seal("material_request", r.crimeId(), "decision_note", note), r.id()).update() == 1;
    }

    boolean markSent(Request r, LocalDate on) {
        return jdbc.sql("update material_request set status = 'sent', sent_on = ? where id = ? and status = 'approved'")
                .params(on, r.id()).update() == 1;
    }

    boolean markReturned(Request r, LocalDate on) {
        return jdbc.sql("update material_request set status = 'returned', returned_on = ? where id = ? and status = 'sent'")
                .params(on, r.id()).update() == 1;
    }

    boolean withdraw(Request r, String note) {
        return jdbc.sql("update material_request set status = 'withdrawn', closed_note = ? where id = ? "
                        + "and status in ('awaiting_approval', 'approved', 'sent')")
                .params(cipher.seal("material_request", r.crimeId(), "closed_note", note), r.id()).update() == 1;
    }

    /** Counts of requests made in a period by status and material, and days from sending to return. */
    record RequestFigures(Map<String, Long> byStatus, Map<String, Long> byMaterial, List<Integer> daysToReturn,
            List<Integer> victimDeviceDays) {
    }

    @WholeForce("the force's figures for requests for victims' material: counts and days only")
    RequestFigures requestFigures(String force, LocalDate from, LocalDate to) {
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        Map<String, Long> byMaterial = new java.util.LinkedHashMap<>();
        jdbc.sql("select r.status, r.material, count(*) from material_request r join investigation_crime c on c.id = r.crime_id "
                        + "where c.force_code = ? and r.requested_on between ? and ? group by 1, 2")
                .params(force, from, to).query(rs -> {
                    byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    byMaterial.merge(rs.getString(2), rs.getLong(3), Long::sum);
                });
        List<Integer> days = jdbc.sql("select r.returned_on - r.sent_on from material_request r join investigation_crime c "
                        + "on c.id = r.crime_id where c.force_code = ? and r.returned_on between ? and ? order by 1")
                .params(force, from, to).query(Integer.class).list();
        List<Integer> devices = jdbc.sql("select d.returned_on - d.submitted_on from device_exhibit d join investigation_crime c "
                        + "on c.id = d.crime_id where c.force_code = ? and d.owner_role = 'victim' "
                        + "and d.returned_on between ? and ? order by 1")
                .params(force, from, to).query(Integer.class).list();
        return new RequestFigures(byStatus, byMaterial, days, devices);
    }
}
