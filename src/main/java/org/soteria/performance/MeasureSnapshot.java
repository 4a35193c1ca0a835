package org.soteria.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine computes over: a base snapshot, and the crimes changed since it was built as a
 * small delta snapshot, with the base's copies of those crimes marked superseded (ADR 9). A refresh
 * rebuilds only the delta, so a new import shows within seconds however large the base.
 */
final class MeasureSnapshot {

    /** One part of the snapshot, with the slots it must skip (null: none). */
    record Part(MeasureFacts facts, long[] skip) {

        boolean skipped(int slot) {
            return skip != null && (skip[slot >>> 6] & (1L << slot)) != 0;
        }
    }

    final MeasureFacts base;
    final MeasureFacts delta;
    final long[] superseded;
    final List<Part> parts;
    /** The officer roster as last read: it changes without any crime changing (training, abstraction). */
    final MeasureFacts.Roster roster;
    /** Per filter, each part's bitset of the crimes (not N100s) that pass it and are not superseded. */
    private final java.util.Map<MeasureFilter, long[][]> crimeBits = new java.util.concurrent.ConcurrentHashMap<>();

    MeasureSnapshot(MeasureFacts base, MeasureFacts delta, long[] superseded) {
        this(base, delta, superseded, (delta != null ? delta : base).roster);
    }

    MeasureSnapshot(MeasureFacts base, MeasureFacts delta, long[] superseded, MeasureFacts.Roster roster) {
        this.roster = roster;
        this.base = base;
        this.delta = delta;
        this.superseded = superseded;
        List<Part> p = new ArrayList<>(2);
        p.add(new Part(base, superseded));
        if (delta != null) {
            p.add(new Part(delta, null));
        }
        this.parts = List.copyOf(p);
    }

    static MeasureSnapshot of(MeasureFacts base) {
        return new MeasureSnapshot(base, null, null);
    }

    /**
     * The bitsets of crimes passing a filter, computed once per snapshot and filter: a dashboard asks
     * the same filter for many periods, and a bit test is cheaper than reading several columns.
     */
    long[][] crimeBits(MeasureFilter filter, java.util.function.BiFunction<Part, MeasureFilter, long[]> compute) {
        long[][] bits = crimeBits.get(filter);
        if (bits == null) {
            bits = new long[parts.size()][];
            for (int p = 0; p < parts.size(); p++) {
                bits[p] = compute.apply(parts.get(p), filter);
            }
            if (crimeBits.size() > 64) {
                crimeBits.clear();
            }
            crimeBits.put(filter, bits);
        }
        return bits;
    }

    /** Orders are re-read in full at each refresh that changes crimes, so the newest part has them. */
    MeasureFacts newest() {
        return delta != null ? delta : base;
    }

    int crimes() {
        int skipped = 0;
        if (superseded != null) {
            for (long w : superseded) {
                skipped += Long.bitCount(w);
            }
        }
        return base.n - skipped + (delta == null ? 0 : delta.n);
    }

    int identityCount() {
        return Math.max(base.identityCount, delta == null ? 0 : delta.identityCount);
    }
}
