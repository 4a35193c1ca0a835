package org.soteria.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The hash chain of the audit log: each record's hash is SHA-256 over the previous record's hash and
 * the record's canonical content. The canonical form writes every field with its length first, so no
 * two different records share one, and times in microseconds, the precision PostgreSQL keeps.
 */
public final class AuditChain {

    /** The "previous hash" of the first record. */
    public static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    public static Instant storedPrecision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] hash(byte[] prevHash, AuditRecord r) {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        sha.update(canonical(r).getBytes(StandardCharsets.UTF_8));
        return sha.digest();
    }

    static String canonical(AuditRecord r) {
        StringBuilder b = new StringBuilder(256);
        field(b, Long.toString(r.seq()));
        Instant at = storedPrecision(r.at());
        field(b, at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000));
        field(b, r.username());
        field(b, r.userRole());
        field(b, r.action());
        field(b, r.operation());
        field(b, r.objectType());
        field(b, r.objectRef());
        List<String> records = r.records();
        field(b, Integer.toString(records.size()));
        records.forEach(x -> field(b, x));
        field(b, r.justification());
        field(b, Boolean.toString(r.breakGlass()));
        field(b, r.sourceAddress());
        field(b, r.requestId());
        field(b, r.detail());
        return b.toString();
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
