package org.soteria.performance;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the measures' in-memory snapshot (ADR 9): loaded in full at start (in the background when
 * serving, on first use in batch commands), then refreshed every second. A refresh reloads just the
 * crimes that imports changed and rebuilds only the small delta over the base; when the delta grows
 * large the base is rebuilt in the background while the old one keeps answering.
 */
@Component
public class MeasureStore {

    private static final Logger LOG = LoggerFactory.getLogger(MeasureStore.class);

    private final MeasureRepository repository;
    private final org.soteria.victim.VictimsCodeRules rules;
    private final Object lock = new Object();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private FactsBuilder builder;
    private volatile MeasureSnapshot snapshot;
    private MeasureFacts base;
    private Set<Long> delta = new HashSet<>();
    /** Crimes changed since a background rebuild of the base copied the records; null when none runs. */
    private Set<Long> changedDuringRebuild;
    /** Counts full loads, so that a background rebuild overtaken by one is dropped. */
    private long generation;
    private long seenChange;
    private long seenRun;

    private final int rebuildAfter;
    private final boolean rebuildInBackground;

    MeasureStore(MeasureRepository repository, org.soteria.victim.VictimsCodeRules rules,
            @org.springframework.beans.factory.annotation.Value("${soteria.measures.rebuild-after:-1}") int rebuildAfter,
            @org.springframework.beans.factory.annotation.Value("${soteria.measures.rebuild-in-background:true}")
            boolean rebuildInBackground) {
        this.repository = repository;
        this.rules = rules;
        this.rebuildAfter = rebuildAfter;
        this.rebuildInBackground = rebuildInBackground;
    }

    /** The current snapshot, loading it first if this is the first use. */
    MeasureSnapshot snapshot() {
        MeasureSnapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            if (snapshot == null) {
                loadAll();
            }
            return snapshot;
        }
    }

    /** How many crimes the delta holds over the base (for tests and logs). */
    int deltaSize() {
        synchronized (lock) {
            return delta.size();
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
        return snapshot != null;
    }

    /** Waits up to {@code timeout} for the first load to finish; true when it has. */
    boolean awaitReady(Duration timeout) {
        try {
            return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Loads the snapshot in the background, so that the first page of measures does not wait (MeasureSchedule). */
    void warmUp() {
        Thread t = new Thread(this::snapshot, "measures-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Takes in what imports changed since the last refresh (MeasureSchedule, at the configured interval). */
    void refresh() {
        if (snapshot == null) {
            return;
        }
        long[] mark = repository.watermark();
        if (mark[0] == seenChange && mark[1] == seenRun) {
            return;
        }
        boolean rebuild;
        synchronized (lock) {
            long t0 = System.nanoTime();
            List<Long> changed = repository.changedSince(seenChange, Math.max(10_000, builder.size() / 5));
            if (changed == null) {
                loadAll();
                return;
            }
            builder.remove(changed);
            repository.load(builder, changed);
            delta.addAll(changed);
            if (changedDuringRebuild != null) {
                changedDuringRebuild.addAll(changed);
            }
            long t1 = System.nanoTime();
            publish();
            seenChange = mark[0];
            seenRun = mark[1];
            LOG.info("Measures refreshed: {} crimes changed ({} since the base was built); load {} ms, build {} ms",
                    changed.size(), delta.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
            // By default the base is rebuilt once the delta passes 2% of it (at least 20,000 crimes).
            int threshold = rebuildAfter >= 0 ? rebuildAfter : Math.max(20_000, base.n / 50);
            rebuild = changedDuringRebuild == null && delta.size() > threshold;
            if (rebuild) {
                changedDuringRebuild = new HashSet<>();
            }
        }
        if (rebuild && rebuildInBackground) {
            Thread t = new Thread(this::rebuildBase, "measures-rebuild");
            t.setDaemon(true);
            t.start();
        } else if (rebuild) {
            rebuildBase();
        }
    }

    /** Builds a new base from every record, outside the lock, then starts a new delta from what changed meanwhile. */
    private void rebuildBase() {
        List<CrimeRecord> records;
        List<MeasureFacts.Order> orders;
        MeasureFacts.Roster roster;
        long startedIn;
        synchronized (lock) {
            startedIn = generation;
            records = builder.records();
            orders = builder.orders();
            roster = builder.roster();
        }
        long t0 = System.nanoTime();
        MeasureFacts fresh = new MeasureFacts(records, orders, roster, System.currentTimeMillis());
        synchronized (lock) {
            if (startedIn != generation) {
                return; // a full load replaced everything meanwhile
            }
            base = fresh;
            delta = changedDuringRebuild;
            changedDuringRebuild = null;
            publish();
        }
        LOG.info("Measures base rebuilt in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** Publishes base + delta; called with the lock held. */
    private void publish() {
        if (delta.isEmpty()) {
            snapshot = new MeasureSnapshot(base, null, null, builder.roster());
            return;
        }
        MeasureFacts d = builder.buildDelta(delta, base, System.currentTimeMillis());
        long[] superseded = new long[(base.n + 63) >>> 6];
        for (long id : delta) {
            int slot = base.slotOf(id);
            if (slot >= 0) {
                superseded[slot >>> 6] |= 1L << slot;
            }
        }
        snapshot = new MeasureSnapshot(base, d, superseded);
    }

    private void loadAll() {
        long t0 = System.nanoTime();
        LOG.info("Measures: loading every crime into the snapshot; the pages that need it say so until it is ready");
        long[] mark = repository.watermark();
        FactsBuilder fresh = new FactsBuilder(rules.code(),
                java.time.LocalDate.now(org.soteria.platform.DatabaseConfig.LONDON).plusDays(FactsBuilder.PLAN_HORIZON_DAYS));
        repository.load(fresh, null);
        builder = fresh;
        generation++;
        base = fresh.build(System.currentTimeMillis());
        delta = new HashSet<>();
        changedDuringRebuild = null;
        snapshot = MeasureSnapshot.of(base);
        seenChange = mark[0];
        seenRun = mark[1];
        loaded.countDown();
        LOG.info("Measures loaded: {} crimes in {} ms", base.n, (System.nanoTime() - t0) / 1_000_000);
    }
}
