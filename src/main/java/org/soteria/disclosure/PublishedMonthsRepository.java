package org.soteria.disclosure;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The published months of each force's series and their fixed cells (V32). The cells, small ones included, are
 * readable only by the whole-force role (V35): they leave only as the sums {@link PublishedAnswers} shows.
 */
@Repository
@WholeForce("disclosure: the kept monthly cells of people's answers, shown only as sums of cells of k people or more")
class PublishedMonthsRepository {

    private final JdbcClient jdbc;

    PublishedMonthsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<YearMonth> published(String force, String series) {
        return jdbc.sql("select month from disclosure_published_month where force_code = ? and series = ? order by month")
                .params(force, series).query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class))).list();
    }

    /** Fixes a month: its cells and the mark that it is published. False when it already was (kept as it was). */
    boolean publish(String force, String series, YearMonth month, List<Cell> cells) {
        int marked = jdbc.sql("insert into disclosure_published_month (force_code, series, month) values (?, ?, ?) "
                        + "on conflict do nothing").params(force, series, month.atDay(1)).update();
        if (marked == 0) {
            return false;
        }
        for (Cell c : cells) {
            jdbc.sql("insert into disclosure_published_cell (force_code, series, month, unit, parent, people, "
                            + "responses, late, sums, answered) values (?, ?, ?, ?, ?, ?, ?, ?, ?::bigint[], ?::bigint[])")
                    .params(force, series, month.atDay(1), c.unit(), c.parent(),
                            c.people(), c.responses(), c.late(), array(c.sums()), array(c.answered()))
                    .update();
        }
        return true;
    }

    /** Every fixed cell of a force's series, by month. */
    Map<YearMonth, List<Cell>> cells(String force, String series) {
        Map<YearMonth, List<Cell>> out = new LinkedHashMap<>();
        jdbc.sql("select month, unit, parent, people, responses, late, sums, answered from disclosure_published_cell "
                        + "where force_code = ? and series = ? order by month, unit").params(force, series)
                .query(rs -> {
                    Cell c = new Cell(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                            longs(rs.getArray(7)), longs(rs.getArray(8)));
                    out.computeIfAbsent(YearMonth.from(rs.getObject(1, LocalDate.class)), m -> new ArrayList<>()).add(c);
                });
        return out;
    }

    private static String array(long[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.append('}').toString();
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }
}
