package org.soteria.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit records with group commit: requests hand their record to one writer thread and wait
 * until it is committed; the writer takes every record waiting, chains them under one lock and
 * commits them in one transaction. Under load, many requests share one lock, one round of inserts
 * and one commit (the benchmark in docs/benchmarks.md), and a request still answers only once its
 * record is in the database. Several instances share the chain through the database's lock.
 */
@Component
class AuditWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long WAIT_SECONDS = 30;

    private final AuditRepository repository;
    private final TransactionTemplate tx;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private volatile AuditRepository.Head head;
    private Thread thread;

    AuditWriter(AuditRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A record waiting for its place in the chain: everything but seq and hashes. */
    private record Pending(AuditRecord unplaced, CompletableFuture<AuditRecord> done) {
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Appends a record (its seq and hashes are ignored and assigned here) and returns it once committed. */
    AuditRecord append(AuditRecord unplaced) {
        if (!running) {
            throw new IllegalStateException("The audit log is closed: Soteria is stopping");
        }
        Pending p = new Pending(unplaced, new CompletableFuture<>());
        queue.add(p);
        try {
            return p.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The audit record could not be written: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit record was not written within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the audit record", e);
        }
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<AuditRecord> written = write(batch);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(written.get(i));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.done().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                LOG.error("Audit records could not be written; the requests that made them fail", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    /**
     * Chains the batch onto the head this writer last wrote and inserts it. The primary key on seq is
     * the arbiter between instances: if another one appended meanwhile, the insert collides, and the
     * batch is chained again onto the head read under the chain lock. So one writer alone pays one round
     * trip per batch, and the chain is right however many write.
     */
    private List<AuditRecord> write(List<Pending> batch) {
        for (int attempt = 0; ; attempt++) {
            try {
                // The usual case: one statement batch in autocommit, which PostgreSQL runs as one implicit
                // transaction (all the batch or none of it) in a single round trip.
                List<AuditRecord> out = head != null && attempt == 0 ? chainAndInsert(batch, head)
                        : tx.execute(status -> chainAndInsert(batch, repository.lockHead()));
                AuditRecord last = out.get(out.size() - 1);
                head = new AuditRepository.Head(last.seq(), last.hash());
                return out;
            } catch (DuplicateKeyException another) {
                head = null;
                if (attempt >= 5) {
                    throw another;
                }
            }
        }
    }

    private List<AuditRecord> chainAndInsert(List<Pending> batch, AuditRepository.Head from) {
        List<AuditRecord> chained = new ArrayList<>(batch.size());
        long seq = from.seq();
        byte[] prev = from.hash();
        for (Pending p : batch) {
            AuditRecord placed = p.unplaced().placed(++seq, prev);
            AuditRecord hashed = placed.withHash(AuditChain.hash(prev, placed));
            chained.add(hashed);
            prev = hashed.hash();
        }
        repository.insertAll(chained);
        return chained;
    }

    /** Forgets the head seen last, so the next batch reads it (tests that empty the log as its owner). */
    void forgetHead() {
        head = null;
    }

    /** Writes what is waiting, then stops taking records. */
    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
    }
}
