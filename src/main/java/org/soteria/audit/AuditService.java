package org.soteria.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes the audit log: every read, export and change of personal data, with who, when and what
 * (DPA 2018 s.62). Entries are only ever added.
 */
@Service
public class AuditService {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, AuditAction action, String objectType, String objectRef, String detail) {
        jdbc.sql("insert into audit_event (at, username, action, object_type, object_ref, detail) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock), username, action.name(), objectType, objectRef, detail)
                .update();
    }

    /** How many entries name this object; used by tests and the audit pages to come. */
    public long countFor(String objectType, String objectRef, AuditAction action) {
        return jdbc.sql("select count(*) from audit_event where object_type = ? and object_ref = ? and action = ?")
                .params(objectType, objectRef, action.name()).query(Long.class).single();
    }
}
