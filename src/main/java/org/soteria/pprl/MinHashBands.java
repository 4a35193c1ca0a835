package org.soteria.pprl;

import java.util.SplittableRandom;

/**
 * Blocking over encodings by locality-sensitive hashing (ADR 31): each record gets MinHash values of the set
 * bits of four views of its filters (both names together, so that swapped names agree; the date of birth; the
 * postcode; the PNC identifier), and 36 bands of a few of them as keys: 24 of three name and three date values,
 * 8 of three name and two postcode values, 4 of three PNC identifier values. Two records share a band's key
 * with probability about {@code J^r}, J being the Jaccard similarity of the views and r the values in the band,
 * so the same person recorded twice shares some key while two strangers almost never do. Only records that
 * share a key are scored, which replaces comparing every pair.
 *
 * <p>Every name band joins names with the date or the postcode, as a match needs a name and the date of birth
 * (or both names and the postcode); the PNC identifier is a band of its own. The permutations are fixed and
 * public: the hub needs them, and they reveal nothing the filters do not.
 */
final class MinHashBands {

    static final int NAMES = 0;
    static final int DATE = 1;
    static final int POSTCODE = 2;
    static final int PNC = 3;
    private static final int VIEWS = 4;
    private static final int NAME_DATE_BANDS = 24;
    private static final int NAME_POSTCODE_BANDS = 8;
    private static final int PNC_BANDS = 4;
    private static final int NAME_VALUES = 3;
    private static final int DATE_VALUES = 3;
    private static final int POSTCODE_VALUES = 2;
    private static final int PNC_VALUES = 3;
    /** Each band: pairs of (view, how many MinHash values of it). */
    private static final int[][] BANDS = bands();
    private static final int[] HASHES = {NAME_VALUES * (NAME_DATE_BANDS + NAME_POSTCODE_BANDS),
        DATE_VALUES * NAME_DATE_BANDS, POSTCODE_VALUES * NAME_POSTCODE_BANDS, PNC_VALUES * PNC_BANDS};

    private static int[][] bands() {
        int[][] out = new int[NAME_DATE_BANDS + NAME_POSTCODE_BANDS + PNC_BANDS][];
        for (int b = 0; b < out.length; b++) {
            if (b < NAME_DATE_BANDS) {
                out[b] = new int[] {NAMES, NAME_VALUES, DATE, DATE_VALUES};
            } else if (b < NAME_DATE_BANDS + NAME_POSTCODE_BANDS) {
                out[b] = new int[] {NAMES, NAME_VALUES, POSTCODE, POSTCODE_VALUES};
            } else {
                out[b] = new int[] {PNC, PNC_VALUES};
            }
        }
        return out;
    }

    static final int COUNT = BANDS.length;
    /** The key of a band whose view is empty in the record: never a bucket. */
    static final long NONE = 0;

    private static final int W = BloomEncoder.WORDS;
    private static final int[][][] PERMUTATIONS = permutations();

    private MinHashBands() {
    }

    private static int[][][] permutations() {
        SplittableRandom random = new SplittableRandom(0x50_7E_41_A2_02L);
        int[][][] out = new int[VIEWS][][];
        for (int v = 0; v < VIEWS; v++) {
            out[v] = new int[HASHES[v]][BloomEncoder.BITS];
            for (int h = 0; h < HASHES[v]; h++) {
                for (int p = 0; p < BloomEncoder.BITS; p++) {
                    out[v][h][p] = random.nextInt() & Integer.MAX_VALUE;
                }
            }
        }
        return out;
    }

    /** The band keys of the record packed at {@code at}, {@link #NONE} where a view it needs is empty. */
    static void keys(long[] filters, int at, long[] out) {
        int[][] minima = new int[VIEWS][];
        minima[NAMES] = minima(filters, at, 0, 1, NAMES);
        minima[DATE] = minima(filters, at, 2, 2, DATE);
        minima[POSTCODE] = minima(filters, at, 3, 3, POSTCODE);
        minima[PNC] = minima(filters, at, 4, 4, PNC);
        int[] used = new int[VIEWS];
        for (int b = 0; b < BANDS.length; b++) {
            int[] band = BANDS[b];
            long h = 0x243F6A8885A308D3L ^ b;
            boolean empty = false;
            for (int k = 0; k < band.length; k += 2) {
                int view = band[k];
                if (minima[view] == null) {
                    empty = true;
                }
                for (int n = 0; n < band[k + 1]; n++) {
                    int value = minima[view] == null ? 0 : minima[view][used[view]++ % HASHES[view]];
                    h = mix(h ^ value);
                }
            }
            out[b] = empty || h == NONE ? NONE : h;
        }
    }

    /** The MinHash values of the union of two fields' set bits, or null when both are empty. */
    private static int[] minima(long[] filters, int at, int fieldA, int fieldB, int view) {
        int[][] perms = PERMUTATIONS[view];
        int[] min = null;
        for (int w = 0; w < W; w++) {
            long word = filters[at + fieldA * W + w] | filters[at + fieldB * W + w];
            while (word != 0) {
                int p = w * 64 + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (min == null) {
                    min = new int[perms.length];
                    java.util.Arrays.fill(min, Integer.MAX_VALUE);
                }
                for (int h = 0; h < perms.length; h++) {
                    int v = perms[h][p];
                    if (v < min[h]) {
                        min[h] = v;
                    }
                }
            }
        }
        return min;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
