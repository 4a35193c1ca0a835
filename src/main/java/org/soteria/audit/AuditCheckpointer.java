package org.soteria.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint of the audit log's head every {@code soteria.audit.checkpoint-interval} (five
 * minutes by default) and when Soteria stops, if records were added since the last one. A cut-off
 * tail is then detectable back to the last checkpoint, even with the checkpoints deleted too, since each is also
 * appended to the {@link AuditWitness}; ADR 5 records this window.
 */
@Component
public class AuditCheckpointer {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCheckpointer.class);

    private final AuditRepository repository;
    private final AuditSigningKey key;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AuditWitness witness;

    public AuditCheckpointer(AuditRepository repository, AuditSigningKey key, Clock clock,
            PlatformTransactionManager transactions, AuditWitness witness) {
        this.repository = repository;
        this.witness = witness;
        this.key = key;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Soon after start (the head left by a stop that could not sign, a crash), then every interval. */
    @Scheduled(fixedDelayString = "${soteria.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${soteria.audit.checkpoint-first-after:PT10S}")
    public void scheduled() {
        checkpoint();
    }

    @PreDestroy
    public void onStop() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            LOG.warn("Could not sign an audit checkpoint while stopping: {}", e.getMessage());
        }
    }

    /**
     * Signs the current head unless it is already signed, then hands the newest checkpoint to the witness once the
     * database has committed it (so the witness never holds one the log lacks); returns the sequence number signed.
     */
    public Optional<Long> checkpoint() {
        Signed signed = tx.execute(status -> {
            AuditRepository.Head head = repository.lockHead();
            Optional<AuditRepository.Checkpoint> last = repository.lastCheckpoint();
            if (head.seq() == 0 || last.isPresent() && last.get().seq() >= head.seq()) {
                return new Signed(null, last.orElse(null));
            }
            AuditRepository.Checkpoint unsigned = new AuditRepository.Checkpoint(head.seq(), head.hash(),
                    AuditChain.storedPrecision(clock.instant()), key.keyId(), null);
            AuditRepository.Checkpoint c = new AuditRepository.Checkpoint(unsigned.seq(), unsigned.hash(),
                    unsigned.at(), unsigned.keyId(), key.sign(unsigned.message()));
            repository.insertCheckpoint(c);
            return new Signed(c.seq(), c);
        });
        if (signed != null && signed.newest() != null) {
            witness.witness(signed.newest());
        }
        return Optional.ofNullable(signed == null ? null : signed.seq());
    }

    private record Signed(Long seq, AuditRepository.Checkpoint newest) {
    }
}
