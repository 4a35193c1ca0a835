package org.soteria.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.security.NeedToKnow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for casework across crimes: what is due, under the caller's need-to-know rule, and a crime's casework
 * counts.
 */
@Repository
class CaseworkQueueRepository {

    private final JdbcClient jdbc;
    private final CaseworkCipher cipher;

    CaseworkQueueRepository(JdbcClient jdbc, CaseworkCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The team and officer in the case of each of these crimes, with their names, under row-level security. */
    Map<Long, QueueFilter.Owner> owners(java.util.Collection<Long> crimeIds) {
        Map<Long, QueueFilter.Owner> out = new java.util.HashMap<>();
        if (crimeIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select c.id, c.team_code, t.name, c.officer_code, o.display_name from investigation_crime c "
                        + "left join team t on t.force_code = c.force_code and t.team_code = c.team_code "
                        + "left join officer o on o.force_code = c.force_code and o.officer_code = c.officer_code "
                        + "where c.id in (:ids)")
                .param("ids", crimeIds)
                .query(rs -> {
                    out.put(rs.getLong(1), new QueueFilter.Owner(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                });
        return out;
    }

    record Counts(long lines, long reviews, long devices, Map<String, Long> requests) {
    }

    Counts counts(long crimeId) {
        Map<String, Long> requests = new java.util.LinkedHashMap<>();
        jdbc.sql("select material, status, count(*) from material_request where crime_id = ? group by 1, 2 order by 1, 2")
                .param(crimeId).query(rs -> {
                    requests.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
                });
        return jdbc.sql("select (select count(*) from enquiry_line where crime_id = :c), (select count(*) from "
                        + "supervisor_review where crime_id = :c), (select count(*) from device_exhibit where crime_id = :c)")
                .param("c", crimeId).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), requests))
                .single();
    }

    /**
     * One kind of casework record as a reviewer reads it: its query (the day, days since the crime was recorded, then
     * coded values), the message that says it, and the coded choice each value is a label of.
     */
    private record Said(String sql, String message, String... choices) {
    }

    private static final List<Said> TIMELINE = List.of(
            new Said("select (created_at at time zone 'Europe/London')::date - :r, focus, status from enquiry_line "
                    + "where crime_id = :c", "ddFile.line", "Focus", "LineStatus"),
            new Said("select closed_on - :r, focus, status from enquiry_line where crime_id = :c and closed_on is not null",
                    "ddFile.lineClosed", "Focus", "LineStatus"),
            new Said("select reviewed_on - :r, suspect_focus, victim_engagement, proportionality from supervisor_review "
                    + "where crime_id = :c", "ddFile.review", "Answer", "Answer", "Answer"),
            new Said("select requested_on - :r, material, status, victim_view from material_request where crime_id = :c",
                    "ddFile.materialRequest", "Material", "RequestStatus", "VictimView"),
            new Said("select submitted_on - :r from cps_submission where crime_id = :c and kind = 'early_advice'",
                    "ddFile.cps.early_advice"),
            new Said("select submitted_on - :r from cps_submission where crime_id = :c and kind = 'referral'",
                    "ddFile.cps.referral"));

    /**
     * A crime's casework as a reviewer reads it pseudonymised (issue 26): each record's day (days since the crime was
     * recorded), its kind and coded values, never its free text. Message codes with their arguments.
     */
    List<Map.Entry<Integer, String>> timeline(long crimeId, LocalDate recorded) {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        for (Said said : TIMELINE) {
            jdbc.sql(said.sql()).param("c", crimeId).param("r", recorded).query(rs -> {
                Object[] args = new Object[said.choices().length + 1];
                args[0] = rs.getInt(1);
                for (int i = 0; i < said.choices().length; i++) {
                    args[i + 1] = "~choice." + said.choices()[i] + "." + rs.getString(i + 2);
                }
                out.add(Map.entry(rs.getInt(1), Fault.of(said.message(), args)));
            });
        }
        return out;
    }

    /** An open crime the user may see, with what its review schedule needs. */
    record OpenCrime(long id, String crimeRef, LocalDate recordedDate, String teamCode, String officerCode,
            List<LocalDate> reviews) {
    }

    /** Open recorded crimes (no outcome) that meet the need-to-know rule, with their review dates. */
    List<OpenCrime> openCrimes(NeedToKnow.Rule rule, boolean teamsOnly, List<String> teams) {
        String sql = "select c.id, c.crime_ref, c.recorded_date, c.team_code, c.officer_code, "
                + "array(select r.reviewed_on from supervisor_review r where r.crime_id = c.id order by 1) "
                + "from investigation_crime c where c.record_type = 'crime' and c.outcome_code is null and " + rule.sql()
                + (teamsOnly ? " and c.team_code = any(:teams)" : "") + " order by c.recorded_date, c.id";
        var spec = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : rule.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        if (teamsOnly) {
            spec = spec.param("teams", teams.toArray(String[]::new));
        }
        return spec.query((rs, i) -> {
            List<LocalDate> reviews = new ArrayList<>();
            java.sql.Array a = rs.getArray(6);
            if (a != null) {
                for (Object o : (Object[]) a.getArray()) {
                    reviews.add(((java.sql.Date) o).toLocalDate());
                }
            }
            return new OpenCrime(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                    rs.getString(5), reviews);
        }).list();
    }

    /** A queue row about one crime: what, when, and the record it concerns. */
    record Due(long crimeId, String crimeRef, LocalDate date, String what, String ownerCode) {
    }

    private <T> List<T> queue(String sql, NeedToKnow.Rule rule, Map<String, Object> extra,
            org.springframework.jdbc.core.RowMapper<T> mapper) {
        var spec = jdbc.sql(sql.replace(":rule", rule.sql()));
        for (Map.Entry<String, Object> p : rule.params().entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        for (Map.Entry<String, Object> p : extra.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec.query(mapper).list();
    }

    /** Open lines of enquiry due by {@code until} owned by {@code owner} on crimes the rule allows. */
    List<Due> linesDue(NeedToKnow.Rule rule, String owner, LocalDate until) {
        return queue("select l.crime_id, c.crime_ref, l.due_on, l.description from enquiry_line l join investigation_crime c "
                        + "on c.id = l.crime_id where l.status = 'open' and l.owner_code = :owner and l.due_on <= :until "
                        + "and :rule order by l.due_on, l.id limit 500", rule, Map.of("owner", owner, "until", until),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        cipher.open(rs, "enquiry_line", "description"), owner));
    }

    List<Due> awaitingApproval(NeedToKnow.Rule rule) {
        return queue("select r.crime_id, c.crime_ref, r.requested_on, r.material, r.requested_by from material_request r "
                        + "join investigation_crime c on c.id = r.crime_id where r.status = 'awaiting_approval' and :rule "
                        + "order by r.requested_on, r.id limit 500", rule, Map.of(),
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        // The material's name as a message code: the queue shows it in the page's language.
                        Fault.of(Codes.parse(Codes.Material.class, rs.getString(4)).messageKey()), rs.getString(5)));
    }

    List<BailRepository.Bail> openBail(NeedToKnow.Rule rule) {
        return queue("select " + BailRepository.BAIL_COLUMNS + " from bail_period b join investigation_crime c on c.id = b.crime_id "
                        + "where b.ended_on is null and :rule order by coalesce(b.expires_on, b.review_on), b.id limit 2000",
                rule, Map.of(), (rs, i) -> BailRepository.bail(rs));
    }

    List<CpsRecords.Action> actionsDue(NeedToKnow.Rule rule, LocalDate until) {
        return queue("select a.id, a.crime_id, c.crime_ref, a.action, a.due_on, a.owner_code, a.done_on, a.done_by, "
                        + "a.owner_side from cps_action a join investigation_crime c on c.id = a.crime_id "
                        + "where a.done_on is null and a.owner_side = 'police' "
                        + "and a.due_on <= :until and :rule order by a.due_on, a.id limit 500", rule, Map.of("until", until),
                (rs, i) -> CpsRepository.action(rs, cipher));
    }
}
