package org.soteria.victim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.CrimeEvents;
import org.soteria.platform.FieldCipher;
import org.soteria.investigation.PersonFields;
import org.soteria.reference.EventType;
import org.soteria.security.NeedToKnow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the victim's journey: the crimes and victims the Code applies to, their events and
 * contact plans, the contact log, Victims' Right to Review requests and feedback links. Events the
 * platform records itself get an event id ({@code SOT-…}) so that an exported bundle re-imports cleanly,
 * and every change is noted in {@code measure_change} so that the measures see it within seconds.
 */
@Repository
class VictimRepository {

    private final JdbcClient jdbc;
    private final PersonFields personFields;
    private final FieldCipher cipher;

    private final CrimeEvents events;

    VictimRepository(JdbcClient jdbc, PersonFields personFields, FieldCipher cipher, CrimeEvents events) {
        this.events = events;
        this.jdbc = jdbc;
        this.personFields = personFields;
        this.cipher = cipher;
    }

    /** A crime as the Code sees it, with the facts its obligations are derived from. */
    record CodeCrime(long id, String forceCode, String crimeRef, LocalDate recorded, String outcomeCode,
            LocalDate outcomeDate, String teamCode, String officerCode, String officerName,
            boolean thirdPartyWithoutConsent, boolean suspectLinked, List<Victim> victims,
            List<VictimsCode.CrimeEvent> events, List<Plan> plans) {
    }

    /** A victim of a crime, with their name for the people who may see it. */
    record Victim(long ref, String personId, String name) {
    }

    /** A stored contact plan; the free-text fields decrypted. */
    record Plan(long crimeId, long victimRef, String preferredChannel, boolean doNotCall, boolean thisNumberOnly,
            String safeNumber, String safeTimes, String interviewerGender, String interpreterLanguage,
            String communicationNeeds, String isvaName, String isvaContact, String liaisonOfficerCode,
            String liaisonOfficerName, int updateEveryDays, LocalDate agreedOn, LocalDate endedOn, String updatedBy,
            OffsetDateTime updatedAt, String language) {

        VictimsCode.ContactPlan forCode() {
            return new VictimsCode.ContactPlan(victimRef, agreedOn, updateEveryDays, endedOn);
        }
    }

    /** One entry of the contact log. */
    record Contact(long id, OffsetDateTime occurredAt, String channel, String purpose, String summary,
            String recordedBy) {
    }

    /** A Victims' Right to Review request. */
    record ReviewRequest(long id, long victimRef, String scheme, LocalDate requestedOn, String outcome,
            LocalDate outcomeOn, String recordedBy) {
    }

    /**
     * Crimes the Code still has work on that this user may see: not cancelled, and either without an
     * outcome or with one in the last {@code closedWithinDays} days; narrowed by {@code scope}.
     */
    List<Long> crimesInScope(NeedToKnow.Rule rule, String scopeSql, Map<String, Object> scopeParams,
            LocalDate closedSince) {
        Map<String, Object> p = new HashMap<>(rule.params());
        p.putAll(scopeParams);
        p.put("closedSince", closedSince);
        return jdbc.sql("select c.id from investigation_crime c where " + rule.sql() + " and c.record_type <> 'cancelled' "
                        + "and (c.outcome_date is null or c.outcome_date >= :closedSince) and " + scopeSql
                        + " and exists (select 1 from investigation_case_person v where v.crime_id = c.id and v.role = 'victim')")
                .params(p).query(Long.class).list();
    }

    /** The crimes with their victims, events and plans, in id order. */
    List<CodeCrime> load(List<Long> crimeIds) {
        if (crimeIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = crimeIds.toArray(Long[]::new);
        Map<Long, List<Victim>> victims = new HashMap<>();
        jdbc.sql("select cp.crime_id, p.id, p.force_code, p.person_id, p.given_name, p.family_name from investigation_case_person cp "
                        + "join investigation_person p on p.id = cp.person_ref where cp.role = 'victim' and cp.crime_id = any(?) "
                        + "order by cp.crime_id, p.person_id")
                .param(ids)
                .query(rs -> {
                    victims.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Victim(rs.getLong(2), rs.getString(4), name(rs, 3)));
                });
        Map<Long, List<VictimsCode.CrimeEvent>> events = new HashMap<>();
        jdbc.sql("select crime_id, event_type, (occurred_at at time zone 'Europe/London')::date, event_id, person_ref, "
                        + "detail from investigation_event event where crime_id = any(?) order by occurred_at, id")
                .param(ids)
                .query(rs -> {
                    Optional<EventType> type = EventType.parse(rs.getString(2));
                    if (type.isPresent()) {
                        events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new VictimsCode.CrimeEvent(
                                type.get(), rs.getObject(3, LocalDate.class), rs.getString(4),
                                (Long) rs.getObject(5, Long.class), rs.getString(6)));
                    }
                });
        Map<Long, List<Plan>> plans = new HashMap<>();
        for (Plan plan : plans(ids)) {
            plans.computeIfAbsent(plan.crimeId(), k -> new ArrayList<>()).add(plan);
        }
        return jdbc.sql("select c.id, c.force_code, c.crime_ref, c.recorded_date, c.outcome_date, c.team_code, "
                        + "c.officer_code, o.display_name, c.report_source <> 'victim' and c.victim_consented is false, "
                        + "c.outcome_code, exists (select 1 from investigation_case_person s where s.crime_id = c.id "
                        + "and s.role = 'suspect') from investigation_crime c left join officer o on o.force_code = c.force_code "
                        + "and o.officer_code = c.officer_code where c.id = any(?) order by c.id")
                .param(ids)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    return new CodeCrime(id, rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(10), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getBoolean(9), rs.getBoolean(11), victims.getOrDefault(id, List.of()),
                            events.getOrDefault(id, List.of()), plans.getOrDefault(id, List.of()));
                })
                .list();
    }

    private String name(ResultSet rs, int forceColumn) throws SQLException {
        String force = rs.getString(forceColumn);
        String id = rs.getString(forceColumn + 1);
        String given = personFields.open(force, id, "given_name", rs.getString(forceColumn + 2));
        String family = personFields.open(force, id, "family_name", rs.getString(forceColumn + 3));
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return joined.isEmpty() ? null : joined;
    }

    /** A crime's contact plans, as row-level security shows them. */
    List<Plan> plansOf(long crimeId) {
        return plans(new Long[] {crimeId});
    }

    private List<Plan> plans(Long[] crimeIds) {
        return jdbc.sql("select p.*, o.display_name liaison_name from victim_contact_plan p join investigation_crime c on c.id = p.crime_id "
                        + "left join officer o on o.force_code = c.force_code and o.officer_code = p.liaison_officer_code "
                        + "where p.crime_id = any(?)")
                .param(crimeIds)
                .query((rs, n) -> {
                    long crime = rs.getLong("crime_id");
                    long person = rs.getLong("person_ref");
                    return new Plan(crime, person, rs.getString("preferred_channel"), rs.getBoolean("do_not_call"),
                            rs.getBoolean("this_number_only"), open(rs, crime, person, "safe_number"),
                            open(rs, crime, person, "safe_times"), rs.getString("interviewer_gender"),
                            open(rs, crime, person, "interpreter_language"),
                            open(rs, crime, person, "communication_needs"), open(rs, crime, person, "isva_name"),
                            open(rs, crime, person, "isva_contact"), rs.getString("liaison_officer_code"),
                            rs.getString("liaison_name"), rs.getInt("update_every_days"),
                            rs.getObject("agreed_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                            rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
                            rs.getString("language"));
                })
                .list();
    }

    private String open(ResultSet rs, long crime, long person, String column) throws SQLException {
        return cipher.decrypt(rs.getString(column), planContext(crime, person, column));
    }

    private static String planContext(long crime, long person, String column) {
        return "victim_contact_plan/" + crime + "/" + person + "/" + column;
    }

    private static String contactContext(long crime, long person) {
        return "victim_contact/" + crime + "/" + person + "/summary";
    }

    /** Adds or replaces a victim's contact plan. */
    void savePlan(Plan p) {
        long c = p.crimeId();
        long v = p.victimRef();
        jdbc.sql("insert into victim_contact_plan (crime_id, person_ref, preferred_channel, do_not_call, this_number_only, "
                        + "safe_number, safe_times, interviewer_gender, interpreter_language, communication_needs, isva_name, "
                        + "isva_contact, liaison_officer_code, update_every_days, agreed_on, ended_on, updated_by, updated_at, "
                        + "language) values (:c, :v, :channel, :dnc, :only, :number, :times, :gender, :language, :needs, "
                        + ":isva, :isvaContact, :liaison, :every, :agreed, :ended, :by, now(), :speaks) "
                        + "on conflict (crime_id, person_ref) "
                        + "do update set preferred_channel = excluded.preferred_channel, do_not_call = excluded.do_not_call, "
                        + "this_number_only = excluded.this_number_only, safe_number = excluded.safe_number, "
                        + "safe_times = excluded.safe_times, interviewer_gender = excluded.interviewer_gender, "
                        + "interpreter_language = excluded.interpreter_language, "
                        + "communication_needs = excluded.communication_needs, isva_name = excluded.isva_name, "
                        + "isva_contact = excluded.isva_contact, liaison_officer_code = excluded.liaison_officer_code, "
                        + "update_every_days = excluded.update_every_days, agreed_on = excluded.agreed_on, "
                        + "ended_on = excluded.ended_on, updated_by = excluded.updated_by, updated_at = now(), "
                        + "language = excluded.language")
                .param("c", c).param("v", v).param("channel", p.preferredChannel()).param("dnc", p.doNotCall())
                .param("only", p.thisNumberOnly())
                .param("number", cipher.encrypt(p.safeNumber(), planContext(c, v, "safe_number")))
                .param("times", cipher.encrypt(p.safeTimes(), planContext(c, v, "safe_times")))
                .param("gender", p.interviewerGender())
                .param("language", cipher.encrypt(p.interpreterLanguage(), planContext(c, v, "interpreter_language")))
                .param("needs", cipher.encrypt(p.communicationNeeds(), planContext(c, v, "communication_needs")))
                .param("isva", cipher.encrypt(p.isvaName(), planContext(c, v, "isva_name")))
                .param("isvaContact", cipher.encrypt(p.isvaContact(), planContext(c, v, "isva_contact")))
                .param("liaison", p.liaisonOfficerCode()).param("every", p.updateEveryDays())
                .param("agreed", p.agreedOn()).param("ended", p.endedOn()).param("by", p.updatedBy())
                .param("speaks", p.language())
                .update();
        changed(c);
    }

    /**
     * Records an event of the crime (a contact that fulfils a duty, a withdrawal, a review request) with
     * an id of its own; returns the event's row id.
     */
    long addEvent(long crimeId, EventType type, Instant at, Long personRef, String officerCode, String detail) {
        return events.add(crimeId, type.code(), at, personRef, officerCode, detail);
    }

    void addContact(long crimeId, long victimRef, Instant at, String channel, String purpose, String summary,
            Long eventRef, String recordedBy) {
        jdbc.sql("insert into victim_contact (crime_id, person_ref, occurred_at, channel, purpose, summary, event_ref, "
                        + "recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(crimeId, victimRef, Timestamp.from(at), channel, purpose,
                        cipher.encrypt(summary, contactContext(crimeId, victimRef)), eventRef, recordedBy)
                .update();
    }

    /** A victim's contact log, newest first. */
    List<Contact> contacts(long crimeId, long victimRef) {
        return jdbc.sql("select id, occurred_at, channel, purpose, summary, recorded_by from victim_contact "
                        + "where crime_id = ? and person_ref = ? order by occurred_at desc, id desc")
                .params(crimeId, victimRef)
                .query((rs, n) -> new Contact(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4), cipher.decrypt(rs.getString(5), contactContext(crimeId, victimRef)),
                        rs.getString(6)))
                .list();
    }

    long addReview(long crimeId, long victimRef, String scheme, LocalDate requestedOn, long eventRef, String by) {
        return jdbc.sql("insert into vrr_request (crime_id, person_ref, scheme, requested_on, event_ref, recorded_by) "
                        + "values (?, ?, ?, ?, ?, ?) returning id")
                .params(crimeId, victimRef, scheme, requestedOn, eventRef, by).query(Long.class).single();
    }

    /** Sets a pending review's outcome; false when there is no such pending review on the crime. */
    boolean decideReview(long crimeId, long reviewId, String outcome, LocalDate on) {
        return jdbc.sql("update vrr_request set outcome = ?, outcome_on = ? where id = ? and crime_id = ? "
                        + "and outcome = 'pending' and requested_on <= ?")
                .params(outcome, on, reviewId, crimeId, on).update() == 1;
    }

    Optional<ReviewRequest> review(long crimeId, long reviewId) {
        return reviews(crimeId).stream().filter(r -> r.id() == reviewId).findFirst();
    }

    List<ReviewRequest> reviews(long crimeId) {
        return jdbc.sql("select id, person_ref, scheme, requested_on, outcome, outcome_on, recorded_by from vrr_request "
                        + "where crime_id = ? order by requested_on desc, id desc")
                .param(crimeId)
                .query((rs, n) -> new ReviewRequest(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7)))
                .list();
    }

    /** The officers of a force, code to name, for choosing a liaison officer. */
    Map<String, String> officers(String forceCode) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("select officer_code, coalesce(display_name, officer_code) from officer where force_code = ? "
                        + "order by 2, 1")
                .param(forceCode).query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    boolean officerExists(String forceCode, String officerCode) {
        return jdbc.sql("select count(*) from officer where force_code = ? and officer_code = ?")
                .params(forceCode, officerCode).query(Long.class).single() > 0;
    }

    /** Creates a feedback link's record; only the token's hash is stored. */
    void addInvitation(String tokenHash, long crimeId, long victimRef, String by, String byOfficer, Instant expires) {
        jdbc.sql("insert into feedback_invitation (token_hash, crime_id, person_ref, created_by, created_by_officer, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?)")
                .params(tokenHash, crimeId, victimRef, by, byOfficer, Timestamp.from(expires)).update();
    }

    /** The links made for one victim of a crime since {@code since}, and whether one is still open. */
    record LinksMade(long since, boolean open, OffsetDateTime openUntil) {
    }

    LinksMade linksMade(long crimeId, long victimRef, Instant since) {
        return jdbc.sql("select count(*) filter (where created_at >= ?), "
                        + "max(expires_at) filter (where used_at is null and expires_at > now()) "
                        + "from feedback_invitation where crime_id = ? and person_ref = ?")
                .params(Timestamp.from(since), crimeId, victimRef)
                .query((rs, n) -> {
                    OffsetDateTime until = rs.getObject(2, OffsetDateTime.class);
                    return new LinksMade(rs.getLong(1), until != null, until);
                })
                .single();
    }

    /** A feedback link's state: whether it exists, is unused and unexpired, and the officer who made it. */
    record Invitation(long id, long crimeId, long victimRef, String forceCode, boolean used, boolean expired,
            String byOfficer) {
    }

    Optional<Invitation> invitation(String tokenHash) {
        return jdbc.sql("select i.id, i.crime_id, i.person_ref, c.force_code, i.used_at is not null, "
                        + "i.expires_at <= now(), i.created_by_officer from feedback_invitation i "
                        + "join investigation_crime c on c.id = i.crime_id where i.token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Invitation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getString(7)))
                .optional();
    }

    /** Marks a link used; false when it was already used or has expired (so two submissions cannot both land). */
    boolean useInvitation(long id) {
        return jdbc.sql("update feedback_invitation set used_at = now() where id = ? and used_at is null "
                        + "and expires_at > now()").param(id).update() == 1;
    }

    /** The links created for a crime's victims: when, by whom, and whether used. */
    record InvitationSummary(long victimRef, OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
            boolean used) {
    }

    List<InvitationSummary> invitations(long crimeId) {
        return jdbc.sql("select person_ref, created_at, created_by, expires_at, used_at is not null "
                        + "from feedback_invitation where crime_id = ? order by created_at desc")
                .param(crimeId)
                .query((rs, n) -> new InvitationSummary(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5)))
                .list();
    }

    void addFeedback(long crimeId, long victimRef, LocalDate returned, Integer[] scores, String invitedByOfficer) {
        jdbc.sql("insert into victim_feedback (crime_id, person_ref, returned_date, dignity, fairness, voice, safety, "
                        + "trust, invited_by_officer) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (crime_id, person_ref, returned_date) do "
                        + "update set dignity = excluded.dignity, fairness = excluded.fairness, voice = excluded.voice, "
                        + "safety = excluded.safety, trust = excluded.trust, invited_by_officer = excluded.invited_by_officer")
                .params(crimeId, victimRef, returned, scores[0], scores[1], scores[2], scores[3], scores[4],
                        invitedByOfficer)
                .update();
        changed(crimeId);
    }

    void addFeedbackComment(String forceCode, LocalDate month, String comment) {
        long id = jdbc.sql("insert into feedback_comment (force_code, returned_month, comment) values (?, ?, '') "
                        + "returning id").params(forceCode, month).query(Long.class).single();
        jdbc.sql("update feedback_comment set comment = ? where id = ?")
                .params(cipher.encrypt(comment, "feedback_comment/" + id), id).update();
    }

    /** The comments of one month, in a random order so that their order tells nothing. */
    List<String> feedbackComments(String forceCode, LocalDate month) {
        return jdbc.sql("select id, comment from feedback_comment where force_code = ? and returned_month = ? "
                        + "order by random()")
                .params(forceCode, month)
                .query((rs, n) -> cipher.decrypt(rs.getString(2), "feedback_comment/" + rs.getLong(1))).list();
    }

    /** How many comments each month has, newest first. */
    /** The months that have ended with their number of comments: a month still open is never shown (ADR 24). */
    Map<LocalDate, Long> feedbackCommentMonths(String forceCode, LocalDate currentMonth) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        jdbc.sql("select returned_month, count(*) from feedback_comment where force_code = ? and returned_month < ? "
                        + "group by 1 order by 1 desc")
                .params(forceCode, currentMonth).query(rs -> {
                    out.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        return out;
    }

    private void changed(long crimeId) {
        events.changed(crimeId);
    }
}
