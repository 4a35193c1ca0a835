package org.soteria.audit;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the audit log end to end (soteria audit verify): sequence numbers run 1, 2, 3… without a gap,
 * each record names its predecessor's hash, each hash matches the record's content, each checkpoint
 * is signed by a known key and matches the record it names, and no checkpoint names a record beyond
 * the end of the log (the tail was cut off).
 */
@Service
public class AuditVerifier {

    private final AuditRepository repository;
    private final AuditSigningKey keys;
    private final TransactionTemplate readOnly;

    public AuditVerifier(AuditRepository repository, AuditSigningKey keys, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.keys = keys;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public AuditVerification verify() {
        return readOnly.execute(status -> run());
    }

    private AuditVerification run() {
        List<AuditRepository.Checkpoint> checkpoints = repository.checkpoints();
        Map<String, PublicKey> verifying = keys.verifyingKeys();
        for (AuditRepository.Checkpoint c : checkpoints) {
            PublicKey key = verifying.get(c.keyId());
            if (key == null) {
                return new AuditVerification(0, 0, c.seq(), "the checkpoint at record " + c.seq()
                        + " is signed by an unknown key " + c.keyId());
            }
            if (!AuditSigningKey.verify(key, c.message(), c.signature())) {
                return new AuditVerification(0, 0, c.seq(), "the checkpoint at record " + c.seq()
                        + " has a signature that does not match it (the checkpoint was altered)");
            }
        }
        Walk walk = new Walk(checkpoints);
        repository.forEach(walk::check);
        if (walk.problem == null && !checkpoints.isEmpty()) {
            AuditRepository.Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            if (last.seq() > walk.lastSeq) {
                walk.fail(walk.lastSeq + 1, "the log ends at record " + walk.lastSeq + " but a checkpoint signed at "
                        + last.at() + " covers " + last.seq() + " records: records " + (walk.lastSeq + 1) + " to "
                        + last.seq() + " were cut off");
            }
        }
        return new AuditVerification(walk.checked, checkpoints.size(), walk.brokenSeq, walk.problem);
    }

    /** Walks the records in order, stopping at the first problem. */
    private static final class Walk {
        private final List<AuditRepository.Checkpoint> checkpoints;
        private int nextCheckpoint;
        private long lastSeq;
        private byte[] lastHash = AuditChain.GENESIS;
        private long checked;
        private Long brokenSeq;
        private String problem;

        Walk(List<AuditRepository.Checkpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }

        void check(AuditRecord r) {
            if (problem != null) {
                return;
            }
            checked++;
            if (r.seq() != lastSeq + 1) {
                fail(lastSeq + 1, r.seq() > lastSeq + 1
                        ? "records " + (lastSeq + 1) + " to " + (r.seq() - 1) + " are missing (deleted)"
                        : "record " + r.seq() + " is out of order after record " + lastSeq);
                return;
            }
            if (!Arrays.equals(r.prevHash(), lastHash)) {
                fail(r.seq(), "record " + r.seq() + " does not follow record " + lastSeq
                        + " (its previous hash is " + hex(r.prevHash()) + ", expected " + hex(lastHash)
                        + "): records were removed, inserted or reordered");
                return;
            }
            byte[] expected = AuditChain.hash(r.prevHash(), r);
            if (!Arrays.equals(expected, r.hash())) {
                fail(r.seq(), "record " + r.seq() + " does not match its hash: its content was altered");
                return;
            }
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() == r.seq()) {
                if (!Arrays.equals(checkpoints.get(nextCheckpoint).hash(), r.hash())) {
                    fail(r.seq(), "record " + r.seq() + " is not the record the checkpoint of "
                            + checkpoints.get(nextCheckpoint).at() + " signed: the log was rewritten");
                    return;
                }
                nextCheckpoint++;
            }
            lastSeq = r.seq();
            lastHash = r.hash();
        }

        void fail(long seq, String why) {
            brokenSeq = seq;
            problem = why;
        }
    }

    private static String hex(byte[] b) {
        return b == null ? "none" : HexFormat.of().formatHex(b, 0, Math.min(8, b.length)) + "…";
    }
}
