package org.soteria.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the casework of a crime says in words (issue 26: the case file for police reviewers): lines of enquiry and
 * their results, supervisors' directions, the reasons for requests for the victim's material, what was sent to the CPS
 * and its answers, each with its day counted from recording. Read under need-to-know like every casework table, and
 * given as written: the caller replaces what could identify anyone before anyone reads it.
 */
@Service
public class CaseworkTexts {

    /** A piece of the file's text: its day from recording, what kind of record it is from, and the text. */
    public record Text(int day, String source, String text) {
    }

    private record Source(String table, String column, String day, String source) {
    }

    private static final List<Source> SOURCES = List.of(
            new Source("enquiry_line", "description", "(created_at at time zone 'Europe/London')::date", "line"),
            new Source("enquiry_line", "result", "closed_on", "lineResult"),
            new Source("supervisor_review", "directions", "reviewed_on", "review"),
            new Source("material_request", "justification", "requested_on", "request"),
            new Source("cps_submission", "summary", "submitted_on", "cps"),
            new Source("cps_review", "note", "reviewed_on", "cpsAnswer"));

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    CaseworkTexts(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Text> of(long crimeId, LocalDate recorded) {
        List<Text> out = new ArrayList<>();
        for (Source s : SOURCES) {
            jdbc.sql("select crime_id, " + s.day() + " - ? as day, " + s.column() + " from " + s.table()
                    + " where crime_id = ? and " + s.column() + " is not null").params(recorded, crimeId)
                    .query((rs, n) -> new Text(rs.getInt("day"), s.source(), cipher.open(rs, s.table(), s.column())))
                    .list().forEach(out::add);
        }
        out.sort(Comparator.comparingInt(Text::day));
        return out;
    }
}
