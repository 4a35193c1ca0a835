package org.soteria.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.soteria.workforce.NationalGuidance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The practice library's SQL (hub mode): practice, attachments, comments and the forces trying it. */
@Repository
class PracticeRepository {

    private final JdbcClient jdbc;

    PracticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A piece of promising practice a force shared. */
    record Practice(long id, String forceCode, String title, String what, String why, String evidence, String contact,
            int pillar, String status, String submittedBy, OffsetDateTime submittedAt, String moderatedBy,
            String moderationNote, long trying) {

        public boolean published() {
            return "published".equals(status);
        }
    }

    private static final String COLUMNS = "p.id, p.force_code, p.title, p.what, p.why, p.evidence, p.contact, p.pillar, "
            + "p.status, p.submitted_by, p.submitted_at, p.moderated_by, p.moderation_note, "
            + "(select count(*) from hub_practice_trying t where t.practice_id = p.id) as trying";

    private static Practice practice(ResultSet rs, int i) throws SQLException {
        return new Practice(rs.getLong("id"), rs.getString("force_code"), rs.getString("title"), rs.getString("what"),
                rs.getString("why"), rs.getString("evidence"), rs.getString("contact"), rs.getInt("pillar"),
                rs.getString("status"), rs.getString("submitted_by"), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("moderated_by"), rs.getString("moderation_note"), rs.getLong("trying"));
    }

    long add(String force, String title, String what, String why, String evidence, String contact, int pillar,
            String by) {
        return jdbc.sql("insert into hub_practice (force_code, title, what, why, evidence, contact, pillar, submitted_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(force, title, what, why, evidence, contact, pillar, by).query(Long.class).single();
    }

    /** The practice each of a force's shared guidance documents became: document to {practice id, version}. */
    java.util.Map<Long, long[]> fromGuidance(String force) {
        java.util.Map<Long, long[]> out = new java.util.HashMap<>();
        jdbc.sql("select guidance_document, id, guidance_version, status from hub_practice where force_code = ? "
                + "and guidance_document is not null").param(force).query(rs -> {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3),
                        "withdrawn".equals(rs.getString(4)) ? 1 : 0});
                });
        return out;
    }

    long addGuidance(String force, Messages.Guidance.Item i, String why, String contact) {
        return jdbc.sql("insert into hub_practice (force_code, title, what, why, evidence, contact, pillar, submitted_by, "
                        + "guidance_document, guidance_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(force, i.title().strip(), i.summary().strip(), why, i.url() == null ? "" : i.url(), contact,
                        i.pillar(), force, i.document(), i.version()).query(Long.class).single();
    }

    /** A shared document's new version replaces the practice's words and goes back to moderation. */
    void updateGuidance(long id, Messages.Guidance.Item i, String why, String contact) {
        jdbc.sql("update hub_practice set title = ?, what = ?, why = ?, evidence = ?, contact = ?, pillar = ?, "
                        + "guidance_version = ?, status = 'submitted', submitted_at = now(), moderated_by = null, "
                        + "moderated_at = null, moderation_note = null where id = ?")
                .params(i.title().strip(), i.summary().strip(), why, i.url() == null ? "" : i.url(), contact, i.pillar(),
                        i.version(), id).update();
    }

    /** A document the force no longer shares leaves the library. */
    void withdrawGuidance(long id) {
        jdbc.sql("update hub_practice set status = 'withdrawn', moderation_note = 'No longer shared by the force' "
                + "where id = ? and status <> 'withdrawn'").param(id).update();
    }

    Optional<Practice> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from hub_practice p where p.id = ?").param(id)
                .query(PracticeRepository::practice).optional();
    }

    /**
     * Published practice matching the words (all of them, stemmed) and the pillar, plus, for a force, its own
     * practice in any state; newest first.
     */
    List<Practice> search(String words, Integer pillar, String force, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from hub_practice p where " + WHERE
                + " order by p.submitted_at desc, p.id desc offset ? limit ?")
                .params(force, words, words, pillar, pillar, offset, limit).query(PracticeRepository::practice).list();
    }

    long count(String words, Integer pillar, String force) {
        return jdbc.sql("select count(*) from hub_practice p where " + WHERE)
                .params(force, words, words, pillar, pillar).query(Long.class).single();
    }

    private static final String WHERE = "(p.status = 'published' or p.force_code = cast(? as text)) "
            + "and (cast(? as text) is null or p.search @@ websearch_to_tsquery('english', cast(? as text))) "
            + "and (cast(? as integer) is null or p.pillar = cast(? as integer))";

    List<Practice> awaiting() {
        return jdbc.sql("select " + COLUMNS + " from hub_practice p where p.status = 'submitted' order by p.submitted_at")
                .query(PracticeRepository::practice).list();
    }

    void moderate(long id, String status, String note, String by) {
        jdbc.sql("update hub_practice set status = ?, moderation_note = ?, moderated_by = ?, moderated_at = now() "
                + "where id = ?").params(status, note, by, id).update();
    }

    /** A comment; a hidden one keeps its text for the national team only. */
    record Comment(long id, String forceCode, String author, String body, OffsetDateTime createdAt, String hiddenBy,
            String hiddenReason) {

        public boolean hidden() {
            return hiddenBy != null;
        }
    }

    List<Comment> comments(long practice) {
        return jdbc.sql("select id, force_code, author, body, created_at, hidden_by, hidden_reason from "
                + "hub_practice_comment where practice_id = ? order by created_at, id").param(practice)
                .query((rs, i) -> new Comment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7))).list();
    }

    void comment(long practice, String force, String author, String body) {
        jdbc.sql("insert into hub_practice_comment (practice_id, force_code, author, body) values (?, ?, ?, ?)")
                .params(practice, force, author, body).update();
    }

    boolean hideComment(long practice, long comment, String by, String reason) {
        return jdbc.sql("update hub_practice_comment set hidden_by = ?, hidden_reason = ? where id = ? and practice_id = ?")
                .params(by, reason, comment, practice).update() == 1;
    }

    List<String> tryingForces(long practice) {
        return jdbc.sql("select force_code from hub_practice_trying where practice_id = ? order by force_code")
                .param(practice).query(String.class).list();
    }

    void markTrying(long practice, String force, String by, boolean trying) {
        if (trying) {
            jdbc.sql("insert into hub_practice_trying (practice_id, force_code, marked_by) values (?, ?, ?) "
                    + "on conflict do nothing").params(practice, force, by).update();
        } else {
            jdbc.sql("delete from hub_practice_trying where practice_id = ? and force_code = ?").params(practice, force)
                    .update();
        }
    }

    /** An attachment, without its content. */
    record Attachment(long id, String fileName, String contentType, int sizeBytes, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {
    }

    List<Attachment> attachments(long practice) {
        return jdbc.sql("select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from "
                + "hub_practice_file where practice_id = ? order by id").param(practice)
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    void attach(long practice, String name, String type, byte[] content, String sha256, String by) {
        jdbc.sql("insert into hub_practice_file (practice_id, file_name, content_type, size_bytes, sha256, content, "
                + "uploaded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(practice, name, type, content.length, sha256, content, by).update();
    }

    /** An attachment with its content, for download. */
    record File(String fileName, String contentType, byte[] content) {
    }

    Optional<File> file(long practice, long id) {
        return jdbc.sql("select file_name, content_type, content from hub_practice_file where practice_id = ? and id = ?")
                .params(practice, id).query((rs, i) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    // ---- the library's versions, as forces receive them (ADR 40) ----

    /** Every published practice as a force receives it, in the order of the hub's numbers. */
    List<NationalGuidance.Item> publishedItems() {
        return jdbc.sql("select id, force_code, guidance_document is not null, pillar, title, what, why, evidence, "
                + "coalesce(moderated_at, submitted_at) from hub_practice where status = 'published' order by id")
                .query((rs, n) -> new NationalGuidance.Item(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).toLocalDate().toString())).list();
    }

    /** Whether any practice is published or any version was (the upload page asks it, so one query, no rows read). */
    boolean anythingToRelease() {
        return jdbc.sql("select exists (select 1 from hub_practice where status = 'published') "
                + "or exists (select 1 from hub_guidance_release)").query(Boolean.class).single();
    }

    void lockReleases() {
        jdbc.sql("lock table hub_guidance_release in share row exclusive mode").update();
    }

    Optional<NationalGuidance.Release> latestRelease() {
        return jdbc.sql("select version, published_at, items from hub_guidance_release order by version desc limit 1")
                .query((rs, n) -> new NationalGuidance.Release(rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toLocalDate().toString(),
                        Envelope.JSON.readValue(rs.getString(3), new tools.jackson.core.type.TypeReference<
                                List<NationalGuidance.Item>>() { }))).optional();
    }

    void saveRelease(int version, List<NationalGuidance.Item> items) {
        jdbc.sql("insert into hub_guidance_release (version, items) values (?, cast(? as jsonb))")
                .params(version, Envelope.JSON.writeValueAsString(items)).update();
    }
}
