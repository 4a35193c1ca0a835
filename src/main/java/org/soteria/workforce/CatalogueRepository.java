package org.soteria.workforce;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The training catalogue's tables: the courses, the hub's published versions, a force's accepted versions. */
@Repository
class CatalogueRepository {

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A course as kept, with whether it is the force's own or national. */
    record Row(CourseCatalogue.Course course, String source) {
    }

    List<Row> courses() {
        return jdbc.sql("select code, name, name_cy, kind, valid_for_months, specialist_accreditation, description, "
                        + "description_cy, retired, source from training_course "
                        + "order by retired, specialist_accreditation desc, name")
                .query((rs, n) -> new Row(new CourseCatalogue.Course(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getBoolean(6), rs.getString(7),
                        rs.getString(8), rs.getBoolean(9)), rs.getString(10))).list();
    }

    void save(CourseCatalogue.Course c, String source) {
        jdbc.sql("insert into training_course (code, name, name_cy, kind, valid_for_months, specialist_accreditation, "
                        + "description, description_cy, retired, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (code) do update set name = excluded.name, name_cy = excluded.name_cy, "
                        + "kind = excluded.kind, valid_for_months = excluded.valid_for_months, "
                        + "specialist_accreditation = excluded.specialist_accreditation, "
                        + "description = excluded.description, description_cy = excluded.description_cy, "
                        + "retired = excluded.retired, source = excluded.source")
                .params(c.code(), c.name(), c.nameCy(), c.kind(), c.validForMonths(), c.specialist(), c.description(),
                        c.descriptionCy(), c.retired(), source).update();
    }

    void retire(String code) {
        jdbc.sql("update training_course set retired = true where code = ?").param(code).update();
    }

    /** A published version of the national catalogue (the hub). */
    record Published(int version, OffsetDateTime publishedAt, String publishedBy, String courses) {
    }

    List<Published> releases() {
        return jdbc.sql("select version, published_at, published_by, courses::text from course_catalogue_release "
                        + "order by version desc")
                .query((rs, n) -> new Published(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4))).list();
    }

    void publish(int version, String by, String courses) {
        jdbc.sql("insert into course_catalogue_release (version, published_by, courses) values (?, ?, cast(? as jsonb))")
                .params(version, by, courses).update();
    }

    /** The national version a force accepted last, with when and by whom. */
    record Accepted(int version, OffsetDateTime acceptedAt, String acceptedBy) {
    }

    Optional<Accepted> accepted() {
        return jdbc.sql("select version, accepted_at, accepted_by from course_catalogue_accepted "
                        + "order by version desc limit 1")
                .query((rs, n) -> new Accepted(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .optional();
    }

    void accepted(int version, String by) {
        jdbc.sql("insert into course_catalogue_accepted (version, accepted_by) values (?, ?) on conflict (version) "
                + "do update set accepted_at = now(), accepted_by = excluded.accepted_by").params(version, by).update();
    }

    /** Locks the catalogue for one change at a time (publishing, accepting). */
    void lock() {
        jdbc.sql("lock table training_course in share row exclusive mode").update();
    }
}
