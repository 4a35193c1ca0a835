package org.soteria.performance;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Holds the measures' in-memory snapshot (ADR 9): loaded in full at start (in the background when
 * serving, on first use in batch commands), then refreshed every second with just the crimes that
 * imports changed, so a new import shows in the measures within seconds.
 */
@Component
public class MeasureStore {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureStore.class);

    private final MeasureRepository repository;
    private final Object lock = new Object();
    private final java.util.concurrent.CountDownLatch loaded = new java.util.concurrent.CountDownLatch(1);
    private FactsBuilder builder;
    private volatile MeasureFacts facts;
    private long seenChange;
    private long seenRun;

    MeasureStore(MeasureRepository repository) {
        this.repository = repository;
    }

    /** The current snapshot, loading it first if this is the first use. */
    MeasureFacts facts() {
        MeasureFacts f = facts;
        if (f != null) {
            return f;
        }
        synchronized (lock) {
            if (facts == null) {
                loadAll();
            }
            return facts;
        }
    }

    /** Loads everything again, as after a restore of the database behind the application's back. */
    void reload() {
        synchronized (lock) {
            loadAll();
        }
    }

    /** Whether the snapshot is loaded yet (pages say so while it loads). */
    public boolean ready() {
        return facts != null;
    }

    /** Waits up to {@code timeout} for the first load to finish; true when it has. */
    boolean awaitReady(java.time.Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @EventListener
    void warmUp(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread t = new Thread(this::facts, "measures-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    @Scheduled(fixedDelayString = "${soteria.measures.refresh-interval:PT1S}")
    void refresh() {
        if (facts == null) {
            return;
        }
        long[] mark = repository.watermark();
        if (mark[0] == seenChange && mark[1] == seenRun) {
            return;
        }
        synchronized (lock) {
            long t0 = System.nanoTime();
            List<Long> changed = repository.changedSince(seenChange, Math.max(10_000, builder.size() / 5));
            if (changed == null) {
                loadAll();
                return;
            }
            builder.remove(changed);
            repository.load(builder, changed);
            long t1 = System.nanoTime();
            facts = builder.build(System.currentTimeMillis());
            LOG.debug("refresh: load {} ms, build {} ms", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            seenChange = mark[0];
            seenRun = mark[1];
            LOG.info("Measures refreshed: {} crimes changed, {} ms", changed.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private void loadAll() {
        long t0 = System.nanoTime();
        long[] mark = repository.watermark();
        FactsBuilder fresh = new FactsBuilder();
        repository.load(fresh, null);
        builder = fresh;
        facts = fresh.build(System.currentTimeMillis());
        seenChange = mark[0];
        seenRun = mark[1];
        loaded.countDown();
        LOG.info("Measures loaded: {} crimes in {} ms", facts.n, (System.nanoTime() - t0) / 1_000_000);
    }
}
