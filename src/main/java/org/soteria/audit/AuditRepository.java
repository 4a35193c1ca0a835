package org.soteria.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's SQL: appending under the chain lock, reading in order, checkpoints. */
@Repository
class AuditRepository {

    /** Serialises appends so that each record follows exactly one predecessor. */
    private static final long CHAIN_LOCK = 0x536f746572696131L;

    static final String COLUMNS = "seq, at, username, user_role, action, operation, object_type, object_ref, records, "
            + "justification, break_glass, source_address, request_id, detail, prev_hash, hash";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Takes the chain lock for the rest of the transaction and returns the last record's seq and hash. */
    Head lockHead() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        return jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .optional().orElse(new Head(0, AuditChain.GENESIS));
    }

    record Head(long seq, byte[] hash) {
    }

    /** Inserts records in one batch (one round trip), in the caller's transaction. */
    void insertAll(List<AuditRecord> records) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.batchUpdate("insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)", records, records.size(), (ps, r) -> {
                    ps.setLong(1, r.seq());
                    ps.setObject(2, OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC));
                    ps.setString(3, r.username());
                    ps.setString(4, r.userRole());
                    ps.setString(5, r.action());
                    ps.setString(6, r.operation());
                    ps.setString(7, r.objectType());
                    ps.setString(8, r.objectRef());
                    ps.setArray(9, ps.getConnection().createArrayOf("text", r.records().toArray()));
                    ps.setString(10, r.justification());
                    ps.setBoolean(11, r.breakGlass());
                    ps.setString(12, r.sourceAddress());
                    ps.setString(13, r.requestId());
                    ps.setString(14, r.detail());
                    ps.setBytes(15, r.prevHash());
                    ps.setBytes(16, r.hash());
                });
    }

    long count(String objectType, String objectRef, String action) {
        return jdbc.sql("select count(*) from audit_event where object_type = ? and object_ref = ? and action = ?")
                .params(objectType, objectRef, action).query(Long.class).single();
    }

    List<AuditRecord> search(AuditQuery q, int limit, int offset) {
        Where w = where(q);
        return jdbc.sql("select " + COLUMNS + " from audit_event" + w.sql() + " order by seq desc limit :limit offset :offset")
                .params(w.params()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> map(rs)).list();
    }

    long count(AuditQuery q, long cap) {
        Where w = where(q);
        return jdbc.sql("select count(*) from (select 1 from audit_event" + w.sql() + " limit :cap) x")
                .params(w.params()).param("cap", cap).query(Long.class).single();
    }

    /** Every record matching, oldest first, streamed to {@code each} (for a subject access export). */
    void forEachMatching(AuditQuery q, Consumer<AuditRecord> each) {
        Where w = where(q);
        org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named =
                new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(dataSource);
        named.getJdbcTemplate().setFetchSize(2000);
        named.query("select " + COLUMNS + " from audit_event" + w.sql() + " order by seq", w.params(),
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(map(rs)));
    }

    private record Where(String sql, java.util.Map<String, Object> params) {
    }

    private static Where where(AuditQuery q) {
        List<String> clauses = new java.util.ArrayList<>();
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        if (q.username() != null) {
            clauses.add("username = :username");
            p.put("username", q.username());
        }
        if (q.record() != null) {
            // Indexed entries through the indexer's watermark, plus the few written since (AuditIndexer).
            clauses.add("seq = any(array(select r.seq from audit_record_ref r where r.ref = :record "
                    + "and r.seq <= (select indexed_seq from audit_index_state where id = 1) "
                    + "union all select e.seq from audit_event e "
                    + "where e.seq > (select indexed_seq from audit_index_state where id = 1) "
                    + "and e.records @> array[cast(:record as text)]))");
            p.put("record", q.record());
        }
        if (q.action() != null) {
            clauses.add("action = :action");
            p.put("action", q.action().name());
        }
        if (q.from() != null) {
            clauses.add("at >= :from");
            p.put("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            clauses.add("at < :to");
            p.put("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.breakGlassOnly()) {
            clauses.add("break_glass");
        }
        return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), p);
    }

    /** Every record in chain order, streamed (call inside a transaction so the driver uses a cursor). */
    void forEach(Consumer<AuditRecord> each) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2000);
        template.query("select " + COLUMNS + " from audit_event order by seq", rs -> {
            each.accept(map(rs));
        });
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        Array records = rs.getArray("records");
        List<String> list = records == null ? List.of() : Arrays.asList((String[]) records.getArray());
        Timestamp at = rs.getTimestamp("at");
        return new AuditRecord(rs.getLong("seq"), at.toInstant(), rs.getString("username"), rs.getString("user_role"),
                rs.getString("action"), rs.getString("operation"), rs.getString("object_type"),
                rs.getString("object_ref"), list, rs.getString("justification"), rs.getBoolean("break_glass"),
                rs.getString("source_address"), rs.getString("request_id"), rs.getString("detail"),
                rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }

    Optional<byte[]> hashOf(long seq) {
        return jdbc.sql("select hash from audit_event where seq = ?").param(seq).query(byte[].class).optional();
    }

    Optional<Checkpoint> lastCheckpoint() {
        return jdbc.sql("select seq, hash, at, key_id, signature from audit_checkpoint order by seq desc limit 1")
                .query((rs, n) -> checkpoint(rs)).optional();
    }

    List<Checkpoint> checkpoints() {
        return jdbc.sql("select seq, hash, at, key_id, signature from audit_checkpoint order by seq")
                .query((rs, n) -> checkpoint(rs)).list();
    }

    void insertCheckpoint(Checkpoint c) {
        jdbc.sql("insert into audit_checkpoint (seq, hash, at, key_id, signature) values (?, ?, ?, ?, ?) "
                        + "on conflict (seq) do nothing")
                .params(c.seq(), c.hash(), OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC), c.keyId(), c.signature())
                .update();
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                rs.getBytes(5));
    }

    /** A signed statement that the log held {@code seq} records, the last with {@code hash}, at {@code at}. */
    record Checkpoint(long seq, byte[] hash, Instant at, String keyId, byte[] signature) {

        byte[] message() {
            Instant t = AuditChain.storedPrecision(at);
            String text = "soteria-audit-checkpoint;" + seq + ";" + java.util.HexFormat.of().formatHex(hash) + ";"
                    + t.getEpochSecond() + "." + String.format("%06d", t.getNano() / 1000);
            return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
