package org.soteria.audit;

import java.time.Instant;

/**
 * What an auditor searches the log for; each part is optional. {@code record} is a force-qualified
 * reference such as {@code NWP:NWP/2024/1234}, matched against every record an entry touched.
 */
public record AuditQuery(String username, String record, AuditAction action, Instant from, Instant to,
        boolean breakGlassOnly) {

    public AuditQuery {
        username = blankToNull(username);
        record = blankToNull(record);
    }

    public static AuditQuery forRecord(String record) {
        return new AuditQuery(null, record, null, null, null, false);
    }

    public boolean isEmpty() {
        return username == null && record == null && action == null && from == null && to == null && !breakGlassOnly;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
