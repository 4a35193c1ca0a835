package org.soteria.security;

import java.time.Instant;

/** A supervisor's grant of access to one crime for a named user, until an end date. */
public record AccessGrant(long id, String username, String grantedBy, String reason, Instant grantedAt,
        Instant expiresAt, Instant revokedAt, String revokedBy) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
