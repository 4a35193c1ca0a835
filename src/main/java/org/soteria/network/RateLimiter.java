package org.soteria.network;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} requests per address in a sliding window, for the hub's unauthenticated front door. Kept in
 * memory (per instance); the number of addresses remembered is bounded, the longest-idle forgotten first.
 */
final class RateLimiter {

    private static final int ADDRESSES = 10_000;

    private final int limit;
    private final long windowNanos;
    private final Map<String, Deque<Long>> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > ADDRESSES;
        }
    };

    RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Counts a request from {@code address}; false when it is over the limit (the refused request counts too). */
    synchronized boolean allow(String address) {
        return allow(address, System.nanoTime());
    }

    synchronized boolean allow(String address, long now) {
        Deque<Long> times = seen.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
            times.pollFirst();
        }
        times.addLast(now);
        if (times.size() > limit * 2) {
            times.pollFirst();
        }
        return times.size() <= limit;
    }
}
