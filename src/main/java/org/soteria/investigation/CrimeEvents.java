package org.soteria.investigation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.soteria.platform.DatabaseConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds events that Soteria's own pages record (a contact that fulfils a Victims' Code duty, bail, a CPS
 * decision) to a crime's timeline, where the Victims' Code engine, the measures and exports read them
 * exactly as imported events, and tells the measures engine the crime changed (ADR 9).
 */
@Component
public class CrimeEvents {

    private final JdbcClient jdbc;

    public CrimeEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an event of the crime with an event id of its own ("SOT-" and a UUID); returns the event's row
     * id. {@code type} is an event type code of the exchange format.
     */
    public long add(long crimeId, String type, Instant at, Long personRef, String officerCode, String detail) {
        String eventId = "SOT-" + UUID.randomUUID();
        long id = jdbc.sql("insert into event (force_code, event_key, event_id, crime_id, event_type, occurred_at, "
                        + "occurred_timed, person_ref, officer_code, detail) select c.force_code, :key, :eid, c.id, :type, "
                        + ":at, true, :person, :officer, :detail from crime c where c.id = :crime returning id")
                .param("key", "id:" + eventId).param("eid", eventId).param("type", type)
                .param("at", Timestamp.from(at)).param("person", personRef).param("officer", officerCode)
                .param("detail", detail).param("crime", crimeId)
                .query(Long.class).single();
        changed(crimeId);
        return id;
    }

    /**
     * Records an event known by its date alone (stored, as imported ones are, at midnight Europe/London and
     * marked untimed); returns the event's row id.
     */
    public long addOnDay(long crimeId, String type, java.time.LocalDate day, Long personRef, String officerCode,
            String detail) {
        long id = add(crimeId, type, day.atStartOfDay(DatabaseConfig.LONDON).toInstant(), personRef, officerCode, detail);
        jdbc.sql("update event set occurred_timed = false where id = ?").param(id).update();
        return id;
    }

    /** Tells the measures engine that a crime's facts changed. */
    public void changed(long crimeId) {
        jdbc.sql("insert into measure_change (crime_id) values (?)").param(crimeId).update();
    }
}
