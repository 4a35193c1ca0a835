package org.soteria.linkage;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation and string similarity for the comparison levels. */
final class Text {

    private Text() {
    }

    /** Lower case, accents removed, anything but letters and spaces dropped (hyphens and apostrophes join). */
    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            } else if (Character.isWhitespace(c) || c == '.' || c == ',') {
                space = true;
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Lower case letters and digits, any run of other characters one space. */
    static String words(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                gap = false;
                b.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                gap = true;
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Upper case letters and digits only (postcodes, PNC identifiers). */
    static String code(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = Character.toUpperCase(raw.charAt(i));
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** Per thread, the match flags of the two strings being compared (grown as needed, never shrunk). */
    private static final ThreadLocal<boolean[][]> FLAGS = ThreadLocal.withInitial(() -> new boolean[][] {new boolean[64],
        new boolean[64]});

    /** Jaro–Winkler similarity (prefix scale 0.1, up to four characters), 1 for equal strings. */
    static double jaroWinkler(String a, String b) {
        return a.equals(b) ? 1 : jaroWinkler(a.toCharArray(), b.toCharArray());
    }

    /** Jaro–Winkler of two character arrays, without allocating. */
    static double jaroWinkler(char[] a, char[] b) {
        int la = a.length;
        int lb = b.length;
        if (la == 0 || lb == 0) {
            return 0;
        }
        boolean[][] flags = FLAGS.get();
        if (flags[0].length < la || flags[1].length < lb) {
            flags[0] = new boolean[Math.max(la, flags[0].length * 2)];
            flags[1] = new boolean[Math.max(lb, flags[1].length * 2)];
        }
        boolean[] usedA = flags[0];
        boolean[] usedB = flags[1];
        java.util.Arrays.fill(usedA, 0, la, false);
        java.util.Arrays.fill(usedB, 0, lb, false);
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a[i];
            for (int j = from; j <= to; j++) {
                if (!usedB[j] && c == b[j]) {
                    usedA[i] = true;
                    usedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transposed = 0;
        int j = 0;
        for (int i = 0; i < la; i++) {
            if (usedA[i]) {
                while (!usedB[j]) {
                    j++;
                }
                if (a[i] != b[j]) {
                    transposed++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transposed / 2.0) / m) / 3.0;
        int prefix = 0;
        int most = Math.min(4, Math.min(la, lb));
        while (prefix < most && a[prefix] == b[prefix]) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /** True when one insertion, deletion, substitution or swap of neighbours turns a into b (or they are equal). */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true;
        }
        if (la == lb) {
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }

    /** Jaccard similarity of two sorted sets of word numbers: shared over all distinct (0 when both are empty). */
    static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
