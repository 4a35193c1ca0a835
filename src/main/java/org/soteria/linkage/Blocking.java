package org.soteria.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /** Names alone block only when fewer than this many records would share them by chance. */
    static final double RARE_NAME = 0.3;
    /** Up to this many pairs in all, every pair is compared: blocking would save little and could miss some. */
    static final long ALL_PAIRS = 1_000_000;
    /** Records per run: the record number takes the low 24 bits of a sorted key. */
    static final int MAX_RECORDS = (1 << 24) - 1;

    /** Pairs a rule may give per record before it is refined, then cut to smaller blocks (see {@link #share}). */
    static final long PAIRS_PER_RECORD = 4;
    /** A rule may always give this many pairs, whatever the number of records. */
    static final long MIN_SHARE = 200_000;

    /** A further part of a rule's key, for a rule that gives more pairs than its share. */
    enum Refinement {
        GIVEN_INITIAL("given name initial"),
        FAMILY_INITIAL("family name initial"),
        BIRTH_YEAR("birth year"),
        SEX("sex");

        final String label;

        Refinement(String label) {
            this.label = label;
        }

        /** The record's value of the part (-1 when missing: records missing it still block together). */
        long part(RecordSet r, int i) {
            return switch (this) {
                case GIVEN_INITIAL -> r.given[i] < 0 ? -1 : r.givenNames.value(r.given[i]).charAt(0);
                case FAMILY_INITIAL -> r.family[i] < 0 ? -1 : r.familyNames.value(r.family[i]).charAt(0);
                case BIRTH_YEAR -> r.dob[i] == DateOfBirth.MISSING ? -1 : DateOfBirth.year(r.dob[i]);
                case SEX -> r.sex[i];
            };
        }
    }

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
                Field.FAMILY_NAME, Field.DATE_OF_BIRTH),
        FAMILY_BIRTH_PLACE("family name sound, birth place", Field.FAMILY_NAME, Field.BIRTH_PLACE),
        GIVEN_BIRTH_PLACE("given name (sound or nickname group), birth place", Field.GIVEN_NAME, Field.BIRTH_PLACE),
        NAMES("family name sound, given name (sound or nickname group)", Field.FAMILY_NAME, Field.GIVEN_NAME),
        POSTCODE_FAMILY("postcode, family name sound", Field.POSTCODE, Field.FAMILY_NAME),
        BIRTH_PLACE_YEAR("birth place, birth year", Field.BIRTH_PLACE, Field.DATE_OF_BIRTH),
        /** Either name's sound, so that a record whose one name was keyed in the other field still meets its person. */
        ANY_NAME_BIRTH_PLACE("either name's sound, birth place", Field.BIRTH_PLACE),
        ANY_NAME_POSTCODE("either name's sound, postcode", Field.POSTCODE),
        ANY_NAME_DOB("either name's sound, date of birth", Field.DATE_OF_BIRTH);

        final String label;
        /**
         * The fields a pair of this rule shares by construction (and sex where a given name is one of them),
         * which say nothing about m within the rule.
         */
        final long mask;

        /** The first part the rule lacks, of given initial, family initial and birth year (then sex). */
        Refinement refinement() {
            if (!fields.contains(Field.GIVEN_NAME) && !twoKeys()) {
                return Refinement.GIVEN_INITIAL;
            }
            if (!fields.contains(Field.FAMILY_NAME) && !twoKeys()) {
                return Refinement.FAMILY_INITIAL;
            }
            return fields.contains(Field.DATE_OF_BIRTH) ? Refinement.SEX : Refinement.BIRTH_YEAR;
        }

        /** The rules whose pairs mostly agree on a name and a date or place: the prior is estimated over their pairs. */
        static final List<Rule> NARROW = List.of(DOB_FAMILY_INITIAL, DOB_GIVEN_INITIAL, NAMES_YEAR,
                NAMES_DISTRICT, POSTCODE_INITIAL, PNC, EMAIL, BIRTHDAY_NAMES, NAME_SOUNDS_EITHER_ORDER);

        boolean twoKeys() {
            return this == ANY_NAME_BIRTH_PLACE || this == ANY_NAME_POSTCODE || this == ANY_NAME_DOB;
        }

        private final java.util.Set<Field> fields;

        Rule(String label, Field... fields) {
            this.label = label;
            this.fields = java.util.EnumSet.noneOf(Field.class);
            this.fields.addAll(List.of(fields));
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
    record Candidates(long[] pairs, Map<Rule, Long> pairsByRule, int oversizedBlocks, long[][] keys, long[][] secondKeys,
            boolean allPairs, List<String> budgetNotes) {

        /** True when the pair shares a key of the rule. */
        boolean blockedBy(Rule rule, int a, int b) {
            long[] first = keys[rule.ordinal()];
            long[] second = secondKeys[rule.ordinal()];
            return shared(first[a], first[b]) || second != null && (shared(first[a], second[b]) || shared(second[a], first[b])
                    || shared(second[a], second[b]));
        }

        /** True when the pair shares a key of any of the rules. */
        boolean blockedByAny(List<Rule> rules, int a, int b) {
            for (Rule rule : rules) {
                if (blockedBy(rule, a, b)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean shared(long x, long y) {
            return x != NONE && x == y;
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
        boolean[] rareName = rareNames(gc, fp);
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
        Map<Rule, Long> byRule = new java.util.EnumMap<>(Rule.class);
        // Every rule's blocks are found first and the pairs counted, so that the buffer is made once at its size:
        // at a force's million crimes a buffer doubling as it filled held three times the pairs at its peak.
        long[][] sortedByRule = new long[Rule.values().length][];
        int[] limits = new int[Rule.values().length];
        long reserve = 0;
        List<String> notes = new ArrayList<>();
        int oversized = 0;
        long share = share(n);
        long[][] all = new long[Rule.values().length][];
        long[][] seconds = new long[Rule.values().length][];
        for (Rule rule : Rule.values()) {
            long[] keys = new long[n];
            long[] second = rule.twoKeys() ? new long[n] : null;
            all[rule.ordinal()] = keys;
            seconds[rule.ordinal()] = second;
            for (int i = 0; i < n; i++) {
                if (second == null) {
                    keys[i] = key(rule, r, i, gp, fp, gc, district, rareName);
                } else {
                    keys[i] = nameKey(rule, r, i, gp[i], district);
                    second[i] = fp[i] == gp[i] ? NONE : nameKey(rule, r, i, fp[i], district);
                }
            }
            long[] sorted = sort(keys, second);
            long wanted = count(sorted, MAX_BLOCK, focus);
            String note = null;
            if (wanted > share) {
                Refinement by = rule.refinement();
                if (by != null) {
                    for (int i = 0; i < n; i++) {
                        long part = by.part(r, i);
                        keys[i] = refine(rule, keys[i], part);
                        if (second != null) {
                            second[i] = refine(rule, second[i], part);
                        }
                    }
                    sorted = sort(keys, second);
                }
                long refined = count(sorted, MAX_BLOCK, focus);
                note = String.format(Locale.ROOT, "%s: %,d pairs, over its share of %,d", rule.label, wanted, share)
                        + (by == null ? "" : String.format(Locale.ROOT, "; refined by %s: %,d pairs", by.label, refined));
                wanted = refined;
            }
            int limit = MAX_BLOCK;
            while (wanted > share && limit > 2) {
                limit = limit / 2;
                wanted = count(sorted, limit, focus);
            }
            if (limit < MAX_BLOCK) {
                note += String.format(Locale.ROOT, "; blocks of more than %,d records left out: %,d pairs", limit, wanted);
            }
            if (note != null) {
                notes.add(note);
            }
            sortedByRule[rule.ordinal()] = sorted;
            limits[rule.ordinal()] = limit;
            reserve += wanted;
        }
        PairBuffer out = new PairBuffer(reserve);
        for (Rule rule : Rule.values()) {
            long before = out.size;
            oversized += emit(sortedByRule[rule.ordinal()], limits[rule.ordinal()], focus, out, all[rule.ordinal()],
                    seconds[rule.ordinal()]);
            sortedByRule[rule.ordinal()] = null;
            byRule.put(rule, out.size - before);
        }
        long[] pairs;
        boolean allPairs = (long) n * (n - 1) / 2 <= ALL_PAIRS;
        if (allPairs) {
            out = new PairBuffer((long) n * (n - 1) / 2);
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    if (focus == null || focus.get(a) || focus.get(b)) {
                        out.add(a, b);
                    }
                }
            }
        }
        pairs = out.distinct();
        return new Candidates(pairs, byRule, oversized, all, seconds, allPairs, notes);
    }

    /** Pairs one rule may give: {@link #PAIRS_PER_RECORD} a record, and never fewer than {@link #MIN_SHARE}. */
    static long share(int records) {
        return Math.max(MIN_SHARE, PAIRS_PER_RECORD * records);
    }

    private static long refine(Rule rule, long key, long part) {
        return key == NONE ? NONE : mix(rule, key, part, 1);
    }

    /** The key of a rule on either name: one name's sound with the rule's other field. */
    private static long nameKey(Rule rule, RecordSet r, int i, int sound, int[] district) {
        if (sound < 0) {
            return NONE;
        }
        return switch (rule) {
            case ANY_NAME_BIRTH_PLACE -> r.birthPlace[i] >= 0 ? mix(rule, sound, r.birthPlace[i], 0) : NONE;
            case ANY_NAME_POSTCODE -> r.postcode[i] >= 0 ? mix(rule, sound, r.postcode[i], 0) : NONE;
            case ANY_NAME_DOB -> DateOfBirth.full(r.dob[i]) ? mix(rule, sound, r.dob[i], 0) : NONE;
            default -> throw new IllegalArgumentException(rule + " keys one value a record");
        };
    }

    private static long key(Rule rule, RecordSet r, int i, int[] gp, int[] fp, int[] gc, int[] district, boolean[] rareName) {
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
            case FAMILY_BIRTH_PLACE -> fp[i] >= 0 && r.birthPlace[i] >= 0 ? mix(rule, fp[i], r.birthPlace[i], 0) : NONE;
            case GIVEN_BIRTH_PLACE -> gc[i] != -1 && r.birthPlace[i] >= 0 ? mix(rule, gc[i], r.birthPlace[i], 0) : NONE;
            case NAMES -> rareName[i] ? mix(rule, gc[i], fp[i], 0) : NONE;
            case POSTCODE_FAMILY -> r.postcode[i] >= 0 && fp[i] >= 0 ? mix(rule, r.postcode[i], fp[i], 0) : NONE;
            case BIRTH_PLACE_YEAR -> r.birthPlace[i] >= 0 && year > 0 ? mix(rule, r.birthPlace[i], year, 0) : NONE;
            case ANY_NAME_BIRTH_PLACE, ANY_NAME_POSTCODE, ANY_NAME_DOB -> throw new IllegalArgumentException(rule + " keys either name");
        };
    }

    /**
     * Per record, whether its names alone say much: fewer than {@link #RARE_NAME} records would share its given
     * name (group or sound) and family name sound by chance, were names paired at random. Two John Smiths share
     * nothing else that tells them apart; two Alexander Kidds with no date of birth probably are one man.
     */
    private static boolean[] rareNames(int[] gc, int[] fp) {
        int n = gc.length;
        Map<Integer, Integer> given = new HashMap<>();
        Map<Integer, Integer> family = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (gc[i] != -1 && fp[i] >= 0) {
                given.merge(gc[i], 1, Integer::sum);
                family.merge(fp[i], 1, Integer::sum);
            }
        }
        boolean[] rare = new boolean[n];
        for (int i = 0; i < n; i++) {
            rare[i] = gc[i] != -1 && fp[i] >= 0 && (double) given.get(gc[i]) * family.get(fp[i]) / n < RARE_NAME;
        }
        return rare;
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

    /** The rule's keys with their records, {@code key << 25 | second << 24 | record}, sorted so that blocks are runs. */
    private static long[] sort(long[] keys, long[] second) {
        int n = keys.length;
        long[] packed = new long[second == null ? n : 2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (keys[i] != NONE) {
                packed[k++] = (keys[i] << 25) | i;
            }
            if (second != null && second[i] != NONE) {
                packed[k++] = (second[i] << 25) | 1L << 24 | i;
            }
        }
        long[] sorted = Arrays.copyOf(packed, k);
        Arrays.parallelSort(sorted);
        return sorted;
    }

    private static int end(long[] sorted, int start) {
        long key = sorted[start] >>> 25;
        int end = start + 1;
        while (end < sorted.length && sorted[end] >>> 25 == key) {
            end++;
        }
        return end;
    }

    /** The pairs the blocks of at most {@code limit} records would give (with a focus, those with a focused record). */
    private static long count(long[] sorted, int limit, BitSet focus) {
        long pairs = 0;
        for (int start = 0; start < sorted.length;) {
            int end = end(sorted, start);
            long size = end - start;
            if (size > 1 && size <= limit) {
                long outside = 0;
                if (focus != null) {
                    for (int x = start; x < end; x++) {
                        outside += focus.get((int) (sorted[x] & 0xFFFFFF)) ? 0 : 1;
                    }
                }
                pairs += size * (size - 1) / 2 - outside * (outside - 1) / 2;
            }
            start = end;
        }
        return pairs;
    }

    /**
     * Emits every pair inside each block of at most {@code limit} records; a larger block's keys become
     * {@link #NONE}, so that the rule is not said to hold its pairs. Returns the blocks left out.
     */
    private static int emit(long[] sorted, int limit, BitSet focus, PairBuffer out, long[] keys, long[] second) {
        int oversized = 0;
        for (int start = 0; start < sorted.length;) {
            int end = end(sorted, start);
            int size = end - start;
            if (size > limit) {
                oversized++;
                for (int x = start; x < end; x++) {
                    int record = (int) (sorted[x] & 0xFFFFFF);
                    if ((sorted[x] >>> 24 & 1) == 0) {
                        keys[record] = NONE;
                    } else {
                        second[record] = NONE;
                    }
                }
            } else if (size > 1) {
                for (int x = start; x < end; x++) {
                    int a = (int) (sorted[x] & 0xFFFFFF);
                    for (int y = x + 1; y < end; y++) {
                        int b = (int) (sorted[y] & 0xFFFFFF);
                        if (a != b && (focus == null || focus.get(a) || focus.get(b))) {
                            out.add(Math.min(a, b), Math.max(a, b));
                        }
                    }
                }
            }
            start = end;
        }
        return oversized;
    }

    /**
     * An array of packed pairs, made at the size counted for it (it still grows, by half, should the count fall
     * short), sorted and made distinct in place.
     */
    private static final class PairBuffer {
        long[] pairs;
        int size;

        PairBuffer(long expected) {
            if (expected > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many candidate pairs for one run: " + expected);
            }
            pairs = new long[(int) Math.max(16, expected)];
        }

        void add(int a, int b) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, (int) Math.min(Integer.MAX_VALUE - 8, pairs.length + (long) pairs.length / 2));
            }
            pairs[size++] = (long) a << 32 | b;
        }

        long[] distinct() {
            long[] all = pairs;
            pairs = null;
            // In place: a parallel sort would first make a second array of every pair.
            Arrays.sort(all, 0, size);
            int d = 0;
            for (int i = 0; i < size; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    all[d++] = all[i];
                }
            }
            return d == all.length ? all : Arrays.copyOf(all, d);
        }
    }
}
