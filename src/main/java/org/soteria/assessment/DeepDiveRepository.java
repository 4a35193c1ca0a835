package org.soteria.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.FieldCipher;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for deep-dive samples, the pseudonymised facts a reviewer reads, and reviews. */
@WholeForce("deep dive: samples drawn from the force's crimes and reviewed pseudonymised")
@Repository
class DeepDiveRepository {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    DeepDiveRepository(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Sample(long id, String forceCode, String title, LocalDate recordedFrom, LocalDate recordedTo, int perStratum,
            long seed, int candidates, String drawnBy, OffsetDateTime drawnAt, int crimes, int reviewed,
            String allocation, long templateId) {

        /** Whether the sample's size was shared in proportion to each stratum's crimes ({@code perStratum} in all). */
        public boolean proportional() {
            return SampleAllocation.PROPORTIONAL.code().equals(allocation);
        }
    }

    private static Sample sample(ResultSet rs) throws SQLException {
        return new Sample(rs.getLong("id"), rs.getString("force_code"), rs.getString("title"),
                rs.getObject("recorded_from", LocalDate.class), rs.getObject("recorded_to", LocalDate.class),
                rs.getInt("per_stratum"), rs.getLong("seed"), rs.getInt("candidates"), rs.getString("drawn_by"),
                rs.getObject("drawn_at", OffsetDateTime.class), rs.getInt("crimes"), rs.getInt("reviewed"),
                rs.getString("allocation"), rs.getLong("template_id"));
    }

    private static final String SAMPLE = "select s.*, (select count(*) from case_sample_crime c where c.sample_id = s.id) "
            + "as crimes, (select count(distinct r.crime_id) from case_file_review r where r.sample_id = s.id) as reviewed "
            + "from case_sample s ";

    List<Sample> samples(String force) {
        return jdbc.sql(SAMPLE + "where s.force_code = ? order by s.drawn_at desc, s.id desc").param(force)
                .query((rs, i) -> sample(rs)).list();
    }

    Optional<Sample> sample(long id, String force) {
        return jdbc.sql(SAMPLE + "where s.id = ? and s.force_code = ?").params(id, force).query((rs, i) -> sample(rs))
                .optional();
    }

    /** Recorded crimes of the force in the period, each with its stratum (offence group, outcome group, quarter). */
    List<StratifiedSample.Candidate> candidates(String force, LocalDate from, LocalDate to) {
        return jdbc.sql("select id, offence_group, outcome_group, extract(year from recorded_date)::int as y, "
                        + "extract(quarter from recorded_date)::int as q from investigation_crime crime where force_code = ? "
                        + "and record_type = 'crime' and not restricted and recorded_date between ? and ?")
                .params(force, from, to)
                .query((rs, i) -> new StratifiedSample.Candidate(rs.getLong("id"), StratifiedSample.stratum(
                        rs.getString("offence_group"), rs.getString("outcome_group"),
                        rs.getInt("y") + "-Q" + rs.getInt("q")))).list();
    }

    long insertSample(String force, String title, LocalDate from, LocalDate to, int size, SampleAllocation allocation,
            long seed, int candidates, String by, List<StratifiedSample.Drawn> drawn, Map<String, Integer> populations,
            long templateId) {
        long id = jdbc.sql("insert into case_sample (force_code, title, recorded_from, recorded_to, per_stratum, seed, "
                        + "candidates, drawn_by, allocation, template_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(force, title, from, to, size, seed, candidates, by, allocation.code(), templateId)
                .query(Long.class).single();
        int position = 1;
        for (StratifiedSample.Drawn d : drawn) {
            jdbc.sql("insert into case_sample_crime (sample_id, crime_id, stratum, position) values (?, ?, ?, ?)")
                    .params(id, d.crimeId(), d.stratum(), position++).update();
        }
        populations.forEach((stratum, n) -> jdbc.sql("insert into case_sample_stratum (sample_id, stratum, population) "
                + "values (?, ?, ?)").params(id, stratum, n).update());
        return id;
    }

    /** Each stratum's crimes in the sampling frame when the sample was drawn; empty for a sample drawn before V42. */
    Map<String, Integer> populations(long sampleId) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select stratum, population from case_sample_stratum where sample_id = ? order by stratum")
                .param(sampleId).query((rs, i) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }

    /** A crime of a sample: its place in the sample (its pseudonym), stratum and reviews so far. */
    record SampleCrime(long crimeId, int position, String stratum, List<String> reviewers) {
    }

    List<SampleCrime> sampleCrimes(long sampleId) {
        return jdbc.sql("select c.crime_id, c.position, c.stratum, array(select r.reviewer from case_file_review r "
                        + "where r.sample_id = c.sample_id and r.crime_id = c.crime_id order by r.reviewer) "
                        + "from case_sample_crime c where c.sample_id = ? order by c.position")
                .param(sampleId).query((rs, i) -> new SampleCrime(rs.getLong(1), rs.getInt(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()))).list();
    }

    /** What a reviewer reads about a crime, with no name, reference, date of birth or free text. */
    record Facts(String crimeRef, String offenceCode, LocalDate recordedDate, String reportSource, Boolean victimConsented,
            String outcomeCode, LocalDate outcomeDate, List<Map<String, Object>> people, List<Map<String, Object>> events) {
    }

    Facts facts(long crimeId) {
        Map<String, Object> c = jdbc.sql("select crime_ref, offence_code, recorded_date, report_source, victim_consented, "
                + "outcome_code, outcome_date from investigation_crime crime where id = ?").param(crimeId).query().singleRow();
        List<Map<String, Object>> people = jdbc.sql("select cp.role, cp.age_at_offence, p.sex, cp.relationship "
                        + "from investigation_case_person cp join investigation_person p on p.id = cp.person_ref where cp.crime_id = ? "
                        + "order by cp.role desc, cp.person_ref")
                .param(crimeId).query().listOfRows();
        List<Map<String, Object>> events = jdbc.sql("select e.event_type, e.detail, (e.occurred_at at time zone "
                        + "'Europe/London')::date - c.recorded_date as day from investigation_event e join investigation_crime c on c.id = e.crime_id "
                        + "where e.crime_id = ? and e.event_type <> 'victim_notified' order by e.occurred_at, e.id")
                .param(crimeId).query().listOfRows();
        return new Facts((String) c.get("crime_ref"), (String) c.get("offence_code"),
                ((java.sql.Date) c.get("recorded_date")).toLocalDate(), (String) c.get("report_source"),
                (Boolean) c.get("victim_consented"), (String) c.get("outcome_code"),
                c.get("outcome_date") == null ? null : ((java.sql.Date) c.get("outcome_date")).toLocalDate(), people,
                events);
    }

    /**
     * A reviewer's review of a sample crime: a rating for each rated item and words for each free-text item, by the
     * item's code, then the missed opportunity and the learning.
     */
    record Review(long sampleId, long crimeId, String reviewer, Map<String, ReviewItem.Rating> ratings,
            Map<String, String> notes, boolean missedOpportunity, String missedNote, String learning,
            OffsetDateTime reviewedAt) {
    }

    static String context(long sampleId, long crimeId, String column) {
        return "case_file_review/" + sampleId + "/" + crimeId + "/" + column;
    }

    /** A free-text answer's encryption context: the review's, with the item's code. */
    static String answerContext(long sampleId, long crimeId, String reviewer, String itemCode) {
        return "case_file_answer/" + sampleId + "/" + crimeId + "/" + reviewer + "/" + itemCode;
    }

    private Review review(ResultSet rs, Map<List<Object>, Map<String, ReviewItem.Rating>> ratings,
            Map<List<Object>, Map<String, String>> notes) throws SQLException {
        long s = rs.getLong("sample_id");
        long c = rs.getLong("crime_id");
        String reviewer = rs.getString("reviewer");
        String note = rs.getString("missed_note");
        String learning = rs.getString("learning");
        List<Object> key = List.of(c, reviewer);
        return new Review(s, c, reviewer, ratings.getOrDefault(key, Map.of()), notes.getOrDefault(key, Map.of()),
                "yes".equals(rs.getString("missed_opportunity")),
                note == null ? null : cipher.decrypt(note, context(s, c, "missed_note")),
                learning == null ? null : cipher.decrypt(learning, context(s, c, "learning")),
                rs.getObject("reviewed_at", OffsetDateTime.class));
    }

    /** The reviews of a sample (or of one crime by one reviewer), with their answers. */
    private List<Review> reviews(long sampleId, Long crimeId, String reviewer) {
        String where = " where sample_id = ?" + (crimeId == null ? "" : " and crime_id = ? and reviewer = ?");
        Object[] params = crimeId == null ? new Object[] {sampleId} : new Object[] {sampleId, crimeId, reviewer};
        Map<List<Object>, Map<String, ReviewItem.Rating>> ratings = new java.util.HashMap<>();
        Map<List<Object>, Map<String, String>> notes = new java.util.HashMap<>();
        jdbc.sql("select crime_id, reviewer, item_code, rating, note from case_file_answer" + where).params(params)
                .query((rs, i) -> {
                    List<Object> key = List.of(rs.getLong(1), rs.getString(2));
                    String code = rs.getString(3);
                    if (rs.getString(4) != null) {
                        ratings.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(code,
                                ReviewItem.Rating.of(rs.getString(4)));
                    } else {
                        notes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(code, cipher.decrypt(rs.getString(5),
                                answerContext(sampleId, rs.getLong(1), rs.getString(2), code)));
                    }
                    return null;
                }).list();
        return jdbc.sql("select * from case_file_review" + where + " order by crime_id, reviewer").params(params)
                .query((rs, i) -> review(rs, ratings, notes)).list();
    }

    /** The ratings the force lead settled where reviewers differed: by crime, then item code. */
    Map<Long, Map<String, ReviewItem.Rating>> settlements(long sampleId) {
        Map<Long, Map<String, ReviewItem.Rating>> out = new java.util.LinkedHashMap<>();
        jdbc.sql("select crime_id, item, rating from case_file_settlement where sample_id = ? order by crime_id, item")
                .param(sampleId).query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                        .put(rs.getString(2), ReviewItem.Rating.of(rs.getString(3)))).list();
        return out;
    }

    /** Records (or changes) the rating settled for one item of one crime of a sample. */
    void settle(long sampleId, long crimeId, String itemCode, ReviewItem.Rating rating, String by) {
        jdbc.sql("insert into case_file_settlement (sample_id, crime_id, item, rating, settled_by) values (?, ?, ?, ?, ?) "
                        + "on conflict (sample_id, crime_id, item) do update set rating = excluded.rating, "
                        + "settled_by = excluded.settled_by, settled_at = now()")
                .params(sampleId, crimeId, itemCode, rating.code(), by).update();
    }

    List<Review> reviews(long sampleId) {
        return reviews(sampleId, null, null);
    }

    /** One reviewer's review of one crime of a sample. */
    Optional<Review> review(long sampleId, long crimeId, String reviewer) {
        return reviews(sampleId, crimeId, reviewer).stream().findFirst();
    }

    void saveReview(Review r) {
        jdbc.sql("insert into case_file_review (sample_id, crime_id, reviewer, missed_opportunity, missed_note, learning) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (sample_id, crime_id, reviewer) do update set "
                        + "missed_opportunity = excluded.missed_opportunity, missed_note = excluded.missed_note, "
                        + "learning = excluded.learning, reviewed_at = now()")
                .params(r.sampleId(), r.crimeId(), r.reviewer(), r.missedOpportunity() ? "yes" : "no",
                        r.missedNote() == null ? null : cipher.encrypt(r.missedNote(),
                                context(r.sampleId(), r.crimeId(), "missed_note")),
                        r.learning() == null ? null : cipher.encrypt(r.learning(),
                                context(r.sampleId(), r.crimeId(), "learning")))
                .update();
        jdbc.sql("delete from case_file_answer where sample_id = ? and crime_id = ? and reviewer = ?")
                .params(r.sampleId(), r.crimeId(), r.reviewer()).update();
        r.ratings().forEach((code, rating) -> jdbc.sql("insert into case_file_answer (sample_id, crime_id, reviewer, "
                + "item_code, rating) values (?, ?, ?, ?, ?)").params(r.sampleId(), r.crimeId(), r.reviewer(), code,
                rating.code()).update());
        r.notes().forEach((code, note) -> jdbc.sql("insert into case_file_answer (sample_id, crime_id, reviewer, "
                + "item_code, note) values (?, ?, ?, ?, ?)").params(r.sampleId(), r.crimeId(), r.reviewer(), code,
                cipher.encrypt(note, answerContext(r.sampleId(), r.crimeId(), r.reviewer(), code))).update());
    }

    List<Long> crimesOf(long sampleId) {
        return new ArrayList<>(jdbc.sql("select crime_id from case_sample_crime where sample_id = ? order by position")
                .param(sampleId).query(Long.class).list());
    }
}
