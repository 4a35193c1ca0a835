package org.soteria.performance;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.soteria.reference.Coded;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.RecordType;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the investigation records into a {@link FactsBuilder}: everything, or only the crimes an
 * import changed. Rows stream through a cursor, so memory holds the facts, not the rows.
 */
@WholeForce("measures: the snapshot of every crime's facts, which leaves only as measures")
@Repository
class MeasureRepository {

    private static final String CRIME = "select id, force_code, team_code, officer_code, record_type, n100_code, "
            + "offence_code, recorded_date, report_source, victim_consented, outcome_code, outcome_date from investigation_crime crime";
    // A suspect's identity key: a confirmed link's key (person_identity, kept by the linkage feature), else the PNC id.
    private static final String PEOPLE = "select cp.crime_id, cp.person_ref, cp.role, cp.relationship, "
            + "cp.age_at_offence, case when cp.role = 'suspect' then coalesce(pi.identity_key, p.pnc_id) end as pnc_id "
            + "from investigation_case_person cp join investigation_person p on p.id = cp.person_ref "
            + "left join person_identity pi on pi.person_ref = p.id where cp.role in ('victim', 'suspect')";
    // An event's date is the calendar date of occurred_at in Europe/London (victims-code.md).
    private static final String EVENTS = "select crime_id, event_type, (occurred_at at time zone 'Europe/London')::date "
            + "as day, event_id, person_ref, detail from investigation_event event";
    /** Feedback, and whether it came from a link made by the crime's own officer in the case (issue 22). */
    private static final String FEEDBACK = "select * from (select f.crime_id, f.returned_date, f.dignity, f.fairness, "
            + "f.voice, f.safety, f.trust, f.invited_by_officer is not null and f.invited_by_officer = c.officer_code "
            + "from victim_feedback f join investigation_crime c on c.id = f.crime_id) feedback";

    private static final String PLANS = "select crime_id, person_ref, agreed_on, update_every_days, ended_on "
            + "from victim_contact_plan";

    /** Partners' records in the case (docs/partner-measures.md): early advice asked in Soteria and its answer. */
    private static final String EARLY_ADVICE = "select s.crime_id, s.submitted_on, (select min(r.reviewed_on) "
            + "from cps_review r where r.submission_id = s.id and r.verdict = 'advice') from cps_submission s "
            + "where s.kind = 'early_advice'";
    private static final String ACTIONS = "select crime_id, owner_side = 'cps', due_on, done_on from cps_action";
    private static final String ISVA_SUPPORT = "select crime_id, min(noted_on) from isva_note where kind = 'support'";

    private static final long EVENT_SLICE = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    MeasureRepository(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(20_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The newest change recorded by imports, and the newest finished import run. */
    long[] watermark() {
        return jdbc.queryForObject("select (select coalesce(max(seq), 0) from measure_change), "
                + "(select coalesce(max(id), 0) from import_run where status <> 'running')",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    /**
     * Crimes changed after a watermark; null when there are more than {@code limit} (reload in full instead).
     * Changes without a crime changed only the roster, which every load re-reads.
     */
    List<Long> changedSince(long seq, int limit) {
        List<Long> ids = jdbc.queryForList("select distinct crime_id from measure_change where seq > ? "
                + "and crime_id is not null limit ?",
                Long.class, seq, limit + 1);
        return ids.size() > limit ? null : ids;
    }

    /**
     * Officers with the spans their specialist accreditations are current (officers.csv's accredited_until,
     * and specialist accreditations recorded in Soteria), and their abstractions.
     */
    private MeasureFacts.Roster roster() {
        java.util.Map<String, List<MeasureFacts.Accreditation>> spans = new java.util.HashMap<>();
        jdbc.query("select t.force_code, t.officer_code, t.completed_on, t.expires_on from officer_training t "
                + "join training_course k on k.code = t.course_code where k.specialist_accreditation", rs -> {
                    spans.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                            .add(new MeasureFacts.Accreditation(date(rs, 3), date(rs, 4)));
                });
        List<MeasureFacts.Officer> officers = new ArrayList<>();
        jdbc.query("select force_code, officer_code, team_code, accredited_until from officer", rs -> {
            List<MeasureFacts.Accreditation> a = new ArrayList<>(
                    spans.getOrDefault(rs.getString(1) + "\u0000" + rs.getString(2), List.of()));
            if (rs.getDate(4) != null) {
                a.add(new MeasureFacts.Accreditation(null, date(rs, 4)));
            }
            officers.add(new MeasureFacts.Officer(rs.getString(1), rs.getString(2), rs.getString(3), List.copyOf(a)));
        });
        List<MeasureFacts.Abstraction> abstractions = new ArrayList<>();
        jdbc.query("select a.force_code, a.officer_code, coalesce(a.team_code, o.team_code), a.starts_on, a.ends_on "
                + "from officer_abstraction a left join officer o on o.force_code = a.force_code "
                + "and o.officer_code = a.officer_code", rs -> {
                    abstractions.add(new MeasureFacts.Abstraction(rs.getString(1), rs.getString(2), rs.getString(3),
                            date(rs, 4), date(rs, 5)));
                });
        return new MeasureFacts.Roster(officers, abstractions);
    }

    /** Loads every crime (or only {@code crimeIds}) with its people, events and feedback, then orders and officers. */
    void load(FactsBuilder b, Collection<Long> crimeIds) {
        readOnly.executeWithoutResult(status -> {
            String only = crimeIds == null ? "" : " where id = any(?)";
            String onlyCrime = crimeIds == null ? "" : " and cp.crime_id = any(?)";
            String onlyEvent = crimeIds == null ? "" : " where crime_id = any(?)";
            stream(CRIME + only, crimeIds, rs -> b.crime(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), Coded.parse(RecordType.class, rs.getString(5)).orElseThrow(),
                    (Integer) rs.getObject(6), OffenceCode.parse(rs.getString(7)).orElseThrow(),
                    rs.getDate(8).toLocalDate(), Coded.parse(ReportSource.class, rs.getString(9)).orElse(null),
                    (Boolean) rs.getObject(10), OutcomeCode.parse(rs.getString(11)).orElse(null), date(rs, 12)));
            stream(PEOPLE + onlyCrime, crimeIds, rs -> b.person(rs.getLong(1), rs.getLong(2), rs.getString(3),
                    Coded.parse(Relationship.class, rs.getString(4)).orElse(null), (Integer) rs.getObject(5),
                    rs.getString(6)));
            stream(PLANS + onlyEvent, crimeIds, rs -> b.contactPlan(rs.getLong(1), rs.getLong(2),
                    rs.getDate(3).toLocalDate(), rs.getInt(4), date(rs, 5)));
            String onlyPart = crimeIds == null ? "" : " and crime_id = any(?)";
            stream(EARLY_ADVICE + onlyPart.replace("crime_id", "s.crime_id"), crimeIds, rs -> b.earlyAdvice(
                    rs.getLong(1), rs.getDate(2).toLocalDate(), date(rs, 3)));
            stream(ACTIONS + onlyEvent, crimeIds, rs -> b.action(rs.getLong(1), rs.getBoolean(2),
                    rs.getDate(3).toLocalDate(), date(rs, 4)));
            stream(ISVA_SUPPORT + onlyPart + " group by crime_id", crimeIds, rs -> b.isvaSupport(rs.getLong(1),
                    rs.getDate(2).toLocalDate()));
            if (crimeIds == null) {
                // In slices of crime ids, each read through the event_crime index and finished before the
                // next, so that only one slice's events are held in memory at a time.
                long[] range = jdbc.queryForObject("select coalesce(min(id), 0), coalesce(max(id), -1) from investigation_crime crime",
                        (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
                for (long from = range[0]; from <= range[1]; from += EVENT_SLICE) {
                    long to = from + EVENT_SLICE - 1;
                    jdbc.query(EVENTS + " where crime_id between ? and ?", rs -> {
                        event(b, rs);
                    }, from, to);
                    b.finishBetween(from, to);
                }
            } else {
                stream(EVENTS + onlyEvent, crimeIds, rs -> event(b, rs));
            }
            stream(FEEDBACK + onlyEvent, crimeIds, rs -> b.feedback(rs.getLong(1), rs.getDate(2).toLocalDate(),
                    rs.getBoolean(8), score(rs, 3), score(rs, 4), score(rs, 5), score(rs, 6), score(rs, 7)));
            List<MeasureFacts.Order> orders = new ArrayList<>();
            stream("select force_code, person_ref, order_type, made_date, expires_date from civil_order", null,
                    rs -> orders.add(new MeasureFacts.Order(rs.getString(1), rs.getLong(2),
                            Coded.parse(OrderType.class, rs.getString(3)).orElseThrow(), date(rs, 4), date(rs, 5))));
            b.replaceOrders(orders);
            b.replaceRoster(roster());
        });
        if (crimeIds == null) {
            b.finishAll();
        } else {
            crimeIds.forEach(b::finish);
        }
    }

    private static void event(FactsBuilder b, ResultSet rs) throws SQLException {
        b.event(rs.getLong(1), Coded.parse(EventType.class, rs.getString(2)).orElseThrow(), rs.getDate(3).toLocalDate(),
                rs.getString(4), (Long) rs.getObject(5), rs.getString(6));
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, Collection<Long> ids, Row row) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(20_000);
            if (ids != null) {
                Array array = con.createArrayOf("bigint", ids.toArray());
                ps.setArray(1, array);
            }
            return ps;
        }, rs -> {
            row.accept(rs);
        });
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer score(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
