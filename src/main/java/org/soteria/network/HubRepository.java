package org.soteria.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.soteria.pprl.BloomEncoder;
import org.soteria.pprl.Matcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hub's SQL: registered forces, files received, published counts, encodings and the pairs found. */
@Repository
class HubRepository {

    private final JdbcClient jdbc;

    HubRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A force known to the hub. */
    record HubForce(String code, String name, String publicKey, String contact, String peerGroup, String status,
            OffsetDateTime requestedAt, String decidedBy, long lastSequence, java.time.LocalDate joinedOn) {

        public String fingerprint() {
            return Signing.fingerprint(publicKey);
        }

        public boolean approved() {
            return "approved".equals(status);
        }
    }

    private static HubForce force(ResultSet rs, int i) throws SQLException {
        return new HubForce(rs.getString("force_code"), rs.getString("name"), rs.getString("public_key"),
                rs.getString("contact"), rs.getString("peer_group"), rs.getString("status"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decided_by"),
                rs.getLong("last_sequence"), rs.getObject("joined_on", java.time.LocalDate.class));
    }

    List<HubForce> forces() {
        return jdbc.sql("select * from hub_force order by case status when 'pending' then 0 else 1 end, name")
                .query(HubRepository::force).list();
    }

    Optional<HubForce> force(String code) {
        return jdbc.sql("select * from hub_force where force_code = ?").param(code).query(HubRepository::force)
                .optional();
    }

    void upsertRequest(Messages.Registration r) {
        jdbc.sql("insert into hub_force (force_code, name, public_key, contact) values (?, ?, ?, ?) "
                + "on conflict (force_code) do update set name = excluded.name, public_key = excluded.public_key, "
                + "contact = excluded.contact, status = 'pending', requested_at = now(), decided_by = null, "
                + "decided_at = null")
                .params(r.force(), r.name(), r.publicKey(), r.contact()).update();
    }

    void decide(String code, String status, String peerGroup, String by) {
        jdbc.sql("update hub_force set status = ?, peer_group = ?, decided_by = ?, decided_at = now() "
                + "where force_code = ?").params(status, peerGroup, by, code).update();
    }

    /** Records the day the force joined Operation Soteria (null: not joined, or not known). */
    void joined(String code, java.time.LocalDate on) {
        jdbc.sql("update hub_force set joined_on = ? where force_code = ?").params(on, code).update();
    }

    List<String> peerGroups() {
        return jdbc.sql("select distinct peer_group from hub_force where peer_group is not null order by 1")
                .query(String.class).list();
    }

    /** Moves a force's sequence on, only if the new one is higher (false: a replay got here first). */
    boolean advance(String code, long sequence) {
        return jdbc.sql("update hub_force set last_sequence = ? where force_code = ? and last_sequence < ?")
                .params(sequence, code, sequence).update() == 1;
    }

    long receipt(String sender, String kind, Long sequence, String envelopeId, String via, boolean accepted,
            String reason, String by) {
        return jdbc.sql("insert into hub_receipt (sender, kind, sequence, envelope_id, via, accepted, reason, "
                + "received_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(sender, kind, sequence, envelopeId, via, accepted, reason, by).query(Long.class).single();
    }

    boolean acceptedBefore(String envelopeId) {
        return jdbc.sql("select exists (select 1 from hub_receipt where envelope_id = ? and accepted)")
                .param(envelopeId).query(Boolean.class).single();
    }

    /** A file the hub received. */
    record Receipt(long id, OffsetDateTime receivedAt, String sender, String kind, Long sequence, String via,
            boolean accepted, String reason, String receivedBy) {
    }

    List<Receipt> receipts(String sender, int offset, int limit) {
        return jdbc.sql("select id, received_at, sender, kind, sequence, via, accepted, reason, received_by "
                + "from hub_receipt where (cast(? as text) is null or sender = ?) order by id desc offset ? limit ?")
                .params(sender, sender, offset, limit)
                .query((rs, i) -> new Receipt(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getBoolean(7), rs.getString(8),
                        rs.getString(9))).list();
    }

    /**
     * The national coordinator's work: registrations to decide, member forces with no accepted file in
     * {@value #SILENT_DAYS} days (a force sends its benchmark monthly), files refused in the last
     * {@value #REFUSED_DAYS} days, and the forces in the network.
     */
    record Oversight(long waiting, long silent, long refused, long members) {
    }

    static final int SILENT_DAYS = 45;
    static final int REFUSED_DAYS = 7;

    Oversight oversight() {
        return jdbc.sql("select (select count(*) from hub_force where status = 'pending'), "
                        + "(select count(*) from hub_force f where f.status = 'approved' and not exists (select 1 from "
                        + "hub_receipt r where r.sender = f.force_code and r.accepted "
                        + "and r.received_at >= now() - make_interval(days => :silent))), "
                        + "(select count(*) from hub_receipt where not accepted "
                        + "and received_at >= now() - make_interval(days => :refused)), "
                        + "(select count(*) from hub_force where status = 'approved')")
                .param("silent", SILENT_DAYS).param("refused", REFUSED_DAYS)
                .query((rs, n) -> new Oversight(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    long receiptCount(String sender) {
        return jdbc.sql("select count(*) from hub_receipt where (cast(? as text) is null or sender = ?)")
                .params(sender, sender).query(Long.class).single();
    }

    /**
     * Takes a force's new release: its quarters (and its total over them) replace what the force sent for them before;
     * older quarters a rolling release no longer carries are kept, so the hub's series grows as the force's history
     * does (issue 28: evaluation across forces wants every quarter since each joined). Every cell kept was published.
     */
    void replaceBenchmark(String force, BenchmarkBundle b, long receipt) {
        List<String> rows = new ArrayList<>(b.quarters());
        rows.add(SmallNumbers.TOTAL);
        jdbc.sql("delete from hub_benchmark where force_code = ? and quarter = any(?::text[])")
                .params(force, rows.toArray(String[]::new)).update();
        for (java.util.Map.Entry<String, List<List<String>>> table : b.tables().entrySet()) {
            String m = table.getKey();
            List<List<String>> grid = table.getValue();
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c <= b.groups().size(); c++) {
                    String group = c < b.groups().size() ? b.groups().get(c) : BenchmarkBundle.ALL_GROUPS;
                    jdbc.sql("insert into hub_benchmark (force_code, quarter, offence_group, measure, shown, "
                            + "receipt_id) values (?, ?, ?, ?, ?, ?)")
                            .params(force, rows.get(r), group, m, grid.get(r).get(c), receipt).update();
                }
            }
        }
    }

    /** The force-wide figures of a bundle (ADR 38), kept as cells of all offence groups, one a quarter. */
    void addForceFigures(String force, BenchmarkBundle b, long receipt) {
        b.force().forEach((m, cells) -> {
            for (int q = 0; q < cells.size(); q++) {
                jdbc.sql("insert into hub_benchmark (force_code, quarter, offence_group, measure, shown, receipt_id) "
                        + "values (?, ?, ?, ?, ?, ?)").params(force, b.quarters().get(q), BenchmarkBundle.ALL_GROUPS, m,
                        cells.get(q), receipt).update();
            }
        });
    }

    /** One published cell. */
    record Cell(String force, String quarter, String group, String measure, String shown) {
    }

    /** Every force's cells of one offence group (or "all"), every quarter and the total. */
    List<Cell> cells(String group) {
        return jdbc.sql("select force_code, quarter, offence_group, measure, shown from hub_benchmark "
                + "where offence_group = ? order by force_code, quarter")
                .param(group)
                .query((rs, i) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    List<Cell> cellsOf(String force) {
        return jdbc.sql("select force_code, quarter, offence_group, measure, shown from hub_benchmark "
                + "where force_code = ?").param(force)
                .query((rs, i) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    List<String> quarters() {
        return jdbc.sql("select distinct quarter from hub_benchmark where quarter <> ? order by 1")
                .param(SmallNumbers.TOTAL).query(String.class).list();
    }

    void replaceEncodings(String force, String keyId, List<Matcher.Encoded> records) {
        jdbc.sql("delete from hub_match where force_a = ? or force_b = ?").params(force, force).update();
        jdbc.sql("delete from hub_encoding where force_code = ?").param(force).update();
        for (Matcher.Encoded e : records) {
            jdbc.sql("insert into hub_encoding (force_code, token, key_id, filters) values (?, ?, ?, ?)")
                    .params(force, e.token(), keyId, BloomEncoder.toBase64(e.filters())
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII)).update();
        }
    }

    /** Every other approved force's encodings made under the same shared secret, by force. */
    java.util.Map<String, List<Matcher.Encoded>> otherEncodings(String force, String keyId) {
        java.util.Map<String, List<Matcher.Encoded>> out = new java.util.TreeMap<>();
        jdbc.sql("select e.force_code, e.token, e.filters from hub_encoding e join hub_force f using (force_code) "
                + "where e.force_code <> ? and e.key_id = ? and f.status = 'approved' order by e.force_code, e.token")
                .params(force, keyId).query((rs, i) -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Matcher.Encoded(
                            rs.getString(2), BloomEncoder.fromBase64(new String(rs.getBytes(3),
                                    java.nio.charset.StandardCharsets.US_ASCII))));
                    return null;
                }).list();
        return out;
    }

    void addMatch(String forceA, String tokenA, String forceB, String tokenB, double score) {
        jdbc.sql("insert into hub_match (force_a, token_a, force_b, token_b, score) values (?, ?, ?, ?, ?) "
                + "on conflict do nothing").params(forceA, tokenA, forceB, tokenB, score).update();
    }

    /** The pairs found that involve a force, seen from its side: its token, the other force, the score. */
    List<Messages.Notices.Notice> noticesFor(String force) {
        return jdbc.sql("select m.token_a, m.force_b, f.name, f.contact, m.score, m.found_at from hub_match m "
                + "join hub_force f on f.force_code = m.force_b where m.force_a = ? "
                + "union all select m.token_b, m.force_a, f.name, f.contact, m.score, m.found_at from hub_match m "
                + "join hub_force f on f.force_code = m.force_a where m.force_b = ? order by 2, 1")
                .params(force, force)
                .query((rs, i) -> new Messages.Notices.Notice(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDouble(5), rs.getObject(6, OffsetDateTime.class).toInstant().toString()))
                .list();
    }

    /** How many pairs the hub holds between each two forces (no tokens), for the national team. */
    record PairCount(String forceA, String forceB, long pairs) {
    }

    List<PairCount> pairCounts() {
        return jdbc.sql("select force_a, force_b, count(*) from hub_match group by 1, 2 order by 1, 2")
                .query((rs, i) -> new PairCount(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    long encodingCount(String force) {
        return jdbc.sql("select count(*) from hub_encoding where force_code = ?").param(force).query(Long.class)
                .single();
    }

    /** Keeps a force's audit checkpoint unless the hub holds a later one; returns the one it holds now. */
    Messages.Checkpoint keepCheckpoint(String force, Messages.Checkpoint c) {
        jdbc.sql("insert into hub_checkpoint (force_code, seq, hash, at, key_id, signature) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (force_code) do update set seq = excluded.seq, hash = excluded.hash, "
                        + "at = excluded.at, key_id = excluded.key_id, signature = excluded.signature, "
                        + "received_at = now() where hub_checkpoint.seq < excluded.seq")
                .params(force, c.seq(), c.hash(), c.at(), c.keyId(), c.signature()).update();
        return checkpoint(force).orElseThrow();
    }

    java.util.Optional<Messages.Checkpoint> checkpoint(String force) {
        return jdbc.sql("select seq, hash, at, key_id, signature from hub_checkpoint where force_code = ?").param(force)
                .query((rs, n) -> new Messages.Checkpoint(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }
}
