package org.soteria.pprl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encoded records of one or more forces, packed flat (the five filters of record {@code i} are the
 * {@link #STRIDE} longs from {@code i * STRIDE}) so that a national set of millions fits in memory.
 */
public final class EncodedRecords {

    /** Longs per record. */
    public static final int STRIDE = BloomEncoder.WORDS * BloomEncoder.FIELDS.size();

    private final List<String> forceCodes = new ArrayList<>();
    private final Map<String, Integer> forceIndex = new HashMap<>();
    private long[] filters;
    private int[] force;
    private String[] ids;
    private int size;

    public EncodedRecords() {
        this(1024);
    }

    /** Room for {@code expected} records before the arrays grow. */
    public EncodedRecords(int expected) {
        int room = Math.max(16, expected);
        filters = new long[room * STRIDE];
        force = new int[room];
        ids = new String[room];
    }

    /** The number of a force, given when it is first named. */
    public int force(String code) {
        return forceIndex.computeIfAbsent(code, c -> {
            forceCodes.add(c);
            return forceCodes.size() - 1;
        });
    }

    public void add(int forceNumber, String id, long[] bits) {
        if (bits.length != STRIDE) {
            throw new IllegalArgumentException("an encoded record has " + STRIDE + " longs, not " + bits.length);
        }
        if (size == force.length) {
            int grown = size + size / 2;
            filters = Arrays.copyOf(filters, grown * STRIDE);
            force = Arrays.copyOf(force, grown);
            ids = Arrays.copyOf(ids, grown);
        }
        System.arraycopy(bits, 0, filters, size * STRIDE, STRIDE);
        force[size] = forceNumber;
        ids[size] = id;
        size++;
    }

    public int size() {
        return size;
    }

    public int forces() {
        return forceCodes.size();
    }

    public String forceCode(int forceNumber) {
        return forceCodes.get(forceNumber);
    }

    public int forceOf(int record) {
        return force[record];
    }

    public String id(int record) {
        return ids[record];
    }

    /** The packed filters; valid for the first {@link #size()} records. */
    long[] filters() {
        return filters;
    }
}
