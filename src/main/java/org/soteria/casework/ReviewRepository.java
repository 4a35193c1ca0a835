package org.soteria.casework;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for supervisor reviews (directions encrypted). */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    ReviewRepository(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

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
                        cipher.open(rs, "supervisor_review", "directions"))).list();
    }

    void insertReview(long crimeId, LocalDate on, String reviewer, Codes.Answer suspectFocus, Codes.Answer victim,
            Codes.Answer proportionality, Codes.Answer bail, String directions) {
        jdbc.sql("insert into supervisor_review (crime_id, reviewed_on, reviewer, suspect_focus, victim_engagement, "
                        + "proportionality, bail_status, directions) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(crimeId, on, reviewer, suspectFocus.code(), victim.code(), proportionality.code(), bail.code(),
                        cipher.seal("supervisor_review", crimeId, "directions", directions)).update();
    }
}
