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
            List<ImportProblem> problems, java.util.Set<String> forces) {
        jdbc.sql("update import_run set finished_at = :at, status = :status, message = :message, forces = :forces, "
                        + "forces_known = true where id = :id")
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("status", status)
                .param("message", message).param("forces", forces.toArray(String[]::new)).param("id", runId).update();
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
            rows.add(new Object[] {runId, ++seq, p.file(), p.line(), p.column(), p.value(), p.reason(), p.rejection(),
                p.forceCode(), p.crimeRef()});
        }
        batch.batchUpdate("insert into import_problem (run_id, seq, file_name, line, column_name, value, reason, "
                + "rejection, force_code, crime_ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /**
     * Runs a user of {@code force} may see: those whose rows named their force, or that named none (a run that
     * failed before reading a row), and runs from before forces were recorded (their rejected values stay hidden).
     */
    private static final String RUN_VISIBLE = "(not r.forces_known or r.forces = '{}' or :force = any(r.forces)) ";

    List<ImportRunSummary> list(String force, int limit, int offset) {
        return summaries("where " + RUN_VISIBLE, force, limit, offset, null);
    }

    Optional<ImportRunSummary> find(String force, long id) {
        return summaries("where r.id = :id and " + RUN_VISIBLE, force, 1, 0, id).stream().findFirst();
    }

    private List<ImportRunSummary> summaries(String where, String force, int limit, int offset, Long id) {
        var spec = jdbc.sql("select r.id, r.started_at, r.finished_at, r.run_by, r.source, r.checksum, r.status, r.message, "
                        + "coalesce(sum(c.rows_read), 0) as rows_read, coalesce(sum(c.inserted), 0) as inserted, "
                        + "coalesce(sum(c.updated), 0) as updated, coalesce(sum(c.unchanged), 0) as unchanged, "
                        + "coalesce(sum(c.rejected), 0) as rejected from import_run r "
                        + "left join import_file_count c on c.run_id = r.id " + where + "group by r.id "
                        + "order by r.id desc limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).param("force", force);
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

    long count(String force) {
        return jdbc.sql("select count(*) from import_run r where " + RUN_VISIBLE).param("force", force)
                .query(Long.class).single();
    }

    List<FileCounts> counts(long runId) {
        return jdbc.sql("select file_name, rows_read, inserted, updated, unchanged, superseded, rejected "
                        + "from import_file_count where run_id = ? order by file_name")
                .param(runId)
                .query((rs, n) -> new FileCounts(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7)))
                .list();
    }

    /**
     * A run's problems as a user of {@code force} may read them: those of rows that named their force, or named none
     * in a bundle of their force alone. A rejected value of a run from before forces were recorded is not shown; nor
     * is anything of a row naming a restricted crime the user is not named on.
     */
    private static final String MINE = "(p.force_code = :force or (p.force_code is null and (not r.forces_known "
            + "or r.forces <@ array[cast(:force as text)]))) ";
    private static final String RESTRICTED = "(p.crime_ref is not null and restricted_for(coalesce(p.force_code, "
            + ":force), p.crime_ref, :username))";

    List<ImportProblem> problems(long runId, String force, String username, int limit, int offset) {
        return jdbc.sql("select p.file_name, p.line, p.column_name, "
                        + "case when not r.forces_known or " + RESTRICTED + " then null else p.value end, "
                        + "case when " + RESTRICTED + " then 'a row of a restricted crime: shown to its named users only' "
                        + "else p.reason end, p.rejection, p.force_code, "
                        + "case when " + RESTRICTED + " then null else p.crime_ref end "
                        + "from import_problem p join import_run r on r.id = p.run_id "
                        + "where p.run_id = :run and " + MINE + "order by p.seq limit :limit offset :offset")
                .param("run", runId).param("force", force).param("username", username).param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new ImportProblem(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    long problemCount(long runId, String force) {
        return jdbc.sql("select count(*) from import_problem p join import_run r on r.id = p.run_id "
                        + "where p.run_id = :run and " + MINE)
                .param("run", runId).param("force", force).query(Long.class).single();
    }
}
