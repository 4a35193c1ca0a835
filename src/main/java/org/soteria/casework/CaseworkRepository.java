package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.soteria.platform.FieldCipher;
import org.soteria.security.NeedToKnow;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for casework. Free text is stored encrypted, bound to its table, crime and column, so a value
 * copied to another crime or column does not decrypt.
 */
@Repository
class CaseworkRepository {

    /** The encrypted text columns, by table: {@link CaseworkEncryption} re-encrypts them after a key change. */
    static final Map<String, List<String>> ENCRYPTED = Map.of(
            "enquiry_line", List.of("description", "result"),
            "supervisor_review", List.of("directions"),
            "material_request", List.of("holder", "scope", "justification", "least_intrusive", "victim_view_note",
                    "decision_note", "closed_note"),
            "cps_action", List.of("action"),
            "cps_submission", List.of("summary"));

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    CaseworkRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static String context(String table, long crimeId, String column) {
        return table + "/" + crimeId + "/" + column;
    }

    private String seal(String table, long crimeId, String column, String value) {
        return value == null ? null : cipher.encrypt(value, context(table, crimeId, column));
    }

    private String open(ResultSet rs, String table, String column) throws SQLException {
        String stored = rs.getString(column);
        return stored == null ? null : cipher.decrypt(stored, context(table, rs.getLong("crime_id"), column));
    }

    // ---- The investigator's journey --------------------------------------------------------------

    record Stage(String code, int position, String name, String guidance, boolean active) {
    }

    List<Stage> stages() {
        return jdbc.sql("select code, position, name, guidance, active from journey_stage order by position, code")
                .query((rs, i) -> new Stage(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    void saveStage(Stage s, boolean isNew) {
        if (isNew) {
            jdbc.sql("insert into journey_stage (code, position, name, guidance, active) values (?, ?, ?, ?, ?)")
                    .params(s.code(), s.position(), s.name(), s.guidance(), s.active()).update();
        } else {
            jdbc.sql("update journey_stage set position = ?, name = ?, guidance = ?, active = ? where code = ?")
                    .params(s.position(), s.name(), s.guidance(), s.active(), s.code()).update();
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

    // ---- Lines of enquiry --------------------------------------------------------------------------

    record Line(long id, long crimeId, Codes.Focus focus, String promptCode, String description, String ownerCode,
            LocalDate dueOn, Codes.LineStatus status, String result, String createdBy, String closedBy,
            LocalDate closedOn) {

        public boolean overdueOn(LocalDate day) {
            return status == Codes.LineStatus.OPEN && dueOn != null && dueOn.isBefore(day);
        }
    }

    private Line line(ResultSet rs) throws SQLException {
        return new Line(rs.getLong("id"), rs.getLong("crime_id"), Codes.parse(Codes.Focus.class, rs.getString("focus")),
                rs.getString("prompt_code"), open(rs, "enquiry_line", "description"), rs.getString("owner_code"),
                rs.getObject("due_on", LocalDate.class), Codes.parse(Codes.LineStatus.class, rs.getString("status")),
                open(rs, "enquiry_line", "result"), rs.getString("created_by"), rs.getString("closed_by"),
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
                .params(crimeId, focus.code(), promptCode, seal("enquiry_line", crimeId, "description", description),
                        owner, due, status.code(), seal("enquiry_line", crimeId, "result", result), by,
                        status == Codes.LineStatus.OPEN ? null : by, closedOn)
                .query(Long.class).single();
    }

    void closeLine(Line l, Codes.LineStatus status, String result, String by, LocalDate on) {
        jdbc.sql("update enquiry_line set status = ?, result = ?, closed_by = ?, closed_on = ? where id = ? "
                        + "and status = 'open'")
                .params(status.code(), seal("enquiry_line", l.crimeId(), "result", result), by, on, l.id()).update();
    }

    // ---- Supervisor reviews ------------------------------------------------------------------------

    record Review(long id, long crimeId, LocalDate reviewedOn, String reviewer, Codes.Answer suspectFocus,
            Codes.Answer victimEngagement, Codes.Answer proportionality, Codes.Answer bailStatus, String directions) {
    }

    List<Review> reviews(long crimeId) {
        return jdbc.sql("select id, crime_id, reviewed_on, reviewer, suspect_focus, victim_engagement, proportionality, "
                        + "bail_status, directions from supervisor_review where crime_id = ? order by reviewed_on desc, id desc")
                .param(crimeId).query((rs, i) -> new Review(rs.getLong("id"), rs.getLong("crime_id"),
                        rs.getObject("reviewed_on", LocalDate.class), rs.getString("reviewer"),
                        Codes.parse(Codes.Answer.class, rs.getString("suspect_focus")),
                        Codes.parse(Codes.Answer.class, rs.getString("victim_engagement")),
                        Codes.parse(Codes.Answer.class, rs.getString("proportionality")),
                        Codes.parse(Codes.Answer.class, rs.getString("bail_status")),
                        open(rs, "supervisor_review", "directions"))).list();
    }

    void insertReview(long crimeId, LocalDate on, String reviewer, Codes.Answer suspectFocus, Codes.Answer victim,
            Codes.Answer proportionality, Codes.Answer bail, String directions) {
        jdbc.sql("insert into supervisor_review (crime_id, reviewed_on, reviewer, suspect_focus, victim_engagement, "
                        + "proportionality, bail_status, directions) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(crimeId, on, reviewer, suspectFocus.code(), victim.code(), proportionality.code(), bail.code(),
                        seal("supervisor_review", crimeId, "directions", directions)).update();
    }

    // ---- Requests for the victim's material -------------------------------------------------------

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
                open(rs, t, "holder"), open(rs, t, "scope"), open(rs, t, "justification"), open(rs, t, "least_intrusive"),
                rs.getObject("victim_informed_on", LocalDate.class),
                Codes.parse(Codes.VictimView.class, rs.getString("victim_view")), open(rs, t, "victim_view_note"),
                Codes.parse(Codes.RequestStatus.class, rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_on", LocalDate.class), Codes.parse(Codes.Decision.class, rs.getString("decision")),
                rs.getString("decided_by"), rs.getObject("decided_on", LocalDate.class), open(rs, t, "decision_note"),
                rs.getObject("sent_on", LocalDate.class), rs.getObject("returned_on", LocalDate.class),
                open(rs, t, "closed_note"));
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
                .params(c, r.personRef(), r.material().code(), r.lineId(), seal(t, c, "holder", r.holder()),
                        seal(t, c, "scope", r.scope()), seal(t, c, "justification", r.justification()),
                        seal(t, c, "least_intrusive", r.leastIntrusive()), r.victimInformedOn(), r.victimView().code(),
                        seal(t, c, "victim_view_note", r.victimViewNote()), r.requestedBy(), r.requestedOn())
                .query(Long.class).single();
    }

    /** Moves a request on only from the status the caller saw, so two people cannot act on it at once. */
    boolean decide(Request r, Codes.Decision decision, String by, LocalDate on, String note) {
        return jdbc.sql("update material_request set status = ?, decision = ?, decided_by = ?, decided_on = ?, "
                        + "decision_note = ? where id = ? and status = 'awaiting_approval'")
                .params(decision == Codes.Decision.APPROVED ? "approved" : "refused", decision.code(), by, on,
                        seal("material_request", r.crimeId(), "decision_note", note), r.id()).update() == 1;
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
                .params(seal("material_request", r.crimeId(), "closed_note", note), r.id()).update() == 1;
    }

    /** Counts of requests made in a period by status and material, and days from sending to return. */
    record RequestFigures(Map<String, Long> byStatus, Map<String, Long> byMaterial, List<Integer> daysToReturn,
            List<Integer> victimDeviceDays) {
    }

    @WholeForce("the force's figures for requests for victims' material: counts and days only")
    RequestFigures requestFigures(String force, LocalDate from, LocalDate to) {
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        Map<String, Long> byMaterial = new java.util.LinkedHashMap<>();
        jdbc.sql("select r.status, r.material, count(*) from material_request r join crime c on c.id = r.crime_id "
                        + "where c.force_code = ? and r.requested_on between ? and ? group by 1, 2")
                .params(force, from, to).query(rs -> {
                    byStatus.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    byMaterial.merge(rs.getString(2), rs.getLong(3), Long::sum);
                });
        List<Integer> days = jdbc.sql("select r.returned_on - r.sent_on from material_request r join crime c "
                        + "on c.id = r.crime_id where c.force_code = ? and r.returned_on between ? and ? order by 1")
                .params(force, from, to).query(Integer.class).list();
        List<Integer> devices = jdbc.sql("select d.returned_on - d.submitted_on from device_exhibit d join crime c "
                        + "on c.id = d.crime_id where c.force_code = ? and d.owner_role = 'victim' "
                        + "and d.returned_on between ? and ? order by 1")
                .params(force, from, to).query(Integer.class).list();
        return new RequestFigures(byStatus, byMaterial, days, devices);
    }

    // ---- Devices -------------------------------------------------------------------------------------

    record Device(long id, long crimeId, String crimeRef, String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner,
            Long requestId, LocalDate submittedOn, Codes.Triage triage, Codes.DeviceStatus status, LocalDate triagedOn,
            LocalDate startedOn, LocalDate examinedOn, LocalDate returnedOn, boolean restricted) {

        /** Days from submission to examination, or to {@code today} while it waits. */
        public long waitingDays(LocalDate today) {
            LocalDate end = examinedOn != null ? examinedOn : today;
            return java.time.temporal.ChronoUnit.DAYS.between(submittedOn, end);
        }
    }

    private static final String DEVICE_COLUMNS = "d.id, d.crime_id, c.crime_ref, d.exhibit_ref, d.device_type, d.owner_role, "
            + "d.material_request_id, d.submitted_on, d.triage, d.status, d.triaged_on, d.started_on, d.examined_on, "
            + "d.returned_on, c.restricted";

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Codes.parse(Codes.DeviceType.class, rs.getString(5)), Codes.parse(Codes.DeviceOwner.class, rs.getString(6)),
                (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), Codes.parse(Codes.Triage.class, rs.getString(9)),
                Codes.parse(Codes.DeviceStatus.class, rs.getString(10)), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                rs.getBoolean(15));
    }

    List<Device> devices(long crimeId) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device_exhibit d join crime c on c.id = d.crime_id "
                        + "where d.crime_id = ? order by d.submitted_on, d.id")
                .param(crimeId).query((rs, i) -> device(rs)).list();
    }

    /**
     * The force's digital forensics queue: devices not yet examined, most urgent first, then oldest; and
     * those examined since {@code since} for turnaround.
     */
    @WholeForce("the force's digital forensics queue: crime and exhibit references, no personal data; restricted "
            + "crimes are counted but listed only to their named users")
    List<Device> forensicQueue(String force, LocalDate since) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device_exhibit d join crime c on c.id = d.crime_id "
                        + "where c.force_code = ? and (d.status in ('awaiting_triage', 'awaiting_examination', "
                        + "'in_examination') or d.examined_on >= ?) order by case d.triage when 'urgent' then 0 "
                        + "when 'priority' then 1 when 'standard' then 2 else -1 end, d.submitted_on, d.id")
                .params(force, since).query((rs, i) -> device(rs)).list();
    }

    long insertDevice(long crimeId, String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner, Long requestId,
            LocalDate submittedOn, String by) {
        return jdbc.sql("insert into device_exhibit (crime_id, exhibit_ref, device_type, owner_role, material_request_id, "
                        + "submitted_on, status, recorded_by) values (?, ?, ?, ?, ?, ?, 'awaiting_triage', ?) returning id")
                .params(crimeId, exhibitRef, type.code(), owner.code(), requestId, submittedOn, by)
                .query(Long.class).single();
    }

    boolean exhibitExists(long crimeId, String exhibitRef) {
        return jdbc.sql("select count(*) from device_exhibit where crime_id = ? and lower(exhibit_ref) = lower(?)")
                .params(crimeId, exhibitRef).query(Long.class).single() > 0;
    }

    boolean advanceDevice(Device d, Codes.DeviceStatus to, LocalDate on, Codes.Triage triage) {
        String column = switch (to) {
            case AWAITING_EXAMINATION -> "triaged_on";
            case IN_EXAMINATION -> "started_on";
            case EXAMINED -> "examined_on";
            case RETURNED -> "returned_on";
            case AWAITING_TRIAGE -> throw new IllegalArgumentException("A device cannot go back to triage");
        };
        return jdbc.sql("update device_exhibit set status = ?, " + column + " = ?, triage = coalesce(?, triage) "
                        + "where id = ? and status = ?")
                .params(to.code(), on, triage == null ? null : triage.code(), d.id(), d.status().code()).update() == 1;
    }

    // ---- Bail and release under investigation -------------------------------------------------------

    record Bail(long id, long crimeId, String crimeRef, long personRef, Codes.BailKind kind, LocalDate startedOn,
            LocalDate expiresOn, LocalDate reviewOn, String authorisedBy, String orderForce, String orderId,
            LocalDate endedOn, Codes.BailEnd endReason, String recordedBy) {

        BailAlerts.Period period() {
            return new BailAlerts.Period(kind, startedOn, expiresOn, reviewOn, endedOn);
        }
    }

    private static final String BAIL_COLUMNS = "b.id, b.crime_id, c.crime_ref, b.person_ref, b.kind, b.started_on, "
            + "b.expires_on, b.review_on, b.authorised_by, b.order_force, b.order_id, b.ended_on, b.end_reason, b.recorded_by";

    private static Bail bail(ResultSet rs) throws SQLException {
        return new Bail(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                Codes.parse(Codes.BailKind.class, rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getObject(12, LocalDate.class), Codes.parse(Codes.BailEnd.class, rs.getString(13)),
                rs.getString(14));
    }

    List<Bail> bail(long crimeId) {
        return jdbc.sql("select " + BAIL_COLUMNS + " from bail_period b join crime c on c.id = b.crime_id "
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

    // ---- CPS liaison --------------------------------------------------------------------------------

    Set<String> readiness(long crimeId) {
        return new LinkedHashSet<>(jdbc.sql("select item from cps_readiness where crime_id = ? order by item")
                .param(crimeId).query(String.class).list());
    }

    void setReadiness(long crimeId, Collection<String> items, String by) {
        jdbc.sql("delete from cps_readiness where crime_id = ? and not (item = any(?))")
                .params(crimeId, items.toArray(String[]::new)).update();
        for (String item : items) {
            jdbc.sql("insert into cps_readiness (crime_id, item, ready_by) values (?, ?, ?) on conflict do nothing")
                    .params(crimeId, item, by).update();
        }
    }

    record Submission(long id, long crimeId, String kind, LocalDate submittedOn, String summary, String submittedBy) {
    }

    List<Submission> submissions(long crimeId) {
        return jdbc.sql("select id, crime_id, kind, submitted_on, summary, submitted_by from cps_submission "
                        + "where crime_id = ? order by submitted_on desc, id desc")
                .param(crimeId).query((rs, i) -> new Submission(rs.getLong("id"), rs.getLong("crime_id"),
                        rs.getString("kind"), rs.getObject("submitted_on", LocalDate.class),
                        open(rs, "cps_submission", "summary"), rs.getString("submitted_by"))).list();
    }

    void insertSubmission(long crimeId, String kind, LocalDate on, String summary, long eventRef, String by) {
        jdbc.sql("insert into cps_submission (crime_id, kind, submitted_on, summary, event_ref, submitted_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(crimeId, kind, on, seal("cps_submission", crimeId, "summary", summary), eventRef, by).update();
    }

    record Action(long id, long crimeId, String crimeRef, String action, LocalDate dueOn, String ownerCode,
            LocalDate doneOn, String doneBy) {

        public boolean overdueOn(LocalDate day) {
            return doneOn == null && dueOn.isBefore(day);
        }
    }

    private Action action(ResultSet rs) throws SQLException {
        return new Action(rs.getLong("id"), rs.getLong("crime_id"), rs.getString("crime_ref"),
                open(rs, "cps_action", "action"), rs.getObject("due_on", LocalDate.class), rs.getString("owner_code"),
                rs.getObject("done_on", LocalDate.class), rs.getString("done_by"));
    }

    List<Action> actions(long crimeId) {
        return jdbc.sql("select a.id, a.crime_id, c.crime_ref, a.action, a.due_on, a.owner_code, a.done_on, a.done_by "
                        + "from cps_action a join crime c on c.id = a.crime_id where a.crime_id = ? "
                        + "order by (a.done_on is null) desc, a.due_on, a.id")
                .param(crimeId).query((rs, i) -> action(rs)).list();
    }

    void insertAction(long crimeId, String action, LocalDate due, String owner, String by) {
        jdbc.sql("insert into cps_action (crime_id, action, due_on, owner_code, created_by) values (?, ?, ?, ?, ?)")
                .params(crimeId, seal("cps_action", crimeId, "action", action), due, owner, by).update();
    }

    boolean actionDone(long crimeId, long id, LocalDate on, String by) {
        return jdbc.sql("update cps_action set done_on = ?, done_by = ? where crime_id = ? and id = ? and done_on is null")
                .params(on, by, crimeId, id).update() == 1;
    }

    /** How much casework a crime has: lines of enquiry, supervisor reviews, devices, and requests by material and status. */
    record Counts(long lines, long reviews, long devices, Map<String, Long> requests) {
    }

    Counts counts(long crimeId) {
        Map<String, Long> requests = new java.util.LinkedHashMap<>();
        jdbc.sql("select material, status, count(*) from material_request where crime_id = ? group by 1, 2 order by 1, 2")
                .param(crimeId).query(rs -> {
                    requests.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
                });
        return jdbc.sql("select (select count(*) from enquiry_line where crime_id = :c), (select count(*) from "
                        + "supervisor_review where crime_id = :c), (select count(*) from device_exhibit where crime_id = :c)")
                .param("c", crimeId).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), requests))
                .single();
    }

    // ---- Queues ------------------------------------------------------------------------------------

    /** An open crime the user may see, with what its review schedule needs. */
    record OpenCrime(long id, String crimeRef, LocalDate recordedDate, String teamCode, String officerCode,
            List<LocalDate> reviews) {
    }

    /** Open recorded crimes (no outcome) that meet the need-to-know rule, with their review dates. */
    List<OpenCrime> openCrimes(NeedToKnow.Rule rule, boolean teamsOnly, List<String> teams) {
        String sql = "select c.id, c.crime_ref, c.recorded_date, c.team_code, c.officer_code, "
                + "array(select r.reviewed_on from supervisor_review r where r.crime_id = c.id order by 1) "
                + "from crime c where c.record_type = 'crime' and c.outcome_code is null and " + rule.sql()
                + (teamsOnly ? " and c.team_code = any(:teams)" : "") + " order by c.recorded_date, c.id";
        var spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : rule.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        if (teamsOnly) {
            spec = spec.param("teams", teams.toArray(String[]::new));
        }
        return spec.query((rs, i) -> {
            List<LocalDate> reviews = new ArrayList<>();
            java.sql.Array a = rs.getArray(6);
            if (a != null) {
                for (Object o : (Object[]) a.getArray()) {
                    reviews.add(((java.sql.Date) o).toLocalDate());
                }
            }
            return new OpenCrime(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                    rs.getString(5), reviews);
        }).list();
    }

    /** A queue row about one crime: what, when, and the record it concerns. */
    record Due(long crimeId, String crimeRef, LocalDate date, String what, String ownerCode) {
    }

    private <T> List<T> queue(String sql, NeedToKnow.Rule rule, Map<String, Object> extra,
            org.springframework.jdbc.core.RowMapper<T> mapper) {
        var spec = jdbc.sql(sql.replace(":rule", rule.sql()));
        for (Map.Entry<String, Object> p : rule.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Object> p : extra.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(mapper).list();
    }

    /** Open lines of enquiry due by {@code until} owned by {@code owner} on crimes the rule allows. */
    List<Due> linesDue(NeedToKnow.Rule rule, String owner, LocalDate until) {
        return queue("select l.crime_id, c.crime_ref, l.due_on, l.description from enquiry_line l join crime c "
                        + "on c.id = l.crime_id where l.status = 'open' and l.owner_code = :owner and l.due_on <= :until "
                        + "and :rule order by l.due_on, l.id limit 500", rule, Map.of("owner", owner, "until", until),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        open(rs, "enquiry_line", "description"), owner));
    }

    List<Due> awaitingApproval(NeedToKnow.Rule rule) {
        return queue("select r.crime_id, c.crime_ref, r.requested_on, r.material, r.requested_by from material_request r "
                        + "join crime c on c.id = r.crime_id where r.status = 'awaiting_approval' and :rule "
                        + "order by r.requested_on, r.id limit 500", rule, Map.of(),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        Codes.parse(Codes.Material.class, rs.getString(4)).label(), rs.getString(5)));
    }

    List<Bail> openBail(NeedToKnow.Rule rule) {
        return queue("select " + BAIL_COLUMNS + " from bail_period b join crime c on c.id = b.crime_id "
                        + "where b.ended_on is null and :rule order by coalesce(b.expires_on, b.review_on), b.id limit 2000",
                rule, Map.of(), (rs, i) -> bail(rs));
    }

    List<Action> actionsDue(NeedToKnow.Rule rule, LocalDate until) {
        return queue("select a.id, a.crime_id, c.crime_ref, a.action, a.due_on, a.owner_code, a.done_on, a.done_by "
                        + "from cps_action a join crime c on c.id = a.crime_id where a.done_on is null "
                        + "and a.due_on <= :until and :rule order by a.due_on, a.id limit 500", rule, Map.of("until", until),
                (rs, i) -> action(rs));
    }
}
