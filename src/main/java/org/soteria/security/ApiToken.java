package org.soteria.security;

import java.time.Instant;
import java.util.List;

/** A personal access token as its owner sees it: never the token itself, which is shown only once. */
public record ApiToken(long id, String name, String prefix, List<String> scopes, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
