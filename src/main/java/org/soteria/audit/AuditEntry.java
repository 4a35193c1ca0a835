package org.soteria.audit;

import java.util.List;

/**
 * One thing to write to the audit log: who (user and role), what action on which object and records,
 * and why they were allowed (the justification). Where and under which request are added by the log.
 */
public record AuditEntry(String username, String userRole, AuditAction action, String objectType, String objectRef,
        List<String> records, String justification, boolean breakGlass, String detail) {

    public AuditEntry {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs the user who acted");
        }
        records = records == null ? List.of() : List.copyOf(records);
    }

    public static AuditEntry of(String username, String userRole, AuditAction action, String objectType,
            String objectRef) {
        return new AuditEntry(username, userRole, action, objectType, objectRef, List.of(), null, false, null);
    }

    public AuditEntry records(List<String> value) {
        return new AuditEntry(username, userRole, action, objectType, objectRef, value, justification, breakGlass,
                detail);
    }

    public AuditEntry justification(String value) {
        return new AuditEntry(username, userRole, action, objectType, objectRef, records, value, breakGlass, detail);
    }

    public AuditEntry breakGlass(boolean value) {
        return new AuditEntry(username, userRole, action, objectType, objectRef, records, justification, value,
                detail);
    }

    public AuditEntry detail(String value) {
        return new AuditEntry(username, userRole, action, objectType, objectRef, records, justification, breakGlass,
                value);
    }
}
