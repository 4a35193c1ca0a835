package org.soteria.audit;

/** What a user did, each with the processing operation of DPA 2018 s.62(1) it is. */
public enum AuditAction {
    /** A page or API answer that showed one record's personal data. */
    VIEW("Viewed", Operation.CONSULTATION),
    /** A list or search answer that showed several records. */
    SEARCH("Listed or searched", Operation.CONSULTATION),
    /** Personal data leaving the system: an export, a download, a print view. */
    EXPORT("Exported", Operation.DISCLOSURE),
    /** A case shared with a partner organisation (the CPS, a victim service), or its sharing ended. */
    SHARE("Shared with a partner", Operation.DISCLOSURE),
    /** Records brought in from a force's records system. */
    IMPORT("Imported", Operation.COLLECTION),
    /** A record changed in Soteria. */
    CHANGE("Changed", Operation.ALTERATION),
    /** A record removed. */
    ERASE("Erased", Operation.ERASURE),
    /** Access granted to a named user for a crime. */
    GRANT("Gave access", Operation.SECURITY),
    /** A grant withdrawn before its end. */
    REVOKE("Withdrew access", Operation.SECURITY),
    /** Emergency access to a crime outside need-to-know, with its written reason. */
    BREAK_GLASS("Used break-glass", Operation.SECURITY),
    /** An attempt to reach a record the user may not see (answered as if it did not exist). */
    DENIED("Refused (no need-to-know)", Operation.SECURITY),
    SIGN_IN("Signed in", Operation.SECURITY),
    SIGN_IN_FAILED("Failed to sign in", Operation.SECURITY),
    ACCOUNT_LOCKED("Account locked", Operation.SECURITY),
    SIGN_OUT_EVERYWHERE("Signed out everywhere", Operation.SECURITY),
    ACCOUNT_CHANGE("Account changed", Operation.SECURITY);

    /** The processing operations of s.62(1), plus the security events logged beside them. */
    public enum Operation {
        COLLECTION, ALTERATION, CONSULTATION, DISCLOSURE, COMBINATION, ERASURE, SECURITY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String label;
    private final Operation operation;

    AuditAction(String label, Operation operation) {
        this.label = label;
        this.operation = operation;
    }

    /** What the action was, in words, for the audit pages. */
    public String label() {
        return label;
    }

    /** The label of a stored action name, or the name itself if no longer known. */
    public static String labelOf(String name) {
        try {
            return valueOf(name).label;
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    public Operation operation() {
        return operation;
    }
}
