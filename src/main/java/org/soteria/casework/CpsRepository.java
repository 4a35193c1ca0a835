package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for CPS liaison: file readiness, submissions (summaries encrypted) and the action plan (actions encrypted). */
@Repository
class CpsRepository {

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    CpsRepository(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

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


    List<CpsRecords.Submission> submissions(long crimeId) {
        return jdbc.sql("select id, crime_id, kind, submitted_on, summary, submitted_by from cps_submission "
                        + "where crime_id = ? order by submitted_on desc, id desc")
                .param(crimeId).query((rs, i) -> new CpsRecords.Submission(rs.getLong("id"), rs.getLong("crime_id"),
                        rs.getString("kind"), rs.getObject("submitted_on", LocalDate.class),
                        cipher.open(rs, "cps_submission", "summary"), rs.getString("submitted_by"))).list();
    }

    void insertSubmission(long crimeId, String kind, LocalDate on, String summary, long eventRef, String by) {
        jdbc.sql("insert into cps_submission (crime_id, kind, submitted_on, summary, event_ref, submitted_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(crimeId, kind, on, cipher.seal("cps_submission", crimeId, "summary", summary), eventRef, by).update();
    }


    static CpsRecords.Action action(ResultSet rs, CaseworkCipher cipher) throws SQLException {
        return new CpsRecords.Action(rs.getLong("id"), rs.getLong("crime_id"), rs.getString("crime_ref"),
                cipher.open(rs, "cps_action", "action"), rs.getObject("due_on", LocalDate.class), rs.getString("owner_code"),
                rs.getObject("done_on", LocalDate.class), rs.getString("done_by"),
                Codes.parse(Codes.Side.class, rs.getString("owner_side")));
    }

    List<CpsRecords.Action> actions(long crimeId) {
        return jdbc.sql("select a.id, a.crime_id, c.crime_ref, a.action, a.due_on, a.owner_code, a.done_on, a.done_by, "
                        + "a.owner_side from cps_action a join investigation_crime c on c.id = a.crime_id "
                        + "where a.crime_id = ? order by (a.done_on is null) desc, a.due_on, a.id")
                .param(crimeId).query((rs, i) -> action(rs, cipher)).list();
    }

    void insertAction(long crimeId, String action, LocalDate due, Codes.Side side, String owner, String by) {
        jdbc.sql("insert into cps_action (crime_id, action, due_on, owner_side, owner_code, created_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(crimeId, cipher.seal("cps_action", crimeId, "action", action), due, side.code(), owner, by)
                .update();
    }

    /** Marks an open action of this side done; false when there is none (done already, or the other side's). */
    boolean actionDone(long crimeId, long id, Codes.Side side, LocalDate on, String by) {
        return jdbc.sql("update cps_action set done_on = ?, done_by = ? where crime_id = ? and id = ? and owner_side = ? "
                        + "and done_on is null")
                .params(on, by, crimeId, id, side.code()).update() == 1;
    }


    /** The crimes of these with a request or referral still awaiting the CPS's answer (as the reader may see them). */
    java.util.Set<Long> awaitingAnswer(Collection<Long> crimeIds) {
        return new java.util.HashSet<>(jdbc.sql("select distinct s.crime_id from cps_submission s where s.crime_id = any(?) "
                        + "and not exists (select 1 from cps_review r where r.submission_id = s.id and r.verdict <> 'accepted')")
                .param(crimeIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** How many requests and referrals the reader may see still await the CPS's answer. */
    long countAwaitingAnswer() {
        return jdbc.sql("select count(*) from cps_submission s where not exists (select 1 from cps_review r "
                + "where r.submission_id = s.id and r.verdict <> 'accepted')").query(Long.class).single();
    }

    List<CpsRecords.Review> reviews(long crimeId) {
        return jdbc.sql("select id, crime_id, submission_id, verdict, reviewed_on, note, reviewed_by from cps_review "
                        + "where crime_id = ? order by reviewed_on, id")
                .param(crimeId).query((rs, i) -> new CpsRecords.Review(rs.getLong("id"), rs.getLong("submission_id"),
                        Codes.parse(Codes.Verdict.class, rs.getString("verdict")),
                        rs.getObject("reviewed_on", LocalDate.class), cipher.open(rs, "cps_review", "note"),
                        rs.getString("reviewed_by"))).list();
    }

    void insertReview(long crimeId, long submissionId, Codes.Verdict verdict, LocalDate on, String note, Long eventRef,
            String by) {
        jdbc.sql("insert into cps_review (crime_id, submission_id, verdict, reviewed_on, note, event_ref, reviewed_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(crimeId, submissionId, verdict.code(), on, cipher.seal("cps_review", crimeId, "note", note),
                        eventRef, by).update();
    }


    List<CpsRecords.Engagement> engagements(long crimeId) {
        return jdbc.sql("select id, crime_id, engaged_on, party, started_by, summary, recorded_by from cps_engagement "
                        + "where crime_id = ? order by engaged_on desc, id desc")
                .param(crimeId).query((rs, i) -> new CpsRecords.Engagement(rs.getLong("id"),
                        rs.getObject("engaged_on", LocalDate.class), Codes.parse(Codes.Party.class, rs.getString("party")),
                        Codes.parse(Codes.Side.class, rs.getString("started_by")),
                        cipher.open(rs, "cps_engagement", "summary"), rs.getString("recorded_by"))).list();
    }

    void insertEngagement(long crimeId, LocalDate on, Codes.Party party, Codes.Side startedBy, String summary,
            String by) {
        jdbc.sql("insert into cps_engagement (crime_id, engaged_on, party, started_by, summary, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(crimeId, on, party.code(), startedBy.code(),
                        cipher.seal("cps_engagement", crimeId, "summary", summary), by).update();
    }

}
