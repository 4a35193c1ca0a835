package org.soteria.suspect;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.investigation.PersonFields;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Suspects' records, their crimes, the links between records and the orders they are subject to. */
@WholeForce("repeat suspects: the register, orders and alerts are the force's; officers are shown only the people "
        + "linked to crimes they have need-to-know of (RepeatSuspectService.visible)")
@Repository
class SuspectRepository {

    private final JdbcClient jdbc;
    private final PersonFields personFields;

    SuspectRepository(JdbcClient jdbc, PersonFields personFields) {
        this.jdbc = jdbc;
        this.personFields = personFields;
    }

    /** A suspect's person record, decrypted. */
    record Person(long ref, String forceCode, String personId, String givenName, String familyName, String dateOfBirth,
            String sex, String postcode, String birthPlace, String pncId) {

        public String name() {
            String n = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
            return n.isEmpty() ? "(no name recorded)" : n;
        }
    }

    /** A suspect's part in a crime. */
    record CrimeLink(long personRef, long crimeId, String crimeRef, String forceCode, String recordType, String offenceCode,
            String offenceGroup, LocalDate recordedDate, String teamCode, String officerCode, boolean restricted,
            String outcomeCode) {
    }

    /** A pair of records the engine proposed or a person decided on. */
    record Link(long personA, long personB, double probability, double weight, String explanation, String status,
            String decidedBy, OffsetDateTime decidedAt, String reason) {
    }

    /** An order or set of bail conditions. */
    record Order(String forceCode, String orderId, long personRef, String type, LocalDate madeDate, LocalDate expiresDate,
            LocalDate reviewDate, String prohibitions, LocalDate breachedOn, String recordedBy) {

        public boolean activeOn(LocalDate day) {
            return madeDate != null && !madeDate.isAfter(day) && (expiresDate == null || !expiresDate.isBefore(day));
        }
    }

    record Breach(long id, LocalDate breachedOn, String crimeRef, String note, String recordedBy, OffsetDateTime recordedAt) {
    }

    List<Person> suspects() {
        return jdbc.sql("select p.id, p.force_code, p.person_id, p.given_name, p.family_name, p.date_of_birth, p.sex, "
                        + "p.postcode, p.birth_place, p.pnc_id from investigation_person p where exists (select 1 from investigation_case_person cp "
                        + "where cp.person_ref = p.id and cp.role = 'suspect') order by p.id")
                .query((rs, n) -> person(rs)).list();
    }

    List<Person> people(List<Long> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select p.id, p.force_code, p.person_id, p.given_name, p.family_name, p.date_of_birth, p.sex, "
                        + "p.postcode, p.birth_place, p.pnc_id from investigation_person p where p.id = any(?) order by p.id")
                .param(refs.toArray(Long[]::new)).query((rs, n) -> person(rs)).list();
    }

    private Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        String force = rs.getString(2);
        String id = rs.getString(3);
        return new Person(rs.getLong(1), force, id, personFields.open(force, id, "given_name", rs.getString(4)),
                personFields.open(force, id, "family_name", rs.getString(5)), rs.getString(6), rs.getString(7),
                personFields.open(force, id, "postcode", rs.getString(8)), rs.getString(9), rs.getString(10));
    }

    private static final String CRIME_LINKS = "select cp.person_ref, c.id, c.crime_ref, c.force_code, c.record_type, "
            + "c.offence_code, c.offence_group, c.recorded_date, c.team_code, c.officer_code, c.restricted, c.outcome_code "
            + "from investigation_case_person cp join investigation_crime c on c.id = cp.crime_id where cp.role = 'suspect'";

    private static CrimeLink crimeLink(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CrimeLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
                rs.getBoolean(11), rs.getString(12));
    }

    /** Every suspect's part in every crime (for the register, which is built once and cached). */
    List<CrimeLink> suspectCrimes() {
        return jdbc.sql(CRIME_LINKS).query(SuspectRepository::crimeLink).list();
    }

    /** The crimes these people are suspects in. */
    List<CrimeLink> suspectCrimes(java.util.Collection<Long> personRefs) {
        if (personRefs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CRIME_LINKS + " and cp.person_ref = any(?)").param(personRefs.toArray(Long[]::new))
                .query(SuspectRepository::crimeLink).list();
    }

    /** The suspects of one crime. */
    List<CrimeLink> suspectsOf(long crimeId) {
        return jdbc.sql(CRIME_LINKS + " and cp.crime_id = ?").param(crimeId).query(SuspectRepository::crimeLink).list();
    }

    List<Link> links(String where, Object... params) {
        return jdbc.sql("select person_a, person_b, probability, match_weight, explanation, status, decided_by, decided_at, "
                        + "reason from person_link " + where)
                .params(params)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getDouble(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getString(9)))
                .list();
    }

    Map<Long, Long> clusters() {
        Map<Long, Long> out = new java.util.HashMap<>();
        jdbc.sql("select person_ref, cluster_ref from person_cluster").query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    int decide(long a, long b, String status, String user, OffsetDateTime at, String reason) {
        return jdbc.sql("update person_link set status = ?, decided_by = ?, decided_at = ?, reason = ? "
                        + "where person_a = ? and person_b = ?")
                .params(status, user, at, reason, a, b).update();
    }

    private static final String ORDERS = "select force_code, order_id, person_ref, order_type, made_date, expires_date, "
            + "review_date, prohibitions, breached_on, recorded_by from civil_order";
    private static final String ORDER_SORT = " order by made_date desc nulls last, order_id";

    private static Order order(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Order(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getString(10));
    }

    List<Order> orders() {
        return jdbc.sql(ORDERS + ORDER_SORT).query(SuspectRepository::order).list();
    }

    /** The orders binding these people. */
    List<Order> orders(java.util.Collection<Long> personRefs) {
        if (personRefs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ORDERS + " where person_ref = any(?)" + ORDER_SORT).param(personRefs.toArray(Long[]::new))
                .query(SuspectRepository::order).list();
    }

    List<Breach> breaches(String force, String orderId) {
        return jdbc.sql("select id, breached_on, crime_ref, note, recorded_by, recorded_at from order_breach "
                        + "where force_code = ? and order_id = ? order by breached_on desc, id desc")
                .params(force, orderId)
                .query((rs, n) -> new Breach(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    void insertOrder(Order o, OffsetDateTime at) {
        jdbc.sql("insert into civil_order (force_code, order_id, person_ref, order_type, made_date, expires_date, "
                        + "review_date, prohibitions, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.forceCode(), o.orderId(), o.personRef(), o.type(), o.madeDate(), o.expiresDate(), o.reviewDate(),
                        o.prohibitions(), o.recordedBy(), at)
                .update();
    }

    void review(String force, String orderId, LocalDate reviewDate, LocalDate expiresDate) {
        jdbc.sql("update civil_order set review_date = ?, expires_date = ? where force_code = ? and order_id = ?")
                .params(reviewDate, expiresDate, force, orderId).update();
    }

    void insertBreach(String force, String orderId, LocalDate on, String crimeRef, String note, String user,
            OffsetDateTime at) {
        jdbc.sql("insert into order_breach (force_code, order_id, breached_on, crime_ref, note, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(force, orderId, on, crimeRef, note, user, at).update();
        jdbc.sql("update civil_order set breached_on = greatest(coalesce(breached_on, ?), ?) where force_code = ? "
                        + "and order_id = ?").params(on, on, force, orderId).update();
    }

    /** Tells the measures that disruption or identities changed (a crime-less change). */
    void measuresChanged() {
        jdbc.sql("insert into measure_change (crime_id) values (null)").update();
    }

    /** Replaces the identity keys of suspects joined by confirmed links; true when anything changed. */
    boolean replaceIdentities(Map<Long, String> keys) {
        Map<Long, String> stored = new java.util.HashMap<>();
        jdbc.sql("select person_ref, identity_key from person_identity").query(rs -> {
            stored.put(rs.getLong(1), rs.getString(2));
        });
        if (stored.equals(keys)) {
            return false;
        }
        List<Long> gone = new ArrayList<>(stored.keySet());
        gone.removeAll(keys.keySet());
        if (!gone.isEmpty()) {
            jdbc.sql("delete from person_identity where person_ref = any(?)").param(gone.toArray(Long[]::new)).update();
        }
        keys.forEach((ref, key) -> {
            if (!key.equals(stored.get(ref))) {
                jdbc.sql("insert into person_identity (person_ref, identity_key) values (?, ?) on conflict (person_ref) "
                        + "do update set identity_key = excluded.identity_key").params(ref, key).update();
            }
        });
        return true;
    }

    /** What the register depends on, as one string that changes whenever it must be rebuilt. */
    String registerStamp() {
        return jdbc.sql("select (select coalesce(max(id), 0) from linkage_run) || '/' || "
                        + "(select count(*) || ':' || coalesce(max(decided_at)::text, '') from person_link) || '/' || "
                        + "(select coalesce(max(seq), 0) from measure_change) || '/' || "
                        + "(select count(*) from civil_order) || '/' || (select count(*) from order_breach)")
                .query(String.class).single();
    }

    /** Those of the crimes given that belong to the force and are not restricted. */
    java.util.Set<Long> unrestricted(java.util.Set<Long> crimeIds, String forceCode) {
        if (crimeIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select id from investigation_crime crime where id = any(:ids) and force_code = :force "
                        + "and not restricted")
                .param("ids", crimeIds.toArray(Long[]::new)).param("force", forceCode == null ? "" : forceCode)
                .query(Long.class).list());
    }
}
