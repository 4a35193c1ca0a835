package org.soteria.performance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.soteria.disclosure.Cell;
import org.soteria.disclosure.PublishedAnswers;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Victims' feedback as the cells of a month (ADR 24): the force, each team and each officer in the case within a
 * team, by the month each form counts in (V32). An officer's cell leaves out feedback from links that officer made
 * for their own case (issue 22); the team's and force's keep it.
 */
@Repository
@WholeForce("victims' feedback: each month's counts and score sums by force, team and officer, published only as "
        + "disclosure-controlled means")
class FeedbackCellsRepository implements PublishedAnswers.Source {

    static final String SERIES = "victim_feedback";
    private static final String SCORES = "count(distinct f.person_ref), count(*), count(*) filter (where "
            + "date_trunc('month', f.returned_date)::date <> f.counted_month), "
            + "coalesce(sum(f.dignity), 0), coalesce(sum(f.fairness), 0), coalesce(sum(f.voice), 0), "
            + "coalesce(sum(f.safety), 0), coalesce(sum(f.trust), 0), count(f.dignity), count(f.fairness), "
            + "count(f.voice), count(f.safety), count(f.trust)";

    private final JdbcClient jdbc;

    FeedbackCellsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String series() {
        return SERIES;
    }

    List<String> forces() {
        return jdbc.sql("select force_code from force order by force_code").query(String.class).list();
    }

    /**
     * The months with feedback from any force, walked along the index a month at a time (a few dozen probes, not a
     * read of every form): a month without this force's answers is then fixed empty, as it was shown.
     */
    @Override
    public List<YearMonth> monthsWithAnswers(String force, YearMonth before) {
        return jdbc.sql("with recursive m(month) as (select min(counted_month) from victim_feedback where counted_month < :b "
                        + "union all select (select min(f.counted_month) from victim_feedback f where f.counted_month > m.month "
                        + "and f.counted_month < :b) from m where m.month is not null) "
                        + "select month from m where month is not null")
                .param("b", before.atDay(1)).query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .list();
    }

    @Override
    public List<Cell> cells(String force, YearMonth month) {
        List<Cell> out = new ArrayList<>();
        jdbc.sql("select grouping(c.team_code), c.team_code, " + SCORES + " from victim_feedback f "
                        + "join investigation_crime c on c.id = f.crime_id where c.force_code = ? and f.counted_month = ? "
                        + "group by grouping sets ((), (c.team_code))")
                .params(force, month.atDay(1)).query(rs -> {
                    if (rs.getInt(1) == 1) {
                        out.add(cell(Cell.FORCE, null, rs, 3));
                    } else if (rs.getString(2) != null) {
                        out.add(cell(Cell.team(rs.getString(2)), Cell.FORCE, rs, 3));
                    }
                });
        jdbc.sql("select c.team_code, c.officer_code, " + SCORES + " from victim_feedback f "
                        + "join investigation_crime c on c.id = f.crime_id where c.force_code = ? and f.counted_month = ? "
                        + "and c.team_code is not null and c.officer_code is not null "
                        + "and f.invited_by_officer is distinct from c.officer_code "
                        + "group by c.team_code, c.officer_code")
                .params(force, month.atDay(1)).query(rs -> {
                    out.add(cell(Cell.officer(rs.getString(1), rs.getString(2)), Cell.team(rs.getString(1)), rs, 3));
                });
        return out;
    }

    private static Cell cell(String unit, String parent, ResultSet rs, int first) throws SQLException {
        long[] sums = new long[5];
        long[] answered = new long[5];
        for (int q = 0; q < 5; q++) {
            sums[q] = rs.getLong(first + 3 + q);
            answered[q] = rs.getLong(first + 8 + q);
        }
        return new Cell(unit, parent, rs.getInt(first), rs.getInt(first + 1), rs.getInt(first + 2), sums, answered);
    }

    @Override
    public void holdWriters() {
        jdbc.sql("lock table victim_feedback in share mode").update();
    }
}
