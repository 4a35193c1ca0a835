package org.soteria.security;

import java.time.Instant;

/** An emergency access to a crime outside need-to-know, with its reason and the auditor's review. */
public record BreakGlassAccess(long id, String crime, String username, String reason, Instant startedAt,
        Instant expiresAt, String reviewedBy, Instant reviewedAt, String reviewNote) {
}
