package org.soteria.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * People's choices of alerts, the messages sent to them, and what each person was last told or last saw: the
 * counts of each kind of work (never what the work is).
 */
@Repository
class AlertRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    /** The advisory lock that lets one Soteria at a time check alerts ("SotAlert"). */
    static final long CHECK_LOCK = 0x536f74416c657274L;

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    AlertRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code check} while this instance holds the alerts' advisory lock, so that two instances of one force's
     * Soteria (behind a load balancer) never both send a morning summary; empty when another instance holds it. The
     * lock belongs to a connection kept for the while, so the check's own statements commit one by one, as when it
     * runs alone, and a process that dies lets go of it.
     */
    java.util.OptionalInt whileAlone(java.util.function.IntSupplier check) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                return java.util.OptionalInt.empty();
            }
            try {
                return java.util.OptionalInt.of(check.getAsInt());
            } finally {
                lock(c, "select pg_advisory_unlock(?)");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The alerts' lock could not be taken or given back", e);
        }
    }

    private static boolean lock(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, CHECK_LOCK);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A person's choice, with what was last dealt with for them; {@code told} is null until the first check. */
    record Subscription(String username, String email, boolean daily, boolean immediate, LocalDate dailyDoneOn,
            Map<String, Long> told) {
    }

    /** One message as the person's alerts page lists it. */
    record Message(OffsetDateTime sentAt, String kind, String email, String subject, int lines, boolean sent) {
    }

    Optional<Subscription> subscription(String username) {
        return jdbc.sql("select username, email, daily, immediate, daily_done_on, urgent_told from alert_choice "
                + "where username = ?").param(username).query((rs, n) -> subscription(rs)).optional();
    }

    /** Everyone who asked for alerts, whose account is enabled. */
    List<Subscription> subscriptions() {
        return jdbc.sql("select a.username, a.email, a.daily, a.immediate, a.daily_done_on, a.urgent_told "
                        + "from alert_choice a join app_user u on u.username = a.username where u.enabled order by 1")
                .query((rs, n) -> subscription(rs)).list();
    }

    private static Subscription subscription(java.sql.ResultSet rs) throws java.sql.SQLException {
        String told = rs.getString(6);
        return new Subscription(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                rs.getObject(5, LocalDate.class), told == null ? null : JSON.readValue(told, COUNTS));
    }

    /** Saves a choice; a changed address or a new choice starts again from what the person has now. */
    void choose(String username, String email, boolean daily, boolean immediate, Instant at) {
        jdbc.sql("insert into alert_choice (username, email, daily, immediate, chosen_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (username) do update set email = excluded.email, daily = excluded.daily, "
                        + "immediate = excluded.immediate, chosen_at = excluded.chosen_at, "
                        + "urgent_told = case when alert_choice.immediate and excluded.immediate "
                        + "then alert_choice.urgent_told end")
                .params(username, email, daily, immediate, at.atOffset(ZoneOffset.UTC)).update();
    }

    boolean stop(String username) {
        return jdbc.sql("delete from alert_choice where username = ?").param(username).update() > 0;
    }

    void dailyDone(String username, LocalDate on) {
        jdbc.sql("update alert_choice set daily_done_on = ? where username = ?").params(on, username).update();
    }

    void told(String username, Map<String, Long> counts) {
        jdbc.sql("update alert_choice set urgent_told = cast(? as jsonb) where username = ?")
                .params(JSON.writeValueAsString(counts), username).update();
    }

    void record(String username, String kind, String email, String subject, int lines, Instant at, String failure) {
        jdbc.sql("insert into alert_message (username, kind, email, subject, lines, sent_at, outcome, failure) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(username, kind, email, subject, lines, at.atOffset(ZoneOffset.UTC),
                        failure == null ? "sent" : "failed", failure)
                .update();
    }

    /** How many messages of a kind to this person failed since {@code since}. */
    long failuresSince(String username, String kind, Instant since) {
        return jdbc.sql("select count(*) from alert_message where username = ? and kind = ? and outcome = 'failed' "
                        + "and sent_at >= ?")
                .params(username, kind, since.atOffset(ZoneOffset.UTC)).query(Long.class).single();
    }

    List<Message> messages(String username, int limit) {
        return jdbc.sql("select sent_at, kind, email, subject, lines, outcome = 'sent' from alert_message "
                        + "where username = ? order by sent_at desc, id desc limit ?")
                .params(username, limit)
                .query((rs, n) -> new Message(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6)))
                .list();
    }

    /** The counts of each kind of work the person saw on their home page last time, if they have been there. */
    Optional<Map<String, Long>> seen(String username) {
        return jdbc.sql("select counts from home_seen where username = ?").param(username)
                .query((rs, n) -> (Map<String, Long>) JSON.readValue(rs.getString(1), COUNTS)).optional();
    }

    void saw(String username, Map<String, Long> counts, Instant at) {
        jdbc.sql("insert into home_seen (username, counts, seen_at) values (?, cast(? as jsonb), ?) "
                        + "on conflict (username) do update set counts = excluded.counts, seen_at = excluded.seen_at")
                .params(username, JSON.writeValueAsString(counts), at.atOffset(ZoneOffset.UTC)).update();
    }
}
