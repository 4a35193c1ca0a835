package org.soteria.linkage;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Candidate pairs from several blocking rules, each a key of a few fields: two records are compared
 * when they share the key of at least one rule. Each rule is cheap (a sort of n keys) and its blocks
 * small, so the number of comparisons grows close to linearly; together the rules keep recall high,
 * since a pair missed by one (a typing error in the date of birth) is usually caught by another (same
 * family name sound, year and initial). A block larger than {@link #MAX_BLOCK} (a placeholder date of
 * birth, say) is not compared in full; its records still meet through the other rules.
 */
final class Blocking {

    static final int MAX_BLOCK = 1000;
    /** Up to this many pairs in all, every pair is compared: blocking would save little and could miss some. */
    static final long ALL_PAIRS = 1_000_000;
    /** Records per run: the record number takes the low 24 bits of a sorted key. */
    static final int MAX_RECORDS = (1 << 24) - 1;

    /** The rules, named for reports. */
    enum Rule {
        DOB_FAMILY_INITIAL("date of birth, family name initial", Field.DATE_OF_BIRTH, Field.FAMILY_NAME),
        DOB_GIVEN_INITIAL("date of birth, given name initial", Field.DATE_OF_BIRTH, Field.GIVEN_NAME),
        NAMES_YEAR("family name sound, given name (sound or nickname group), birth year", Field.FAMILY_NAME,
                Field.GIVEN_NAME, Field.DATE_OF_BIRTH),
        NAMES_DISTRICT("family name sound, given name (sound or nickname group), postcode district", Field.GIVEN_NAME,
                Field.FAMILY_NAME, Field.POSTCODE),
        POSTCODE_INITIAL("postcode, given initial", Field.POSTCODE, Field.GIVEN_NAME),
        PNC("PNC identifier", Field.PNC_ID),
        EMAIL("email", Field.EMAIL),
        BIRTHDAY_NAMES("day and month of birth, family name sound, given initial", Field.DATE_OF_BIRTH,
                Field.FAMILY_NAME, Field.GIVEN_NAME),
        NAME_SOUNDS_EITHER_ORDER("both name sounds in either order, birth year and month", Field.GIVEN_NAME,
                Field.FAMILY_NAME, Field.DATE_OF_BIRTH);

        final String label;
        /**
         * The fields a pair of this rule shares by construction (and sex where a given name is one of them),
         * which say nothing about m within the rule.
         */
        final long mask;

        Rule(String label, Field... fields) {
            this.label = label;
            long m = 0;
            for (Field f : fields) {
                m |= ((1L << Field.BITS) - 1) << (f.ordinal() * Field.BITS);
                if (f == Field.GIVEN_NAME) {
                    // Given names tell sex: pairs sharing one agree on sex whether or not they match.
                    m |= ((1L << Field.BITS) - 1) << (Field.SEX.ordinal() * Field.BITS);
                }
            }
            this.mask = ~m;
        }
    }

    /** Candidate pairs as {@code a << 32 | b} with a &lt; b, sorted and distinct, and what each rule gave. */
    record Candidates(long[] pairs, Map<Rule, Long> pairsByRule, int oversizedBlocks, long[][] keys, boolean allPairs) {

        /** True when the pair shares the key of the rule. */
        boolean blockedBy(Rule rule, int a, int b) {
            long k = keys[rule.ordinal()][a];
            return k != NONE && k == keys[rule.ordinal()][b];
        }
    }

    private static final long NONE = Long.MIN_VALUE;

    private Blocking() {
    }

    static Candidates candidates(RecordSet r, BitSet focus) {
        if (r.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("at most " + MAX_RECORDS + " records can be linked in one run, not " + r.size());
        }
        int n = r.size();
        Map<String, Integer> sounds = new HashMap<>();
        int[] gp = codes(sounds, r.givenPhonetic, r.given);
        int[] fp = codes(sounds, r.familyPhonetic, r.family);
        int[] gc = canonicalGiven(r, gp);
        int[] district = new int[n];
        Map<String, Integer> districts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int p = r.postcode[i];
            if (p < 0) {
                district[i] = -1;
            } else {
                String d = r.postcodeDistrict[p] != null ? r.postcodeDistrict[p] : r.postcodes.value(p);
                district[i] = districts.computeIfAbsent(d, k -> districts.size());
            }
        }
        PairBuffer out = new PairBuffer();
        Map<Rule, Long> byRule = new java.util.EnumMap<>(Rule.class);
        int oversized = 0;
        long[][] all = new long[Rule.values().length][];
        for (Rule rule : Rule.values()) {
            long[] keys = new long[n];
            all[rule.ordinal()] = keys;
            for (int i = 0; i < n; i++) {
                keys[i] = key(rule, r, i, gp, fp, gc, district);
            }
            long before = out.size;
            oversized += block(rule, keys, focus, out);
            byRule.put(rule, out.size - before);
        }
        long[] pairs;
        boolean allPairs = (long) n * (n - 1) / 2 <= ALL_PAIRS;
        if (allPairs) {
            out = new PairBuffer();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (focus == null || focus.get(a) || focus.get(b)) {
                        out.add(a, b);
                    }
                }
            }
        }
        pairs = out.distinct();
        return new Candidates(pairs, byRule, oversized, all, allPairs);
    }

    private static long key(Rule rule, RecordSet r, int i, int[] gp, int[] fp, int[] gc, int[] district) {
        int dob = r.dob[i];
        int year = DateOfBirth.year(dob);
        int given = r.given[i] < 0 ? -1 : r.givenNames.value(r.given[i]).charAt(0);
        int family = r.family[i] < 0 ? -1 : r.familyNames.value(r.family[i]).charAt(0);
        boolean fullDob = DateOfBirth.full(dob);
        return switch (rule) {
            case DOB_FAMILY_INITIAL -> fullDob && family >= 0 ? mix(rule, dob, family, 0) : NONE;
            case DOB_GIVEN_INITIAL -> fullDob && given >= 0 ? mix(rule, dob, given, 0) : NONE;
            case NAMES_YEAR -> fp[i] >= 0 && gc[i] != -1 && year > 0 ? mix(rule, fp[i], gc[i], year) : NONE;
            case NAMES_DISTRICT -> gc[i] != -1 && fp[i] >= 0 && district[i] >= 0 ? mix(rule, gc[i], fp[i], district[i]) : NONE;
            case POSTCODE_INITIAL -> r.postcode[i] >= 0 && given >= 0 ? mix(rule, r.postcode[i], given, 0) : NONE;
            case PNC -> r.pnc[i] >= 0 ? mix(rule, r.pnc[i], 0, 0) : NONE;
            case EMAIL -> r.email[i] >= 0 ? mix(rule, r.email[i], 0, 0) : NONE;
            case BIRTHDAY_NAMES -> fullDob && fp[i] >= 0 && given >= 0 ? mix(rule, dob % 10000, fp[i], given) : NONE;
            case NAME_SOUNDS_EITHER_ORDER -> gp[i] >= 0 && fp[i] >= 0 && year > 0
                    ? mix(rule, Math.min(gp[i], fp[i]), Math.max(gp[i], fp[i]), year * 100L + DateOfBirth.month(dob)) : NONE;
        };
    }

    /**
     * Per record, its given name's nickname group (the first, when it has several) or else its sound, so
     * that Bob and Robert block together; numbered apart from the sounds.
     */
    private static int[] canonicalGiven(RecordSet r, int[] gp) {
        int[] out = new int[r.size()];
        for (int i = 0; i < out.length; i++) {
            int v = r.given[i];
            if (v < 0) {
                out[i] = -1;
            } else {
                int[] groups = r.givenGroups[v];
                out[i] = groups.length > 0 ? -2 - groups[0] : gp[i];
            }
        }
        return out;
    }

    /** Phonetic codes numbered in {@code sounds}, shared by both name fields so that swapped names block together. */
    private static int[] codes(Map<String, Integer> sounds, String[] phoneticByValue, int[] values) {
        int[] byValue = new int[phoneticByValue.length];
        for (int v = 0; v < byValue.length; v++) {
            byValue[v] = sounds.computeIfAbsent(phoneticByValue[v], k -> sounds.size());
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] < 0 ? -1 : byValue[values[i]];
        }
        return out;
    }

    private static long mix(Rule rule, long a, long b, long c) {
        long h = 0x9E3779B97F4A7C15L * (rule.ordinal() + 1);
        h = (h ^ a) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 31) ^ b) * 0x94D049BB133111EBL;
        h = (h ^ (h >>> 29) ^ c) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h == NONE ? 0 : h;
    }

    /** Sorts (key, record) and emits every pair inside each block; returns the blocks skipped as too large. */
    private static int block(Rule rule, long[] keys, BitSet focus, PairBuffer out) {
        int n = keys.length;
        long[] packed = new long[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] != NONE) {
                packed[k++] = (keys[i] << 24) | i;
            }
        }
        long[] sorted = Arrays.copyOf(packed, k);
        Arrays.parallelSort(sorted);
        int oversized = 0;
        int start = 0;
        while (start < k) {
            long key = sorted[start] >>> 24;
            int end = start + 1;
            while (end < k && sorted[end] >>> 24 == key) {
                end++;
            }
            int size = end - start;
            if (size > MAX_BLOCK) {
                oversized++;
            } else if (size > 1) {
                for (int x = start; x < end; x++) {
                    int a = (int) (sorted[x] & 0xFFFFFF);
                    for (int y = x + 1; y < end; y++) {
                        int b = (int) (sorted[y] & 0xFFFFFF);
                        if (focus == null || focus.get(a) || focus.get(b)) {
                            out.add(Math.min(a, b), Math.max(a, b));
                        }
                    }
                }
            }
            start = end;
        }
        return oversized;
    }

    /** A growable array of packed pairs. */
    private static final class PairBuffer {
        long[] pairs = new long[1024];
        int size;

        void add(int a, int b) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = (long) a << 32 | b;
        }

        long[] distinct() {
            long[] copy = Arrays.copyOf(pairs, size);
            pairs = null;
            Arrays.parallelSort(copy);
            int d = 0;
            for (int i = 0; i < copy.length; i++) {
                if (i == 0 || copy[i] != copy[i - 1]) {
                    copy[d++] = copy[i];
                }
            }
            return Arrays.copyOf(copy, d);
        }
    }
}
