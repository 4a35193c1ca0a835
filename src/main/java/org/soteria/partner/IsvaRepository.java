package org.soteria.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.soteria.platform.FieldCipher;
import org.soteria.reference.Coded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for what ISVAs record beside the victim and the milestones they pass on (V50); the notes and answers are
 * encrypted, bound to their crime and column. Row-level security decides whose rows a query sees: an officer's
 * need-to-know, or a partner user's own organisation within a lasting share of the victim's part.
 */
@Repository
class IsvaRepository {

    /** Key events from this many days before a case was first shared with a service are milestones to pass on. */
    static final int MILESTONES_FROM_DAYS_BEFORE_SHARING = 28;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    IsvaRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static String context(long crimeId, String column) {
        return "isva_note/" + crimeId + "/" + column;
    }

    /** A note of an adviser's: a support contact, a concern, or a question, with the officer's acknowledgement or answer. */
    record Note(long id, long crimeId, String crimeRef, String partnerOrg, String partnerName, IsvaNotes.Kind kind, IsvaNotes.Concern concern,
            IsvaNotes.Channel channel, LocalDate notedOn, String note, String recordedBy, String seenBy,
            OffsetDateTime seenAt, String answer, String answeredBy, OffsetDateTime answeredAt) {

        /** Whether an officer has still to act on it: a concern not yet seen, a question not yet answered. */
        public boolean waiting() {
            return kind == IsvaNotes.Kind.CONCERN && seenAt == null || kind == IsvaNotes.Kind.QUESTION && answer == null;
        }
    }

    private static final String NOTE = "select n.*, c.crime_ref, o.name as partner_name from isva_note n "
            + "join investigation_crime c on c.id = n.crime_id join partner_org o on o.code = n.partner_org ";

    private Note note(ResultSet rs, boolean withSupportText) throws SQLException {
        long crime = rs.getLong("crime_id");
        IsvaNotes.Kind kind = Coded.parse(IsvaNotes.Kind.class, rs.getString("kind")).orElseThrow();
        String stored = rs.getString("note");
        String answer = rs.getString("answer");
        return new Note(rs.getLong("id"), crime, rs.getString("crime_ref"), rs.getString("partner_org"),
                rs.getString("partner_name"), kind,
                Coded.parse(IsvaNotes.Concern.class, rs.getString("concern")).orElse(null),
                Coded.parse(IsvaNotes.Channel.class, rs.getString("channel")).orElse(null),
                rs.getObject("noted_on", LocalDate.class),
                kind == IsvaNotes.Kind.SUPPORT && !withSupportText ? null : cipher.decrypt(stored, context(crime, "note")),
                rs.getString("recorded_by"), rs.getString("seen_by"), rs.getObject("seen_at", OffsetDateTime.class),
                answer == null ? null : cipher.decrypt(answer, context(crime, "answer")), rs.getString("answered_by"),
                rs.getObject("answered_at", OffsetDateTime.class));
    }

    /**
     * A crime's notes, newest first. {@code withSupportText}: whether a support contact's note is read (the adviser's
     * service) or left sealed (officers see that and when, not what).
     */
    List<Note> notes(long crimeId, boolean withSupportText) {
        return jdbc.sql(NOTE + "where n.crime_id = ? order by n.noted_on desc, n.id desc").param(crimeId)
                .query((rs, i) -> note(rs, withSupportText)).list();
    }

    /** Concerns not yet seen and questions not yet answered, of the crimes the officer may see, oldest first. */
    List<Note> waiting(int limit) {
        return jdbc.sql(NOTE + "where (n.kind = 'concern' and n.seen_at is null) or (n.kind = 'question' and n.answer is null) "
                        + "order by n.recorded_at, n.id limit ?").param(limit)
                .query((rs, i) -> note(rs, false)).list();
    }

    long countWaiting() {
        return jdbc.sql("select count(*) from isva_note n where (n.kind = 'concern' and n.seen_at is null) "
                + "or (n.kind = 'question' and n.answer is null)").query(Long.class).single();
    }

    long insert(long crimeId, String org, IsvaNotes.Kind kind, IsvaNotes.Concern concern, IsvaNotes.Channel channel,
            LocalDate on, String note, String by) {
        return jdbc.sql("insert into isva_note (crime_id, partner_org, kind, concern, channel, noted_on, note, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(crimeId, org, kind.code(), concern == null ? null : concern.code(),
                        channel == null ? null : channel.code(), on, cipher.encrypt(note, context(crimeId, "note")), by)
                .query(Long.class).single();
    }

    boolean seen(long crimeId, long noteId, String by) {
        return jdbc.sql("update isva_note set seen_by = ?, seen_at = now() where crime_id = ? and id = ? "
                + "and kind = 'concern' and seen_at is null").params(by, crimeId, noteId).update() == 1;
    }

    boolean answer(long crimeId, long noteId, String answer, String by) {
        return jdbc.sql("update isva_note set answer = ?, answered_by = ?, answered_at = now() where crime_id = ? "
                        + "and id = ? and kind = 'question' and answer is null")
                .params(cipher.encrypt(answer, context(crimeId, "answer")), by, crimeId, noteId).update() == 1;
    }

    /** A key event of a crime shared with the service, and whether an adviser has passed it on to the victim. */
    record Milestone(long eventId, long crimeId, String crimeRef, String eventType, OffsetDateTime occurredAt,
            String passedOnBy, OffsetDateTime passedOnAt) {
    }

    private static final String MILESTONES = "select e.id, e.crime_id, c.crime_ref, e.event_type, e.occurred_at, "
            + "m.passed_on_by, m.passed_on_at from investigation_event e join investigation_crime c on c.id = e.crime_id "
            + "left join milestone_passed_on m on m.event_id = e.id and m.partner_org = :org "
            + "where e.event_type = any(:types) and e.occurred_at >= (select min(s.shared_at) from case_share s "
            + "where s.crime_id = e.crime_id and s.partner_org = :org and s.ended_at is null "
            + "and s.consent_withdrawn_at is null and 'key_dates' = any(s.parts)) - make_interval(days => :days) ";

    private static Milestone milestone(ResultSet rs) throws SQLException {
        return new Milestone(rs.getLong("id"), rs.getLong("crime_id"), rs.getString("crime_ref"),
                rs.getString("event_type"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("passed_on_by"),
                rs.getObject("passed_on_at", OffsetDateTime.class));
    }

    /** A crime's milestones for the service, newest first. */
    List<Milestone> milestones(String org, long crimeId, String[] types) {
        return jdbc.sql(MILESTONES + "and e.crime_id = :crime order by e.occurred_at desc, e.id desc")
                .param("org", org).param("types", types).param("days", MILESTONES_FROM_DAYS_BEFORE_SHARING)
                .param("crime", crimeId).query((rs, i) -> milestone(rs)).list();
    }

    /** The service's milestones not yet passed on, oldest first, a page at a time. */
    List<Milestone> toPassOn(String org, String[] types, int limit, int offset) {
        return jdbc.sql(MILESTONES + "and m.event_id is null order by e.occurred_at, e.id limit :limit offset :offset")
                .param("org", org).param("types", types).param("days", MILESTONES_FROM_DAYS_BEFORE_SHARING)
                .param("limit", limit).param("offset", offset).query((rs, i) -> milestone(rs)).list();
    }

    long countToPassOn(String org, String[] types) {
        return jdbc.sql("select count(*) from (" + MILESTONES + "and m.event_id is null) t")
                .param("org", org).param("types", types).param("days", MILESTONES_FROM_DAYS_BEFORE_SHARING)
                .query(Long.class).single();
    }

    boolean passOn(String org, long crimeId, long eventId, String by) {
        return jdbc.sql("insert into milestone_passed_on (event_id, crime_id, partner_org, passed_on_by) "
                        + "select e.id, e.crime_id, :org, :by from investigation_event e where e.id = :event "
                        + "and e.crime_id = :crime on conflict do nothing")
                .param("org", org).param("by", by).param("event", eventId).param("crime", crimeId).update() == 1;
    }
}
