package org.soteria.pprl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.soteria.operations.Progress;

/**
 * Matches the encoded records of many forces at once (ADR 31): candidate pairs come from {@link MinHashBands}
 * rather than from every pair, each candidate from two different forces is scored ({@link Similarity}), and a
 * pair is reported when it scores at or above the threshold and each record is the other's best match in the
 * other's force: a record that resembles several of one force's records (namesakes, twins) is reported once,
 * with its closest, and once for each other force where it has a match.
 */
public final class Matcher {

    /**
     * The score from which a pair is reported unless configured otherwise. Above 5/7, the score of one name and the
     * date of birth agreeing exactly with the other name differing and no postcode, with room for the other name
     * sharing a few bigrams by chance: at national scale such pairs are mostly namesakes (ADR 31, benchmarks).
     */
    public static final String DEFAULT_THRESHOLD = "0.74";

    /** A bucket holding more records than this is a common value, not a lead, and is not compared. */
    public static final int LARGEST_BUCKET = 1_000;

    private final double threshold;
    private final boolean everyPair;

    public Matcher(double threshold) {
        this(threshold, false);
    }

    private Matcher(double threshold, boolean everyPair) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be above 0 and at most 1");
        }
        this.threshold = threshold;
        this.everyPair = everyPair;
    }

    /** The baseline the benchmarks and tests compare with: every pair of records of different forces scored. */
    public static Matcher everyPair(double threshold) {
        return new Matcher(threshold, true);
    }

    public double threshold() {
        return threshold;
    }

    /** A reported pair: records {@code a} and {@code b} (indices in the set, {@code a}'s force first). */
    public record Pair(int a, int b, double score) {
    }

    /** What the run did, for the operator and the benchmark. */
    public record Stats(long candidates, int oversizedBuckets, long skippedEntries) {
    }

    /** The pairs and the run's figures. */
    public record Result(List<Pair> pairs, Stats stats) {
    }

    /** One force's encoded record for {@link #match(List, List)}: its token and its filters. */
    public record Encoded(String token, long[] filters) {
    }

    /** One of a force's records ({@code token}) that may be the same person as another force's record. */
    public record Match(String token, String otherForce, String otherToken, double score) {
    }

    /**
     * The pairs between one force's records and other forces' (the hub's run when a force sends its encodings): one
     * national run, so that how common a name is counts across every force.
     */
    public List<Match> against(List<Encoded> mine, Map<String, List<Encoded>> others) {
        EncodedRecords set = new EncodedRecords(mine.size());
        int own = set.force("\u0000own");
        mine.forEach(e -> set.add(own, e.token(), e.filters()));
        others.forEach((code, theirs) -> {
            int other = set.force(code);
            theirs.forEach(e -> set.add(other, e.token(), e.filters()));
        });
        List<Match> out = new ArrayList<>();
        for (Pair p : match(set, own, Progress.SILENT).pairs()) {
            if (set.forceOf(p.a()) == own) {
                out.add(new Match(set.id(p.a()), set.forceCode(set.forceOf(p.b())), set.id(p.b()), p.score()));
            }
        }
        return out;
    }

    /** Every reported pair between records of different forces. */
    public Result match(EncodedRecords records, Progress progress) {
        return match(records, -1, progress);
    }

    /**
     * The reported pairs that involve force {@code focus} (every pair when it is -1): a force's new encodings
     * against the rest need no comparison between two other forces, and the mutual best is the same, since a
     * record's best in the focus force is found among its pairs with that force.
     */
    Result match(EncodedRecords records, int focus, Progress progress) {
        int n = records.size();
        long[] filters = records.filters();
        long started = System.nanoTime();
        progress.step("Weighing how common each name is among " + String.format("%,d", n) + " records");
        float[] rarity = Similarity.rarity(filters, n);
        if (everyPair) {
            return everyPair(records, filters, rarity, progress);
        }
        progress.step("Finding candidate pairs (" + MinHashBands.COUNT + " bands of MinHash values a record)");
        int indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(n));
        long indexMask = (1L << indexBits) - 1;
        long[] entries = new long[n * MinHashBands.COUNT];
        AtomicLong keyed = new AtomicLong();
        IntStream.range(0, n).parallel().forEach(i -> {
            long[] keys = new long[MinHashBands.COUNT];
            MinHashBands.keys(filters, i * EncodedRecords.STRIDE, keys);
            for (int b = 0; b < keys.length; b++) {
                entries[i * MinHashBands.COUNT + b] = keys[b] == MinHashBands.NONE ? Long.MIN_VALUE
                        : (keys[b] & ~indexMask) | i;
            }
            long done = keyed.incrementAndGet();
            if (done % 500_000 == 0) {
                progress.share("records keyed", done, done / (double) n, System.nanoTime() - started);
            }
        });
        Arrays.parallelSort(entries);
        int first = 0;
        while (first < entries.length && entries[first] == Long.MIN_VALUE) {
            first++;
        }
        progress.step("Scoring the records that share a key");
        long scoring = System.nanoTime();
        List<int[]> chunks = chunks(entries, first, indexMask);
        long[] candidates = new long[1];
        int[] oversized = new int[1];
        long[] skipped = new long[1];
        AtomicLong chunksDone = new AtomicLong();
        List<long[]> found = chunks.parallelStream().map(chunk -> {
            Bucketing run = new Bucketing(records, filters, rarity, indexMask, focus);
            run.scan(entries, chunk[0], chunk[1]);
            long done = chunksDone.incrementAndGet();
            long scoredSoFar;
            synchronized (candidates) {
                candidates[0] += run.candidates;
                oversized[0] += run.oversized;
                skipped[0] += run.skipped;
                scoredSoFar = candidates[0];
            }
            if (done % 16 == 0) {
                progress.share("candidate pairs scored", scoredSoFar, done / (double) chunks.size(),
                        System.nanoTime() - scoring);
            }
            return run.above.toArray();
        }).toList();
        progress.step("Keeping each record's best match in each other force");
        List<Pair> pairs = best(records, filters, rarity, merge(found));
        progress.step(String.format("%,d pairs at or above %.2f", pairs.size(), threshold));
        return new Result(pairs, new Stats(candidates[0], oversized[0], skipped[0]));
    }

    private Result everyPair(EncodedRecords records, long[] filters, float[] rarity, Progress progress) {
        int n = records.size();
        progress.step("Scoring every pair of records of different forces");
        AtomicLong candidates = new AtomicLong();
        List<long[]> found = IntStream.range(0, n).parallel().mapToObj(i -> {
            LongList above = new LongList();
            long compared = 0;
            for (int j = i + 1; j < n; j++) {
                if (records.forceOf(i) != records.forceOf(j)) {
                    compared++;
                    if (score(filters, rarity, i, j) >= threshold) {
                        above.add((long) i << 32 | j);
                    }
                }
            }
            candidates.addAndGet(compared);
            return above.toArray();
        }).toList();
        List<Pair> pairs = best(records, filters, rarity, merge(found));
        return new Result(pairs, new Stats(candidates.get(), 0, 0));
    }

    /** Ranges of the sorted entries that start and end on a bucket's edge, about a hundred of them. */
    private static List<int[]> chunks(long[] entries, int from, long indexMask) {
        List<int[]> out = new ArrayList<>();
        int step = Math.max(1, (entries.length - from) / 128);
        int start = from;
        while (start < entries.length) {
            int end = Math.min(entries.length, start + step);
            while (end < entries.length && (entries[end] & ~indexMask) == (entries[end - 1] & ~indexMask)) {
                end++;
            }
            out.add(new int[] {start, end});
            start = end;
        }
        return out;
    }

    /** One worker's scan of whole buckets: pairs from different forces scored, those above the threshold kept. */
    private final class Bucketing {
        private final EncodedRecords records;
        private final long[] filters;
        private final float[] rarity;
        private final long indexMask;
        private final int focus;
        private final LongList above = new LongList();
        private long candidates;
        private int oversized;
        private long skipped;

        Bucketing(EncodedRecords records, long[] filters, float[] rarity, long indexMask, int focus) {
            this.records = records;
            this.filters = filters;
            this.rarity = rarity;
            this.indexMask = indexMask;
            this.focus = focus;
        }

        void scan(long[] entries, int from, int to) {
            int start = from;
            while (start < to) {
                long key = entries[start] & ~indexMask;
                int end = start + 1;
                while (end < to && (entries[end] & ~indexMask) == key) {
                    end++;
                }
                if (end - start > LARGEST_BUCKET) {
                    oversized++;
                    skipped += end - start;
                } else {
                    bucket(entries, start, end);
                }
                start = end;
            }
        }

        private void bucket(long[] entries, int start, int end) {
            for (int x = start; x < end; x++) {
                int i = (int) (entries[x] & indexMask);
                for (int y = x + 1; y < end; y++) {
                    int j = (int) (entries[y] & indexMask);
                    if (records.forceOf(i) == records.forceOf(j)
                            || focus >= 0 && records.forceOf(i) != focus && records.forceOf(j) != focus) {
                        continue;
                    }
                    candidates++;
                    double s = score(filters, rarity, i, j);
                    if (s >= threshold) {
                        above.add(i < j ? (long) i << 32 | j : (long) j << 32 | i);
                    }
                }
            }
        }
    }

    static double score(long[] filters, float[] rarity, int i, int j) {
        return Similarity.score(filters, i * EncodedRecords.STRIDE, filters, j * EncodedRecords.STRIDE,
                rarity[2 * i], rarity[2 * i + 1], rarity[2 * j], rarity[2 * j + 1]);
    }

    private static long[] merge(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Arrays.parallelSort(all);
        int unique = 0;
        for (int k = 0; k < all.length; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                all[unique++] = all[k];
            }
        }
        return Arrays.copyOf(all, unique);
    }

    /** The pairs in which each record is the other's best (or equal best) in the other's force. */
    private static List<Pair> best(EncodedRecords records, long[] filters, float[] rarity, long[] above) {
        double[] scores = new double[above.length];
        Map<Long, Double> best = new HashMap<>();
        for (int k = 0; k < above.length; k++) {
            int i = (int) (above[k] >>> 32);
            int j = (int) above[k];
            double s = score(filters, rarity, i, j);
            scores[k] = s;
            best.merge((long) i << 16 | records.forceOf(j), s, Math::max);
            best.merge((long) j << 16 | records.forceOf(i), s, Math::max);
        }
        List<Pair> out = new ArrayList<>();
        for (int k = 0; k < above.length; k++) {
            int i = (int) (above[k] >>> 32);
            int j = (int) above[k];
            double s = scores[k];
            if (s == best.get((long) i << 16 | records.forceOf(j)) && s == best.get((long) j << 16 | records.forceOf(i))) {
                out.add(records.forceOf(i) <= records.forceOf(j) ? new Pair(i, j, s) : new Pair(j, i, s));
            }
        }
        return out;
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] items = new long[64];
        private int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}
