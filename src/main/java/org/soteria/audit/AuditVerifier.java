package org.soteria.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the audit log end to end (soteria audit verify): sequence numbers run 1, 2, 3… without a gap,
 * each record names its predecessor's hash, each hash matches the record's content, each checkpoint
 * is signed by a known key and matches the record it names, and no checkpoint names a record beyond
 * the end of the log (the tail was cut off), counting the copies kept by the {@link AuditWitness}, which
 * the database cannot delete; and records have not gone unsigned for longer than checkpointing allows.
 */
@Service
public class AuditVerifier {

    private final AuditRepository repository;
    private final AuditSigningKey keys;
    private final AuditWitness witness;
    private final Clock clock;
    private final Duration interval;
    private final TransactionTemplate readOnly;

    public AuditVerifier(AuditRepository repository, AuditSigningKey keys, AuditWitness witness, Clock clock,
            @Value("${soteria.audit.checkpoint-interval:PT5M}") Duration interval,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.keys = keys;
        this.witness = witness;
        this.clock = clock;
        this.interval = interval;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** How long records may wait for a checkpoint before the log counts as no longer being signed. */
    Duration unsignedAllowance() {
        return interval.multipliedBy(2).plusMinutes(1);
    }

    public AuditVerification verify() {
        return readOnly.execute(status -> run());
    }

    private AuditVerification run() {
        List<AuditRepository.Checkpoint> stored = repository.checkpoints();
        AuditWitness.Read witnessed = witness.read();
        if (witnessed.problem() != null) {
            return new AuditVerification(0, 0, null, witnessed.problem());
        }
        if (!witnessed.exists() && !stored.isEmpty()) {
            return new AuditVerification(0, stored.size(), null, "there is no audit witness at " + witness.file()
                    + ", so a tail cut off with its checkpoints could not be seen. Restore the witness from its "
                    + "backup; if this Soteria has never kept one, start it once (it copies its newest checkpoint "
                    + "there) and check again");
        }
        Map<String, PublicKey> verifying = keys.verifyingKeys();
        for (AuditRepository.Checkpoint c : stored) {
            String bad = badSignature(c, verifying);
            if (bad != null) {
                return new AuditVerification(0, 0, c.seq(), "the checkpoint at record " + c.seq() + bad);
            }
        }
        for (AuditRepository.Checkpoint c : witnessed.checkpoints()) {
            String bad = badSignature(c, verifying);
            if (bad != null) {
                return new AuditVerification(0, 0, c.seq(), "the witness's checkpoint at record " + c.seq() + bad
                        + " (the witness file " + witness.file() + " was altered)");
            }
        }
        TreeMap<Long, Signed> all = new TreeMap<>();
        for (AuditRepository.Checkpoint c : stored) {
            all.put(c.seq(), new Signed(c, false));
        }
        for (AuditRepository.Checkpoint c : witnessed.checkpoints()) {
            Signed db = all.get(c.seq());
            if (db == null) {
                all.put(c.seq(), new Signed(c, true));
            } else if (!Arrays.equals(db.checkpoint().hash(), c.hash())) {
                return new AuditVerification(0, 0, c.seq(), "the checkpoint at record " + c.seq() + " in the database "
                        + "is not the one the witness holds: the log and its checkpoints were rewritten");
            }
        }
        List<Signed> checkpoints = List.copyOf(all.values());
        Walk walk = new Walk(checkpoints);
        repository.forEach(walk::check);
        if (walk.problem == null && !checkpoints.isEmpty()) {
            Signed last = checkpoints.get(checkpoints.size() - 1);
            if (last.checkpoint().seq() > walk.lastSeq) {
                walk.fail(walk.lastSeq + 1, "the log ends at record " + walk.lastSeq + " but a checkpoint signed at "
                        + last.checkpoint().at() + (last.witnessOnly() ? ", kept by the witness and deleted from the "
                        + "database," : "") + " covers " + last.checkpoint().seq() + " records: records "
                        + (walk.lastSeq + 1) + " to " + last.checkpoint().seq() + " were cut off");
            }
        }
        if (walk.problem == null && walk.firstUnsignedAt != null
                && walk.firstUnsignedAt.plus(unsignedAllowance()).isBefore(clock.instant())) {
            walk.fail(walk.firstUnsignedSeq, "records " + walk.firstUnsignedSeq + " to " + walk.lastSeq
                    + " are covered by no signed checkpoint, though the first was written at " + walk.firstUnsignedAt
                    + " and checkpoints are signed every " + interval.toMinutes() + " minutes: checkpoints were "
                    + "deleted, or Soteria stopped without signing (a crash). Start Soteria, which signs the head "
                    + "at once, and check again; if this recurs, treat it as tampering");
        }
        return new AuditVerification(walk.checked, checkpoints.size(), walk.brokenSeq, walk.problem);
    }

    private static String badSignature(AuditRepository.Checkpoint c, Map<String, PublicKey> verifying) {
        PublicKey key = verifying.get(c.keyId());
        if (key == null) {
            return " is signed by an unknown key " + c.keyId();
        }
        if (!AuditSigningKey.verify(key, c.message(), c.signature())) {
            return " has a signature that does not match it (the checkpoint was altered)";
        }
        return null;
    }

    /** A checkpoint, and whether only the witness still holds it. */
    private record Signed(AuditRepository.Checkpoint checkpoint, boolean witnessOnly) {
    }

    /** Walks the records in order, stopping at the first problem. */
    private static final class Walk {
        private final List<Signed> checkpoints;
        private int nextCheckpoint;
        private long lastSeq;
        private byte[] lastHash = AuditChain.GENESIS;
        private long checked;
        private Long brokenSeq;
        private String problem;
        private Long firstUnsignedSeq;
        private java.time.Instant firstUnsignedAt;

        private final long lastSigned;

        Walk(List<Signed> checkpoints) {
            this.checkpoints = checkpoints;
            this.lastSigned = checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).checkpoint().seq();
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
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).checkpoint().seq() == r.seq()) {
                if (!Arrays.equals(checkpoints.get(nextCheckpoint).checkpoint().hash(), r.hash())) {
                    fail(r.seq(), "record " + r.seq() + " is not the record the checkpoint of "
                            + checkpoints.get(nextCheckpoint).checkpoint().at() + " signed: the log was rewritten");
                    return;
                }
                nextCheckpoint++;
            }
            if (firstUnsignedSeq == null && r.seq() > lastSigned) {
                firstUnsignedSeq = r.seq();
                firstUnsignedAt = r.at();
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
