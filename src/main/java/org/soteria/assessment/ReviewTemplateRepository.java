package org.soteria.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.soteria.platform.Bilingual;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the case file review's templates, a force's own items and the items each sample was drawn with. */
@Repository
class ReviewTemplateRepository {

    private final JdbcClient jdbc;

    ReviewTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A version of a national template (its name in English, which versions share, and in Welsh), with its number of items. */
    record Template(long id, String name, String nameCy, int version, String status, String createdBy,
            OffsetDateTime publishedAt, int items, String source) {

        public boolean draft() {
            return "draft".equals(status);
        }

        /** Whether the version came from the national hub (or with Soteria), as against made in this Soteria. */
        public boolean national() {
            return "national".equals(source);
        }

        /** The name in the page's language. */
        public Bilingual words() {
            return Bilingual.of(name, nameCy);
        }
    }

    private static final String TEMPLATE = "select t.id, t.name, t.name_cy, t.version, t.status, t.created_by, "
            + "t.published_at, (select count(*) from review_template_item i where i.template_id = t.id), t.source "
            + "from review_template t ";

    private static Template template(ResultSet rs) throws SQLException {
        return new Template(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), rs.getString(9));
    }

    List<Template> templates() {
        return jdbc.sql(TEMPLATE + "order by t.name, t.version desc").query((rs, i) -> template(rs)).list();
    }

    Optional<Template> template(long id) {
        return jdbc.sql(TEMPLATE + "where t.id = ?").param(id).query((rs, i) -> template(rs)).optional();
    }

    /** A published version, as the sample form offers them: newest first. */
    List<Template> published() {
        return jdbc.sql(TEMPLATE + "where t.status = 'published' order by t.published_at desc, t.id desc")
                .query((rs, i) -> template(rs)).list();
    }

    private static final String ITEM = "select i.id, i.code, i.pillar, i.scale, i.may_not_apply, i.text_en, i.text_cy, "
            + "i.guidance_en, i.guidance_cy, i.force_code from review_template_item i ";

    private static ReviewItem item(ResultSet rs) throws SQLException {
        return new ReviewItem(rs.getLong(1), rs.getString(2), rs.getInt(3),
                org.soteria.reference.Coded.parse(ReviewItem.Scale.class, rs.getString(4)).orElseThrow(),
                rs.getBoolean(5), Bilingual.of(rs.getString(6), rs.getString(7)),
                Bilingual.of(rs.getString(8), rs.getString(9)), rs.getString(10));
    }

    /** A template's items, in its order. */
    List<ReviewItem> items(long templateId) {
        return jdbc.sql(ITEM + "where i.template_id = ? order by i.position, i.id").param(templateId)
                .query((rs, i) -> item(rs)).list();
    }

    /** A force's own items in use (not retired), in the order it added them. */
    List<ReviewItem> forceItems(String force) {
        return jdbc.sql(ITEM + "where i.force_code = ? and i.retired_at is null order by i.position, i.id").param(force)
                .query((rs, i) -> item(rs)).list();
    }

    /** The items a sample was drawn with, in the form's order. */
    List<ReviewItem> sampleItems(long sampleId) {
        return jdbc.sql(ITEM + "join case_sample_item s on s.item_id = i.id where s.sample_id = ? order by s.position")
                .param(sampleId).query((rs, i) -> item(rs)).list();
    }

    /** Keeps the items a sample is reviewed on. */
    void freeze(long sampleId, List<ReviewItem> items) {
        int position = 1;
        for (ReviewItem item : items) {
            jdbc.sql("insert into case_sample_item (sample_id, item_id, position) values (?, ?, ?)")
                    .params(sampleId, item.id(), position++).update();
        }
    }

    /** The words and scale of a new item. */
    record NewItem(String code, int pillar, ReviewItem.Scale scale, boolean mayNotApply, Bilingual text,
            Bilingual guidance) {
    }

    /** Adds an item at the end of a draft template ({@code templateId}) or of a force's own items ({@code force}). */
    void add(Long templateId, String force, NewItem item, String by) {
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from review_template_item where "
                        + (templateId != null ? "template_id = ?" : "force_code = ?"))
                .param(templateId != null ? templateId : force).query(Integer.class).single();
        jdbc.sql("insert into review_template_item (template_id, force_code, code, position, pillar, scale, may_not_apply, "
                        + "text_en, text_cy, guidance_en, guidance_cy, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(templateId, force, item.code(), position, item.pillar(), item.scale().code(), item.mayNotApply(),
                        item.text().english(), item.text().welsh(), item.guidance().english(), item.guidance().welsh(), by)
                .update();
    }

    /** Whether a code is taken: by an item of the template, or by one of the force's, retired or not. */
    boolean taken(Long templateId, String force, String code) {
        return jdbc.sql("select exists (select 1 from review_template_item where code = ? and "
                        + (templateId != null ? "template_id = ?)" : "force_code = ?)"))
                .params(code, templateId != null ? templateId : force).query(Boolean.class).single();
    }

    /** Removes an item of a draft; false when there is no such item in a draft. */
    boolean remove(long templateId, long itemId) {
        return jdbc.sql("delete from review_template_item i using review_template t where i.id = ? "
                        + "and i.template_id = t.id and t.id = ? and t.status = 'draft'")
                .params(itemId, templateId).update() == 1;
    }

    /** One of a force's items in use (not retired). */
    Optional<ReviewItem> forceItem(String force, long itemId) {
        return jdbc.sql(ITEM + "where i.id = ? and i.force_code = ? and i.retired_at is null").params(itemId, force)
                .query((rs, i) -> item(rs)).optional();
    }

    /** How many samples' forms hold the item. */
    int samplesWith(long itemId) {
        return jdbc.sql("select count(*) from case_sample_item where item_id = ?").param(itemId).query(Integer.class)
                .single();
    }

    /**
     * Changes the pillar, scale and words of a force's item in use that no sample holds (a sample's form never
     * changes); false when there is no such item.
     */
    boolean change(String force, long itemId, NewItem item) {
        return jdbc.sql("update review_template_item i set pillar = ?, scale = ?, may_not_apply = ?, text_en = ?, "
                        + "text_cy = ?, guidance_en = ?, guidance_cy = ? where i.id = ? and i.force_code = ? "
                        + "and i.retired_at is null and not exists (select 1 from case_sample_item s where s.item_id = i.id)")
                .params(item.pillar(), item.scale().code(), item.mayNotApply(), item.text().english(),
                        item.text().welsh(), item.guidance().english(), item.guidance().welsh(), itemId, force)
                .update() == 1;
    }

    /** Retires a force's item from samples drawn from now on; false when it has no such item in use. */
    boolean retire(String force, long itemId) {
        return jdbc.sql("update review_template_item set retired_at = now() where id = ? and force_code = ? "
                + "and retired_at is null").params(itemId, force).update() == 1;
    }

    /** A draft of the template's next version, with its items; returns the draft's id. */
    long copyAsDraft(Template from, String by) {
        int version = jdbc.sql("select max(version) + 1 from review_template where name = ?").param(from.name())
                .query(Integer.class).single();
        long id = jdbc.sql("insert into review_template (name, name_cy, version, status, created_by) "
                + "values (?, ?, ?, 'draft', ?) returning id").params(from.name(), from.nameCy(), version, by)
                .query(Long.class).single();
        jdbc.sql("insert into review_template_item (template_id, code, position, pillar, scale, may_not_apply, text_en, "
                        + "text_cy, guidance_en, guidance_cy, added_by) select ?, code, position, pillar, scale, "
                        + "may_not_apply, text_en, text_cy, guidance_en, guidance_cy, added_by "
                        + "from review_template_item where template_id = ? order by position, id")
                .params(id, from.id()).update();
        return id;
    }

    boolean hasDraft(String name) {
        return jdbc.sql("select exists (select 1 from review_template where name = ? and status = 'draft')")
                .param(name).query(Boolean.class).single();
    }

    boolean publish(long id) {
        return jdbc.sql("update review_template set status = 'published', published_at = now() where id = ? "
                + "and status = 'draft'").param(id).update() == 1;
    }

    /** Publishes a version accepted from the hub, with its items in the file's order; returns its id. */
    long insertNational(ReviewTemplateExchange.Template t, String by) {
        long id = jdbc.sql("insert into review_template (name, name_cy, version, status, created_by, published_at, "
                        + "source) values (?, ?, ?, 'published', ?, now(), 'national') returning id")
                .params(t.name(), nz(t.nameCy()), t.version(), by).query(Long.class).single();
        int position = 1;
        for (ReviewTemplateExchange.Item i : t.items()) {
            jdbc.sql("insert into review_template_item (template_id, code, position, pillar, scale, may_not_apply, "
                            + "text_en, text_cy, guidance_en, guidance_cy, added_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, i.code(), position++, i.pillar(), i.scale(), i.mayNotApply(), i.text(), nz(i.textCy()),
                            nz(i.guidance()), nz(i.guidanceCy()), by).update();
        }
        return id;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
