package org.soteria.audit;

/** What a user did, each with the processing operation of DPA 2018 s.62(1) it is. */
public enum AuditAction {
    /** A page or API answer that showed one record's personal data. */
    VIEW(Operation.CONSULTATION),
    /** A list or search answer that showed several records. */
    SEARCH(Operation.CONSULTATION),
    /** Personal data leaving the system: an export, a download, a print view. */
    EXPORT(Operation.DISCLOSURE),
    /** Records brought in from a force's records system. */
    IMPORT(Operation.COLLECTION),
    /** A record changed in Soteria. */
    CHANGE(Operation.ALTERATION),
    /** A record removed. */
    ERASE(Operation.ERASURE),
    /** Access granted to a named user for a crime. */
    GRANT(Operation.SECURITY),
    /** A grant withdrawn before its end. */
    REVOKE(Operation.SECURITY),
    /** Emergency access to a crime outside need-to-know, with its written reason. */
    BREAK_GLASS(Operation.SECURITY),
    /** An attempt to reach a record the user may not see (answered as if it did not exist). */
    DENIED(Operation.SECURITY),
    SIGN_IN(Operation.SECURITY),
    SIGN_IN_FAILED(Operation.SECURITY),
    ACCOUNT_LOCKED(Operation.SECURITY),
    SIGN_OUT_EVERYWHERE(Operation.SECURITY),
    ACCOUNT_CHANGE(Operation.SECURITY);

    /** The processing operations of s.62(1), plus the security events logged beside them. */
    public enum Operation {
        COLLECTION, ALTERATION, CONSULTATION, DISCLOSURE, COMBINATION, ERASURE, SECURITY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Operation operation;

    AuditAction(Operation operation) {
        this.operation = operation;
    }

    public Operation operation() {
        return operation;
    }
}
