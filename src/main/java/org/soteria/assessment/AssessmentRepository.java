package org.soteria.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.Bilingual;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for assessment frameworks and the force's self-assessments. */
@Repository
class AssessmentRepository {

    private final JdbcClient jdbc;

    AssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- Frameworks --------------------------------------------------------------------------------

    /** A framework's version; its words, as every part of it, in English and, when written, Welsh. */
    record Framework(long id, Bilingual name, int version, String status) {
    }

    record Section(String code, int position, Bilingual name, Bilingual description) {
    }

    record Question(long id, String sectionCode, int position, Bilingual text, Bilingual guidance, Bilingual evidence) {
    }

    record Level(int level, Bilingual name, Bilingual descriptor) {
    }

    private static final String FRAMEWORK = "select id, name, name_cy, version, status from framework";

    private static Framework framework(ResultSet rs) throws SQLException {
        return new Framework(rs.getLong(1), Bilingual.of(rs.getString(2), rs.getString(3)), rs.getInt(4),
                rs.getString(5));
    }

    List<Framework> frameworks() {
        return jdbc.sql(FRAMEWORK + " order by name, version desc").query((rs, i) -> framework(rs)).list();
    }

    Optional<Framework> framework(long id) {
        return jdbc.sql(FRAMEWORK + " where id = ?").param(id).query((rs, i) -> framework(rs)).optional();
    }

    List<Section> sections(long frameworkId) {
        return jdbc.sql("select code, position, name, name_cy, description, description_cy from framework_section "
                        + "where framework_id = ? order by position").param(frameworkId)
                .query((rs, i) -> new Section(rs.getString(1), rs.getInt(2), Bilingual.of(rs.getString(3),
                        rs.getString(4)), Bilingual.of(rs.getString(5), rs.getString(6)))).list();
    }

    List<Question> questions(long frameworkId) {
        return jdbc.sql("select id, section_code, position, text, text_cy, guidance, guidance_cy, evidence, evidence_cy "
                        + "from framework_question where framework_id = ? order by section_code, position, id")
                .param(frameworkId)
                .query((rs, i) -> new Question(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        Bilingual.of(rs.getString(4), rs.getString(5)), Bilingual.of(rs.getString(6), rs.getString(7)),
                        Bilingual.of(rs.getString(8), rs.getString(9)))).list();
    }

    List<Level> levels(long frameworkId) {
        return jdbc.sql("select level, name, name_cy, descriptor, descriptor_cy from framework_level "
                        + "where framework_id = ? order by level")
                .param(frameworkId).query((rs, i) -> new Level(rs.getInt(1), Bilingual.of(rs.getString(2),
                        rs.getString(3)), Bilingual.of(rs.getString(4), rs.getString(5)))).list();
    }

    /** Copies a framework, its Welsh with it, into a new draft version; returns its id. */
    long copyAsDraft(Framework from, String by) {
        int version = jdbc.sql("select max(version) + 1 from framework where name = ?").param(from.name().english())
                .query(Integer.class).single();
        long id = jdbc.sql("insert into framework (name, name_cy, version, status, created_by) "
                        + "values (?, ?, ?, 'draft', ?) returning id")
                .params(from.name().english(), from.name().welsh(), version, by).query(Long.class).single();
        jdbc.sql("insert into framework_section (framework_id, code, position, name, name_cy, description, "
                + "description_cy) select ?, code, position, name, name_cy, description, description_cy "
                + "from framework_section where framework_id = ?").params(id, from.id()).update();
        jdbc.sql("insert into framework_question (framework_id, section_code, position, text, text_cy, guidance, "
                + "guidance_cy, evidence, evidence_cy) select ?, section_code, position, text, text_cy, guidance, "
                + "guidance_cy, evidence, evidence_cy from framework_question where framework_id = ? order by id")
                .params(id, from.id()).update();
        jdbc.sql("insert into framework_level (framework_id, level, name, name_cy, descriptor, descriptor_cy) "
                + "select ?, level, name, name_cy, descriptor, descriptor_cy from framework_level "
                + "where framework_id = ?").params(id, from.id()).update();
        return id;
    }

    /** Publishes a national framework version taken from the hub, whole; returns its id. */
    long insertNational(FrameworkExchange.Framework f, String by) {
        long id = jdbc.sql("insert into framework (name, name_cy, version, status, created_by, published_at, source) "
                        + "values (?, ?, ?, 'published', ?, now(), 'national') returning id")
                .params(f.name(), nz(f.nameCy()), f.version(), by).query(Long.class).single();
        for (FrameworkExchange.Section s : f.sections()) {
            jdbc.sql("insert into framework_section (framework_id, code, position, name, name_cy, description, "
                    + "description_cy) values (?, ?, ?, ?, ?, ?, ?)").params(id, s.code(), s.position(), s.name(),
                    nz(s.nameCy()), nz(s.description()), nz(s.descriptionCy())).update();
        }
        for (FrameworkExchange.Question q : f.questions()) {
            jdbc.sql("insert into framework_question (framework_id, section_code, position, text, text_cy, guidance, "
                    + "guidance_cy, evidence, evidence_cy) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, q.section(), q.position(), q.text(), nz(q.textCy()), nz(q.guidance()),
                            nz(q.guidanceCy()), nz(q.evidence()), nz(q.evidenceCy())).update();
        }
        for (FrameworkExchange.Level l : f.levels()) {
            jdbc.sql("insert into framework_level (framework_id, level, name, name_cy, descriptor, descriptor_cy) "
                    + "values (?, ?, ?, ?, ?, ?)").params(id, l.level(), l.name(), nz(l.nameCy()), nz(l.descriptor()),
                    nz(l.descriptorCy())).update();
        }
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A question's words as a coordinator writes them. */
    record Wording(Bilingual text, Bilingual guidance, Bilingual evidence) {
    }

    void updateQuestion(long frameworkId, long questionId, Wording w) {
        jdbc.sql("update framework_question set text = ?, text_cy = ?, guidance = ?, guidance_cy = ?, evidence = ?, "
                        + "evidence_cy = ? where id = ? and framework_id = ?")
                .params(w.text().english(), w.text().welsh(), w.guidance().english(), w.guidance().welsh(),
                        w.evidence().english(), w.evidence().welsh(), questionId, frameworkId).update();
    }

    void addQuestion(long frameworkId, String section, Wording w) {
        jdbc.sql("insert into framework_question (framework_id, section_code, position, text, text_cy, guidance, "
                        + "guidance_cy, evidence, evidence_cy) "
                        + "select ?, ?, coalesce(max(position), 0) + 1, ?, ?, ?, ?, ?, ? from framework_question "
                        + "where framework_id = ? and section_code = ?")
                .params(frameworkId, section, w.text().english(), w.text().welsh(), w.guidance().english(),
                        w.guidance().welsh(), w.evidence().english(), w.evidence().welsh(), frameworkId, section)
                .update();
    }

    boolean publish(long frameworkId) {
        return jdbc.sql("update framework set status = 'published', published_at = now() where id = ? and status = 'draft'")
                .param(frameworkId).update() == 1;
    }

    // ---- Assessments -------------------------------------------------------------------------------

    record Assessment(long id, String forceCode, long frameworkId, String title, String startedBy,
            OffsetDateTime startedAt, String signedOffBy, OffsetDateTime signedOffAt) {
    }

    private static final String ASSESSMENT = "select id, force_code, framework_id, title, started_by, started_at, "
            + "signed_off_by, signed_off_at from assessment ";

    private static Assessment assessment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Assessment(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    List<Assessment> assessments(String force) {
        return jdbc.sql(ASSESSMENT + "where force_code = ? order by started_at desc, id desc").param(force)
                .query((rs, i) -> assessment(rs)).list();
    }

    Optional<Assessment> assessment(long id, String force) {
        return jdbc.sql(ASSESSMENT + "where id = ? and force_code = ?").params(id, force).query((rs, i) -> assessment(rs))
                .optional();
    }

    long start(String force, long frameworkId, String title, String by, List<Section> sections) {
        long id = jdbc.sql("insert into assessment (force_code, framework_id, title, started_by) values (?, ?, ?, ?) "
                + "returning id").params(force, frameworkId, title, by).query(Long.class).single();
        for (Section s : sections) {
            jdbc.sql("insert into assessment_section (assessment_id, section_code, status) values (?, ?, 'not_started')")
                    .params(id, s.code()).update();
        }
        return id;
    }

    Map<String, String> sectionStatuses(long assessmentId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select section_code, status from assessment_section where assessment_id = ?").param(assessmentId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    void setStatus(long assessmentId, String section, String status, String by) {
        jdbc.sql("update assessment_section set status = ?, updated_by = ?, updated_at = now() where assessment_id = ? "
                + "and section_code = ?").params(status, by, assessmentId, section).update();
    }

    record Answer(Integer level, String answer) {
    }

    Map<Long, Answer> answers(long assessmentId) {
        Map<Long, Answer> out = new HashMap<>();
        jdbc.sql("select question_id, level, answer from assessment_answer where assessment_id = ?").param(assessmentId)
                .query(rs -> {
                    out.put(rs.getLong(1), new Answer((Integer) rs.getObject(2), rs.getString(3)));
                });
        return out;
    }

    void saveAnswer(long assessmentId, long questionId, Integer level, String answer, String by) {
        jdbc.sql("insert into assessment_answer (assessment_id, question_id, level, answer, answered_by) values "
                        + "(?, ?, ?, ?, ?) on conflict (assessment_id, question_id) do update set level = excluded.level, "
                        + "answer = excluded.answer, answered_by = excluded.answered_by, answered_at = now()")
                .params(assessmentId, questionId, level, answer, by).update();
    }

    record Comment(String author, String text, boolean needsReview, OffsetDateTime at) {
    }

    List<Comment> comments(long assessmentId, String section) {
        return jdbc.sql("select author, text, needs_review, at from assessment_comment where assessment_id = ? "
                        + "and section_code = ? order by at, id").params(assessmentId, section)
                .query((rs, i) -> new Comment(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }

    void addComment(long assessmentId, String section, String author, String text, boolean needsReview) {
        jdbc.sql("insert into assessment_comment (assessment_id, section_code, author, text, needs_review) "
                + "values (?, ?, ?, ?, ?)").params(assessmentId, section, author, text, needsReview).update();
    }

    record Evidence(long id, String sectionCode, String fileName, String contentType, int size, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    List<Evidence> evidence(long assessmentId, String section) {
        return jdbc.sql("select id, section_code, file_name, content_type, size, sha256, uploaded_by, uploaded_at "
                        + "from assessment_evidence where assessment_id = ? and section_code = ? order by uploaded_at, id")
                .params(assessmentId, section)
                .query((rs, i) -> new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class))).list();
    }

    void addEvidence(long assessmentId, String section, String fileName, String type, byte[] content, String sha256,
            String by) {
        jdbc.sql("insert into assessment_evidence (assessment_id, section_code, file_name, content_type, size, sha256, "
                        + "content, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(assessmentId, section, fileName, type, content.length, sha256, content, by).update();
    }

    record File(String fileName, String contentType, byte[] content) {
    }

    Optional<File> file(long assessmentId, long evidenceId) {
        return jdbc.sql("select file_name, content_type, content from assessment_evidence where assessment_id = ? "
                        + "and id = ?").params(assessmentId, evidenceId)
                .query((rs, i) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    boolean signOff(long assessmentId, String by) {
        return jdbc.sql("update assessment set signed_off_by = ?, signed_off_at = now() where id = ? "
                + "and signed_off_at is null").params(by, assessmentId).update() == 1;
    }
}
