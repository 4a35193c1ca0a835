package org.soteria.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.soteria.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the monthly joint case reviews of the police and a CPS unit (V51); the notes encrypted, bound to their crime. */
@Repository
class JointReviewRepository {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    JointReviewRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    static String context(long crimeId, String column) {
        return "joint_review_case/" + crimeId + "/" + column;
    }

    /** A month's review with one CPS unit, and how many of its cases each side has noted (of those the reader sees). */
    record Review(long id, String partnerOrg, String partnerName, LocalDate month, String openedBy,
            OffsetDateTime openedAt, long cases, long policeNoted, long cpsNoted) {
    }

    private static final String REVIEW = "select r.id, r.partner_org, o.name, r.month, r.opened_by, r.opened_at, "
            + "count(c.id) as cases, count(c.police_note) as police_noted, count(c.cps_note) as cps_noted "
            + "from joint_review r join partner_org o on o.code = r.partner_org "
            + "left join joint_review_case c on c.review_id = r.id ";

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getLong("id"), rs.getString("partner_org"), rs.getString("name"),
                rs.getObject("month", LocalDate.class), rs.getString("opened_by"),
                rs.getObject("opened_at", OffsetDateTime.class), rs.getLong("cases"), rs.getLong("police_noted"),
                rs.getLong("cps_noted"));
    }

    List<Review> reviews(int limit, int offset) {
        return jdbc.sql(REVIEW + "group by r.id, o.name order by r.month desc, o.name limit ? offset ?")
                .params(limit, offset).query((rs, i) -> review(rs)).list();
    }

    long count() {
        return jdbc.sql("select count(*) from joint_review").query(Long.class).single();
    }

    Optional<Review> review(long id) {
        return jdbc.sql(REVIEW + "where r.id = ? group by r.id, o.name").param(id).query((rs, i) -> review(rs)).optional();
    }

    boolean exists(String org, LocalDate month) {
        return jdbc.sql("select exists (select 1 from joint_review where partner_org = ? and month = ?)")
                .params(org, month).query(Boolean.class).single();
    }

    /**
     * The files shared with the unit now (a lasting share with the file, the crime open or charged and not
     * restricted), in the month's order, up to {@code size}. Read whole-force: the sample is the unit's, not the reader's.
     */
    List<Long> sample(String org, LocalDate month, int size) {
        return jdbc.sql("select c.id from investigation_crime c where c.id in (select s.crime_id from case_share s "
                        + "where s.partner_org = ? and s.ended_at is null and s.consent_withdrawn_at is null "
                        + "and 'file' = any(s.parts)) and not c.restricted "
                        + "and (c.outcome_code is null or c.outcome_group = 'charged') "
                        + "order by md5(c.id::text || ?), c.id limit ?")
                .params(org, month.toString(), size).query(Long.class).list();
    }

    long open(String force, String org, LocalDate month, List<Long> crimes, String by) {
        long id = jdbc.sql("insert into joint_review (force_code, partner_org, month, opened_by) values (?, ?, ?, ?) "
                + "returning id").params(force, org, month, by).query(Long.class).single();
        for (long crime : crimes) {
            jdbc.sql("insert into joint_review_case (review_id, crime_id) values (?, ?)").params(id, crime).update();
        }
        return id;
    }

    /** One case of a review as the reader sees it (row-level security leaves out the crimes they may not see). */
    record Case(long crimeId, String policeNote, String policeBy, OffsetDateTime policeAt, String cpsNote, String cpsBy,
            OffsetDateTime cpsAt) {
    }

    List<Case> cases(long reviewId) {
        return jdbc.sql("select crime_id, police_note, police_by, police_at, cps_note, cps_by, cps_at "
                        + "from joint_review_case where review_id = ? order by id").param(reviewId)
                .query((rs, i) -> {
                    long crime = rs.getLong("crime_id");
                    String police = rs.getString("police_note");
                    String cps = rs.getString("cps_note");
                    return new Case(crime, police == null ? null : cipher.decrypt(police, context(crime, "police_note")),
                            rs.getString("police_by"), rs.getObject("police_at", OffsetDateTime.class),
                            cps == null ? null : cipher.decrypt(cps, context(crime, "cps_note")), rs.getString("cps_by"),
                            rs.getObject("cps_at", OffsetDateTime.class));
                }).list();
    }

    /** Writes (or rewrites) one side's note on a case of the review; false when the reader may not see that case. */
    boolean note(long reviewId, long crimeId, boolean cps, String note, String by) {
        String column = cps ? "cps" : "police";
        return jdbc.sql("update joint_review_case set " + column + "_note = ?, " + column + "_by = ?, " + column
                        + "_at = now() where review_id = ? and crime_id = ?")
                .params(cipher.encrypt(note, context(crimeId, column + "_note")), by, reviewId, crimeId).update() == 1;
    }
}
