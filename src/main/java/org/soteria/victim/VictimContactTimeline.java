package org.soteria.victim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sampled crime's contacts with its victims as a deep-dive reviewer reads them (issue 26): the day of each
 * (days since the crime was recorded), how and why, never what was said, which could name people.
 */
@Component
public class VictimContactTimeline {

    private final JdbcClient jdbc;

    VictimContactTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Each contact's day and its words as a message code with arguments, by day. */
    @WholeForce("deep dive: a sampled crime's contacts with its victims as days, channels and purposes, for "
            + "reviewers who read it pseudonymised")
    public List<Map.Entry<Integer, String>> of(long crimeId, LocalDate recorded) {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        jdbc.sql("select (occurred_at at time zone 'Europe/London')::date - :r, channel, purpose from victim_contact "
                        + "where crime_id = :c order by occurred_at, id")
                .param("c", crimeId).param("r", recorded).query(rs -> {
                    out.add(Map.entry(rs.getInt(1), Fault.of("ddFile.contact", rs.getInt(1),
                            "~choice.ContactChannel." + rs.getString(2), "~choice.Purpose." + rs.getString(3))));
                });
        return out;
    }
}
