package org.soteria.exchange;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import runs, their counts per file and their problems. */
@Repository
class ImportRunRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ImportRunRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long start(Instant at, String runBy, String source, String checksum) {
        return jdbc.sql("insert into import_run (started_at, run_by, source, checksum, status) "
                        + "values (:at, :by, :source, :checksum, 'running') returning id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("by", runBy).param("source", source)
                .param("checksum", checksum).query(Long.class).single();
    }

    void finish(long runId, Instant at, String status, String message, List<FileCounts> counts,
            List<ImportProblem> problems) {
        jdbc.sql("update import_run set finished_at = :at, status = :status, message = :message where id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("status", status)
                .param("message", message).param("id", runId).update();
        for (FileCounts c : counts) {
            jdbc.sql("insert into import_file_count (run_id, file_name, rows_read, inserted, updated, unchanged, "
                            + "superseded, rejected) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(runId, c.file(), c.rowsRead(), c.inserted(), c.updated(), c.unchanged(), c.superseded(),
                            c.rejected()).update();
        }
        // A bundle can have hundreds of thousands of rejected rows: write them in batches, not a statement each.
        List<Object[]> rows = new java.util.ArrayList<>(problems.size());
        int seq = 0;
        for (ImportProblem p : problems) {
            rows.add(new Object[] {runId, ++seq, p.file(), p.line(), p.column(), p.value(), p.reason(), p.rejection()});
        }
        batch.batchUpdate("insert into import_problem (run_id, seq, file_name, line, column_name, value, reason, "
                + "rejection) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    List<ImportRunSummary> list(int limit, int offset) {
        return summaries("", limit, offset, null);
    }

    Optional<ImportRunSummary> find(long id) {
        return summaries("where r.id = :id ", 1, 0, id).stream().findFirst();
    }

    private List<ImportRunSummary> summaries(String where, int limit, int offset, Long id) {
        var spec = jdbc.sql("select r.id, r.started_at, r.finished_at, r.run_by, r.source, r.checksum, r.status, r.message, "
                        + "coalesce(sum(c.rows_read), 0) as rows_read, coalesce(sum(c.inserted), 0) as inserted, "
                        + "coalesce(sum(c.updated), 0) as updated, coalesce(sum(c.unchanged), 0) as unchanged, "
                        + "coalesce(sum(c.rejected), 0) as rejected from import_run r "
                        + "left join import_file_count c on c.run_id = r.id " + where + "group by r.id "
                        + "order by r.id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset);
        if (id != null) {
            spec = spec.param("id", id);
        }
        return spec.query((rs, n) -> new ImportRunSummary(rs.getLong("id"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("finished_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getString("run_by"), rs.getString("source"), rs.getString("checksum"), rs.getString("status"),
                        rs.getString("message"), rs.getLong("rows_read"), rs.getLong("inserted"),
                        rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected")))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from import_run").query(Long.class).single();
    }

    List<FileCounts> counts(long runId) {
        return jdbc.sql("select file_name, rows_read, inserted, updated, unchanged, superseded, rejected "
                        + "from import_file_count where run_id = ? order by file_name")
                .param(runId)
                .query((rs, n) -> new FileCounts(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    List<ImportProblem> problems(long runId, int limit, int offset) {
        return jdbc.sql("select file_name, line, column_name, value, reason, rejection from import_problem "
                        + "where run_id = ? order by seq limit ? offset ?")
                .params(runId, limit, offset)
                .query((rs, n) -> new ImportProblem(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .list();
    }

    long problemCount(long runId) {
        return jdbc.sql("select count(*) from import_problem where run_id = ?").param(runId).query(Long.class).single();
    }
}
