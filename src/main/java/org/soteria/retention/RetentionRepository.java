package org.soteria.retention;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The records of a force as MoPI review sees them, the review decisions, and deletion. */
@Repository
@WholeForce("retention: the records manager reviews every record of the force under MoPI; the queue and the review "
        + "page show crime references, offences, dates and counts, never a person, and deletion removes the record")
class RetentionRepository {

    /** When a crime falls due: its last decision to retain, else one review interval after it was recorded. */
    private static final String DUE = "coalesce(l.next_review, (c.recorded_date + make_interval(years => case "
            + "coalesce(oc.mopi_group, 2) " + java.util.Arrays.stream(MopiGroup.values()).map(g -> "when " + g.number()
                    + " then " + g.reviewYears() + " ").collect(java.util.stream.Collectors.joining()) + "end))::date)";
    private static final String FROM = "from investigation_crime c left join offence_code oc on oc.code = c.offence_code "
            + "left join lateral (select d.next_review, d.decided_at from retention_decision d where d.crime_id = c.id "
            + "and d.decision = 'retain' order by d.decided_at desc limit 1) l on true ";

    /**
     * Every due record was recorded at least the shortest review interval of the offence codes in use before the day
     * it is due by: its first review is one interval after recording, and a later one follows a decision taken after
     * recording. Said outright, so that the crimes' recording-date index leaves the recent years unread (at a million
     * crimes over ten years, all Group 1, the queue reads 18,000 crimes instead of 420,000; docs/benchmarks.md).
     */
    private static final String OLD_ENOUGH = "c.recorded_date <= (cast(:by as date) - make_interval(years => (select "
            + "coalesce(min(case mopi_group " + java.util.Arrays.stream(MopiGroup.values()).map(g -> "when "
                    + g.number() + " then " + g.reviewYears() + " ").collect(java.util.stream.Collectors.joining())
            + "end), 0) from offence_code)))::date ";

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A crime record due for review (or about to be). */
    record Due(long crimeId, String crimeRef, String offenceCode, String offenceGroup, LocalDate recorded,
            MopiGroup group, LocalDate due, LocalDate lastReviewed) {
    }

    List<Due> due(String force, LocalDate by, int limit, int offset) {
        return jdbc.sql("select c.id, c.crime_ref, c.offence_code, c.offence_group, c.recorded_date, "
                        + "coalesce(oc.mopi_group, 2), " + DUE + " as due, l.decided_at " + FROM
                        + "where c.force_code = :force and " + OLD_ENOUGH + "and " + DUE + " <= :by "
                        + "order by due, c.id limit :limit offset :offset")
                .param("force", force).param("by", Date.valueOf(by)).param("limit", limit).param("offset", offset)
                .query(RetentionRepository::due)
                .list();
    }

    private static Due due(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                MopiGroup.of(rs.getInt(6)), rs.getDate(7).toLocalDate(),
                rs.getObject(8) == null ? null : rs.getObject(8, OffsetDateTime.class).toLocalDate());
    }

    long countDue(String force, LocalDate by) {
        return jdbc.sql("select count(*) " + FROM + "where c.force_code = :force and " + OLD_ENOUGH + "and " + DUE
                        + " <= :by")
                .param("force", force).param("by", Date.valueOf(by)).query(Long.class).single();
    }

    /** One crime of the force as the review page shows it. */
    record Held(Due record, String outcomeCode, long people, long events, List<String> suspectsBirthDates) {
    }

    Optional<Held> held(String force, long crimeId) {
        Optional<Due> due = jdbc.sql("select c.id, c.crime_ref, c.offence_code, c.offence_group, c.recorded_date, "
                        + "coalesce(oc.mopi_group, 2), " + DUE + " as due, l.decided_at " + FROM
                        + "where c.force_code = :force and c.id = :id")
                .param("force", force).param("id", crimeId)
                .query(RetentionRepository::due)
                .optional();
        return due.map(d -> new Held(d,
                jdbc.sql("select outcome_code from investigation_crime where id = :id").param("id", crimeId).query(String.class)
                        .optional().orElse(null),
                jdbc.sql("select count(distinct person_ref) from investigation_case_person where crime_id = :id").param("id", crimeId)
                        .query(Long.class).single(),
                jdbc.sql("select count(*) from investigation_event where crime_id = :id").param("id", crimeId).query(Long.class)
                        .single(),
                jdbc.sql("select p.date_of_birth from investigation_case_person cp join investigation_person p on p.id = cp.person_ref "
                                + "where cp.crime_id = :id and cp.role = 'suspect' and p.date_of_birth is not null")
                        .param("id", crimeId).query(String.class).list()));
    }

    /** A decision taken on a crime's record. */
    record Decision(long id, long crimeId, MopiGroup group, String decision, String reason, LocalDate nextReview,
            String decidedBy, OffsetDateTime decidedAt) {
    }

    List<Decision> decisions(String force, long crimeId) {
        return jdbc.sql("select id, crime_id, mopi_group, decision, reason, next_review, decided_by, decided_at "
                        + "from retention_decision where force_code = :force and crime_id = :id order by decided_at desc")
                .param("force", force).param("id", crimeId).query(RetentionRepository::decision).list();
    }

    List<Decision> recent(String force, int limit, int offset) {
        return jdbc.sql("select id, crime_id, mopi_group, decision, reason, next_review, decided_by, decided_at "
                        + "from retention_decision where force_code = :force order by decided_at desc, id desc "
                        + "limit :limit offset :offset")
                .param("force", force).param("limit", limit).param("offset", offset)
                .query(RetentionRepository::decision).list();
    }

    long countDecisions(String force) {
        return jdbc.sql("select count(*) from retention_decision where force_code = :force").param("force", force)
                .query(Long.class).single();
    }

    private static Decision decision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Decision(rs.getLong(1), rs.getLong(2), MopiGroup.of(rs.getInt(3)), rs.getString(4), rs.getString(5),
                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class));
    }

    long decide(String force, long crimeId, MopiGroup group, String decision, String reason, LocalDate nextReview,
            String by) {
        return jdbc.sql("insert into retention_decision (force_code, crime_id, mopi_group, decision, reason, next_review, "
                        + "decided_by) values (:force, :crime, :group, :decision, :reason, :next, :by) returning id")
                .param("force", force).param("crime", crimeId).param("group", group.number())
                .param("decision", decision).param("reason", reason)
                .param("next", nextReview == null ? null : Date.valueOf(nextReview)).param("by", by)
                .query(Long.class).single();
    }

    /** What a deletion leaves: the deleted crimes by the month they were recorded, by offence group. */
    record Deleted(LocalDate month, String offenceGroup, long crimes) {
    }

    List<Deleted> deletedByMonth(String force) {
        return jdbc.sql("select recorded_month, offence_group, count(*) from retention_deletion where force_code = :force "
                        + "group by recorded_month, offence_group order by recorded_month desc, offence_group")
                .param("force", force)
                .query((rs, n) -> new Deleted(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3))).list();
    }

    /** Records what a deletion leaves: the tombstone, and a measures change so that the figures drop the crime. */
    void tombstone(String force, Held held, long decisionId, LocalDate today, int people, int rows) {
        jdbc.sql("insert into retention_deletion (decision_id, force_code, offence_group, recorded_month, deleted_on, "
                        + "people_deleted, rows_deleted) values (:d, :force, :group, :month, :today, :people, :rows)")
                .param("d", decisionId).param("force", force).param("group", held.record().offenceGroup())
                .param("month", Date.valueOf(held.record().recorded().withDayOfMonth(1)))
                .param("today", Date.valueOf(today)).param("people", people).param("rows", rows).update();
        jdbc.sql("insert into measure_change (crime_id) values (:id)").param("id", held.record().crimeId()).update();
    }
}
