package org.soteria.audit;

/** What a user did with personal data. */
public enum AuditAction {
    VIEW,
    SEARCH,
    EXPORT,
    IMPORT,
    SIGN_IN
}
