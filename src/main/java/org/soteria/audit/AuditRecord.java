package org.soteria.audit;

import java.time.Instant;
import java.util.List;

/** A record as stored in the audit log, with its place in the hash chain. */
public record AuditRecord(long seq, Instant at, String username, String userRole, String action, String operation,
        String objectType, String objectRef, List<String> records, String justification, boolean breakGlass,
        String sourceAddress, String requestId, String detail, byte[] prevHash, byte[] hash) {

    /** This record at a place in the chain: its sequence number and its predecessor's hash. */
    AuditRecord placed(long newSeq, byte[] previousHash) {
        return new AuditRecord(newSeq, AuditChain.storedPrecision(at), username, userRole, action, operation, objectType,
                objectRef, records, justification, breakGlass, sourceAddress, requestId, detail, previousHash, null);
    }

    AuditRecord withHash(byte[] value) {
        return new AuditRecord(seq, at, username, userRole, action, operation, objectType, objectRef, records,
                justification, breakGlass, sourceAddress, requestId, detail, prevHash, value);
    }
}
