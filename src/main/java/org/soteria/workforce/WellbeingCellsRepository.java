package org.soteria.workforce;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.soteria.disclosure.Cell;
import org.soteria.disclosure.PublishedAnswers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Officers' wellbeing check-ins as the cells of a month (ADR 24): one per team, of its members when the month is
 * fixed, each team judged on its own (no force figure is shown). Check-ins are dated the day they are made, so an
 * ended month gets no new ones and nothing need be held back while months are fixed.
 */
@Repository
class WellbeingCellsRepository implements PublishedAnswers.Source {

    static final String SERIES = "wellbeing";

    private final JdbcClient jdbc;

    WellbeingCellsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String series() {
        return SERIES;
    }

    @Override
    public List<YearMonth> monthsWithAnswers(String force, YearMonth before) {
        return jdbc.sql("select distinct date_trunc('month', w.checked_on)::date from wellbeing_checkin w "
                        + "join app_user u on u.username = w.username and u.force_code = ? where w.checked_on < ? order by 1")
                .params(force, before.atDay(1)).query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list();
    }

    @Override
    public List<Cell> cells(String force, YearMonth month) {
        return jdbc.sql("select t.team_code, count(distinct w.username), count(*), sum(w.coping), sum(w.supported), "
                        + "sum(w.switch_off), sum(w.sleep), sum(w.purpose) from wellbeing_checkin w "
                        + "join app_user u on u.username = w.username and u.force_code = ? "
                        + "join user_team t on t.username = w.username and t.relation = 'member' and t.force_code = u.force_code "
                        + "where w.checked_on between ? and ? group by t.team_code order by 1")
                .params(force, month.atDay(1), month.atEndOfMonth())
                .query((rs, n) -> {
                    long count = rs.getLong(3);
                    long[] sums = new long[5];
                    for (int q = 0; q < 5; q++) {
                        sums[q] = rs.getLong(4 + q);
                    }
                    return new Cell(Cell.team(rs.getString(1)), null, rs.getInt(2), (int) count, 0, sums,
                            new long[] {count, count, count, count, count});
                }).list();
    }

    @Override
    public void holdWriters() {
        // Check-ins are dated the day they are made: an ended month receives none.
    }
}
