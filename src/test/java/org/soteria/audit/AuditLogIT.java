package org.soteria.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The s.62 log is append-only for the application, hash-chained and checkpointed: every kind of
 * tampering an owner of the database could do (edit, delete, reorder, insert, cut off the tail) is
 * found by verify, and no record is lost when many requests write at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:audit", "spring.main.banner-mode=off",
            // The test runs the indexer itself: the scheduled one, every second, could index first and leave it nothing.
            "soteria.audit.index-interval=PT1H",
            // and signs checkpoints itself: a scheduled one could sign a head a test means to leave unsigned
            "soteria.audit.checkpoint-first-after=PT1H"})
class AuditLogIT {

    private static final String DATA = ":temporary:audit";

    @Autowired
    AuditService audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    AuditCheckpointer checkpointer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditWriter writer;

    @Autowired
    AuditWitness witness;

    @Autowired
    AuditSigningKey keys;

    @BeforeEach
    void emptyLog() {
        // Only the owner, with the triggers switched off, can empty the log: the test plays that attacker.
        asOwnerWithoutTriggers("truncate audit_event, audit_checkpoint, audit_record_ref; "
                + "update audit_index_state set indexed_seq = 0");
        writer.forgetHead();
        try {
            java.nio.file.Files.deleteIfExists(witness.file());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void asOwnerWithoutTriggers(String sql) {
        DatabaseReset.owner(DATA, "alter table audit_event disable trigger user; "
                + "alter table audit_checkpoint disable trigger user; " + sql + "; "
                + "alter table audit_event enable trigger user; alter table audit_checkpoint enable trigger user");
    }

    private void write(int n) {
        for (int i = 1; i <= n; i++) {
            audit.record(AuditEntry.of("investigator", "investigator", AuditAction.VIEW, "crime", "NWP:CR" + i)
                    .records(List.of("NWP:CR" + i)).justification("officer in the case").detail("case page"));
        }
    }

    @Test
    void anUntouchedLogVerifies() {
        write(20);
        checkpointer.checkpoint();
        write(5);
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(25);
        assertThat(v.checkpointsChecked()).isEqualTo(1);
    }

    @Test
    void recordsCarryWhoWhatWhyAndWhere() {
        AuditRecord r = audit.record(AuditEntry.of("supervisor", "supervisor", AuditAction.EXPORT, "crime", "NWP:CR9")
                .records(List.of("NWP:CR9", "NWP:CR10")).justification("team supervisor").detail("print view"));
        var row = jdbc.sql("select username, user_role, action, operation, object_ref, records, justification, "
                + "source_address from audit_event where seq = ?").param(r.seq()).query().singleRow();
        assertThat(row.get("username")).isEqualTo("supervisor");
        assertThat(row.get("user_role")).isEqualTo("supervisor");
        assertThat(row.get("action")).isEqualTo("EXPORT");
        assertThat(row.get("operation")).isEqualTo("disclosure");
        assertThat(row.get("object_ref")).isEqualTo("NWP:CR9");
        assertThat(row.get("justification")).isEqualTo("team supervisor");
        assertThat(row.get("source_address")).isEqualTo("command line");
    }

    @Autowired
    AuditIndexer indexer;

    @Test
    void searchByRecordIsExactBeforeAndAfterTheIndexerCatchesUp() {
        write(5);
        AuditQuery q = AuditQuery.forRecord("NWP:CR3");
        assertThat(audit.search(q, 1, 10)).extracting(AuditRecord::seq).containsExactly(3L);
        assertThat(indexer.catchUp()).isGreaterThanOrEqualTo(5);
        write(3);
        audit.record(AuditEntry.of("supervisor", "supervisor", AuditAction.VIEW, "crime", "NWP:CR3")
                .records(List.of("NWP:CR3", "NWP:person:P1")));
        assertThat(audit.search(q, 1, 10)).extracting(AuditRecord::seq).containsExactly(9L, 8L, 3L);
        assertThat(audit.search(AuditQuery.forRecord("NWP:person:P1"), 1, 10)).extracting(AuditRecord::seq)
                .containsExactly(9L);
        indexer.catchUp();
        assertThat(audit.search(q, 1, 10)).extracting(AuditRecord::seq).containsExactly(9L, 8L, 3L);
        assertThat(audit.count(q, 100)).isEqualTo(3);
    }

    @Test
    void theApplicationCannotChangeOrRemoveRecords() {
        write(3);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'x' where seq = 1").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where seq = 1").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger user").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_checkpoint").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void evenTheOwnerIsRefusedByTheTriggers() {
        write(3);
        assertThatThrownBy(() -> DatabaseReset.owner(DATA, "update audit_event set detail = 'x' where seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> DatabaseReset.owner(DATA, "delete from audit_event where seq = 3"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> DatabaseReset.owner(DATA, "truncate audit_event"))
                .hasMessageContaining("append-only");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEditedRecordIsNamed() {
        write(10);
        asOwnerWithoutTriggers("update audit_event set username = 'someone-else' where seq = 4");
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("record 4 does not match its hash");
    }

    @Test
    void anEditThatRecomputesTheHashBreaksTheNextLink() {
        write(10);
        // Rewriting record 4 with a fresh, self-consistent hash still leaves record 5 pointing at the old one.
        asOwnerWithoutTriggers("update audit_event set hash = sha256(hash) where seq = 4");
        AuditVerification v = verifier.verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(4);
    }

    @Test
    void aDeletedRecordIsNamed() {
        write(10);
        asOwnerWithoutTriggers("delete from audit_event where seq = 6");
        AuditVerification v = verifier.verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(6);
        assertThat(v.problem()).contains("records 6 to 6 are missing");
    }

    @Test
    void deletingAndRenumberingIsFoundByTheChain() {
        write(10);
        asOwnerWithoutTriggers("delete from audit_event where seq = 6; "
                + "update audit_event set seq = seq - 1 where seq > 6");
        AuditVerification v = verifier.verify();
        assertThat(v.firstBrokenSeq()).isEqualTo(6);
        assertThat(v.problem()).contains("does not follow record 5");
    }

    @Test
    void reorderedRecordsAreFound() {
        write(10);
        // Swap records 3 and 7 whole, hashes included, so each keeps a self-consistent hash.
        asOwnerWithoutTriggers("update audit_event set seq = seq + 1000 where seq in (3, 7); "
                + "update audit_event set seq = 1010 - seq where seq in (1003, 1007)");
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aCutOffTailIsFoundByTheCheckpoint() {
        write(10);
        checkpointer.checkpoint();
        asOwnerWithoutTriggers("delete from audit_event where seq > 7");
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(8);
        assertThat(v.problem()).contains("records 8 to 10 were cut off");
    }

    /** The attacker who also deletes the checkpoints of the records they cut off: the witness still has them. */
    @Test
    void aCutOffTailIsFoundEvenWithItsCheckpointsDeleted() {
        write(5);
        checkpointer.checkpoint();
        write(5);
        checkpointer.checkpoint();
        asOwnerWithoutTriggers("delete from audit_event where seq > 5; delete from audit_checkpoint where seq > 5");
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(6);
        assertThat(v.problem()).contains("kept by the witness and deleted from the database",
                "records 6 to 10 were cut off");
    }

    @Test
    void aMissingWitnessIsNamed() throws Exception {
        write(3);
        checkpointer.checkpoint();
        assertThat(verifier.verify().intact()).isTrue();
        java.nio.file.Files.delete(witness.file());
        assertThat(verifier.verify().problem()).contains("there is no audit witness at " + witness.file());
    }

    @Test
    void anAlteredWitnessIsNamed() throws Exception {
        write(3);
        checkpointer.checkpoint();
        String line = java.nio.file.Files.readString(witness.file());
        java.nio.file.Files.writeString(witness.file(), line.replace("v1 3 ", "v1 2 "));
        assertThat(verifier.verify().problem()).contains("the witness's checkpoint at record 2",
                "signature that does not match", "was altered");
        java.nio.file.Files.writeString(witness.file(), "v1 not a checkpoint\n");
        assertThat(verifier.verify().problem()).contains("line 1 of the audit witness");
    }

    /** Checkpoints stopped (or were deleted) while records kept coming: found once they are overdue. */
    @Test
    void recordsLeftUnsignedPastTheIntervalAreFound() {
        write(3);
        checkpointer.checkpoint();
        write(2);
        assertThat(verifier.verify().intact()).as("just written: not yet due").isTrue();
        java.time.Clock later = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(12));
        AuditVerifier afterTwelveMinutes = new AuditVerifier(repository, keys, witness, later,
                java.time.Duration.ofMinutes(5), transactions);
        AuditVerification v = afterTwelveMinutes.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenSeq()).isEqualTo(4);
        assertThat(v.problem()).contains("records 4 to 5 are covered by no signed checkpoint");
    }

    @Test
    void aForgedCheckpointIsFound() {
        write(10);
        checkpointer.checkpoint();
        asOwnerWithoutTriggers("update audit_checkpoint set seq = 5");
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("signature that does not match");
    }

    @Test
    void anotherInstanceAppendingMeanwhileIsChainedOnto() {
        write(3);
        // Another instance (here: a second writer on the same database) appends while this one holds an old head.
        AuditWriter other = new AuditWriter(repository, transactions);
        other.start();
        try {
            other.append(new AuditRecord(0, java.time.Instant.now(), "elsewhere", null, "VIEW", "consultation", "crime",
                    "NWP:X", List.of(), null, false, null, null, null, null, null));
        } finally {
            try {
                other.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        write(2);
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(6);
    }

    @Autowired
    AuditRepository repository;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void noRecordIsLostUnderConcurrentWriters() throws Exception {
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        audit.record(AuditEntry.of("user" + thread, "investigator", AuditAction.VIEW, "crime",
                                "NWP:T" + thread + "-" + i));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single())
                .isEqualTo((long) threads * each);
        assertThat(jdbc.sql("select count(distinct object_ref) from audit_event").query(Long.class).single())
                .isEqualTo((long) threads * each);
        AuditVerification v = verifier.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo((long) threads * each);
    }
}
