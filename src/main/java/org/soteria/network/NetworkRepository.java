package org.soteria.network;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A force's SQL for the network: the hub it belongs to, what it signed, its tokens and the notices received. */
@Repository
class NetworkRepository {

    private final JdbcClient jdbc;

    NetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The force's link to its hub. */
    record Link(String hubUrl, String hubPublicKey, String contact, String status, OffsetDateTime registeredAt,
            String linkageSecret, String keyId, long nextSequence) {

        static final Link NONE = new Link(null, null, null, "not_registered", null, null, null, 1);

        public String hubFingerprint() {
            return hubPublicKey == null ? null : Signing.fingerprint(hubPublicKey);
        }
    }

    Link link() {
        return jdbc.sql("select hub_url, hub_public_key, contact, registration_status, registered_at, linkage_secret, "
                + "linkage_key_id, next_sequence from network_link where id = 1")
                .query((rs, i) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getLong(8)))
                .optional().orElse(Link.NONE);
    }

    void saveSettings(String hubUrl, String contact, String secret, String keyId, String by) {
        jdbc.sql("insert into network_link (id, hub_url, contact, linkage_secret, linkage_key_id, updated_by, updated_at) "
                + "values (1, ?, ?, ?, ?, ?, now()) on conflict (id) do update set "
                + "registration_status = case when network_link.hub_url is distinct from excluded.hub_url "
                + "then 'not_registered' else network_link.registration_status end, "
                + "hub_public_key = case when network_link.hub_url is distinct from excluded.hub_url "
                + "then null else network_link.hub_public_key end, "
                + "hub_url = excluded.hub_url, contact = excluded.contact, "
                + "linkage_secret = coalesce(excluded.linkage_secret, network_link.linkage_secret), "
                + "linkage_key_id = coalesce(excluded.linkage_key_id, network_link.linkage_key_id), "
                + "updated_by = excluded.updated_by, updated_at = now()")
                .params(hubUrl, contact, secret, keyId, by).update();
    }

    void registered(String hubPublicKey, String status) {
        jdbc.sql("update network_link set hub_public_key = ?, registration_status = ?, registered_at = now() "
                + "where id = 1").params(hubPublicKey, status).update();
    }

    /** Takes the next sequence number; numbers are never reused, even for a file that is never sent. */
    long nextSequence() {
        return jdbc.sql("update network_link set next_sequence = next_sequence + 1 where id = 1 "
                + "returning next_sequence - 1").query(Long.class).single();
    }

    long submission(String kind, long sequence, String envelopeId, String via, String outcome, String detail,
            String by) {
        return jdbc.sql("insert into network_submission (kind, sequence, envelope_id, via, outcome, detail, signed_by) "
                + "values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(kind, sequence, envelopeId, via, outcome, detail, by).query(Long.class).single();
    }

    /** Keeps a signed benchmark release as it left the force. */
    void keepEnvelope(long id, String envelope) {
        jdbc.sql("update network_submission set envelope = ? where id = ?").params(envelope, id).update();
    }

    /** Every benchmark release the force signed, oldest first, as signed. */
    List<String> benchmarkReleases() {
        return jdbc.sql("select envelope from network_submission where kind = 'benchmark' and envelope is not null "
                + "order by sequence").query(String.class).list();
    }

    void outcome(long id, String outcome, String detail) {
        jdbc.sql("update network_submission set outcome = ?, detail = ? where id = ?").params(outcome, detail, id)
                .update();
    }

    /** A file the force signed, and what became of it. */
    record Submission(String kind, long sequence, String via, String outcome, String detail, String signedBy,
            OffsetDateTime signedAt) {
    }

    List<Submission> submissions(int offset, int limit) {
        return jdbc.sql("select kind, sequence, via, outcome, detail, signed_by, signed_at from network_submission "
                + "order by sequence desc offset ? limit ?").params(offset, limit)
                .query((rs, i) -> new Submission(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    long submissionCount() {
        return jdbc.sql("select count(*) from network_submission").query(Long.class).single();
    }

    /** Each person's token, made once and kept, so that a notice can be turned back into the person. */
    Map<String, String> tokens(List<String> personIds, java.util.function.Supplier<String> fresh) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select person_id, token from network_token").query((rs, i) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        for (String id : personIds) {
            if (!out.containsKey(id)) {
                String token = fresh.get();
                jdbc.sql("insert into network_token (token, person_id) values (?, ?)").params(token, id).update();
                out.put(id, token);
            }
        }
        return out;
    }

    long noticeCount() {
        return jdbc.sql("select count(*) from network_notice").query(Long.class).single();
    }

    /** The hub's sequence number of the notices file last taken (0 before any): an older one is refused. */
    long lastNoticesSequence() {
        return jdbc.sql("select coalesce((select last_notices_sequence from network_link where id = 1), 0)")
                .query(Long.class).single();
    }

    void replaceNotices(List<Messages.Notices.Notice> notices, long sequence) {
        jdbc.sql("update network_link set last_notices_sequence = ? where id = 1").param(sequence).update();
        jdbc.sql("delete from network_notice").update();
        for (Messages.Notices.Notice n : notices) {
            jdbc.sql("insert into network_notice (token, other_force, other_name, other_contact, score, found_at) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(n.token(), n.otherForce(), n.otherName(), n.otherContact(), n.score(),
                            OffsetDateTime.parse(n.foundAt().replace("Z", "+00:00")))
                    .update();
        }
    }

    /** A notice, with the person it is about (this force's own record). */
    record Notice(String personId, String otherForce, String otherName, String otherContact, double score,
            OffsetDateTime foundAt, OffsetDateTime receivedAt) {
    }

    List<Notice> notices(int offset, int limit) {
        return jdbc.sql("select t.person_id, n.other_force, n.other_name, n.other_contact, n.score, n.found_at, "
                + "n.received_at from network_notice n left join network_token t using (token) "
                + "order by n.found_at desc, n.other_force, n.score desc, n.token offset ? limit ?").params(offset, limit)
                .query((rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    /** A file of the hub's the force took last (frameworks, the catalogue): its text, number, when and by whom. */
    record HubFile(String envelope, long sequence, java.time.OffsetDateTime takenAt, String takenBy) {
    }

    java.util.Optional<HubFile> hubFile(String kind) {
        return jdbc.sql("select envelope, sequence, taken_at, taken_by from network_hub_file where kind = ?")
                .param(kind).query((rs, i) -> new HubFile(rs.getString(1), rs.getLong(2),
                        rs.getObject(3, java.time.OffsetDateTime.class), rs.getString(4))).optional();
    }

    void saveHubFile(String kind, String envelope, long sequence, String by) {
        jdbc.sql("insert into network_hub_file (kind, envelope, sequence, taken_by) values (?, ?, ?, ?) "
                + "on conflict (kind) do update set envelope = excluded.envelope, sequence = excluded.sequence, "
                + "taken_by = excluded.taken_by, taken_at = now()").params(kind, envelope, sequence, by).update();
    }
}
