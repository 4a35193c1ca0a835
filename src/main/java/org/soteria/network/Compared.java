package org.soteria.network;

import java.util.Map;

/**
 * The rates the hub compares across forces (funnel plots, trends, evaluation), each a numerator, less a part of it
 * for some, within a denominator, all counts of a force's benchmark (ADR 38).
 */
public enum Compared {
    CHARGE_RATE("charge_rate", "Charge rate", BenchmarkBundle.OUTCOMES, BenchmarkBundle.CHARGED, null, "charged"),
    VICTIM_DOES_NOT_SUPPORT_RATE("victim_does_not_support_rate", "Victim does not support rate",
            BenchmarkBundle.OUTCOMES, BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, null,
            "victim does not support (14, 16)"),
    VICTIM_REPORTED_RATE("victim_does_not_support_victim_reported_rate",
            "Victim does not support rate, reported by the victim", BenchmarkBundle.OUTCOMES,
            BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, BenchmarkBundle.THIRD_PARTY,
            "victim does not support, reported by the victim"),
    THIRD_PARTY_RATE("victim_does_not_support_third_party_rate",
            "Victim does not support rate, reported by someone else", BenchmarkBundle.OUTCOMES,
            BenchmarkBundle.THIRD_PARTY, null, "victim does not support, reported by someone else"),
    REPEAT_SUSPECT_SHARE("repeat_suspect_share", "Repeat-suspect share", BenchmarkBundle.WITH_SUSPECT,
            BenchmarkBundle.REPEAT_SUSPECT, null, "with a repeat suspect");

    private final String code;
    private final String label;
    private final String denominator;
    private final String numerator;
    private final String less;
    private final String numeratorLabel;

    Compared(String code, String label, String denominator, String numerator, String less, String numeratorLabel) {
        this.code = code;
        this.label = label;
        this.denominator = denominator;
        this.numerator = numerator;
        this.less = less;
        this.numeratorLabel = numeratorLabel;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String numeratorLabel() {
        return numeratorLabel;
    }

    /** What the rate is out of, as a column or axis names it ("Outcomes assigned"). */
    public String denominatorLabel() {
        return BenchmarkBundle.LABELS.get(denominator);
    }

    /** Whether a force's cells carry this measure at all (a force on an earlier release sends fewer). */
    boolean sent(Map<String, String> cells) {
        return cells.containsKey(denominator) && cells.containsKey(numerator)
                && (less == null || cells.containsKey(less));
    }

    /**
     * The denominator and numerator when every count they rest on is shown and the denominator is not zero;
     * null when any is withheld or missing.
     */
    long[] counts(Map<String, String> cells) {
        Long n = shown(cells.get(denominator));
        Long x = shown(cells.get(numerator));
        Long minus = less == null ? Long.valueOf(0) : shown(cells.get(less));
        if (n == null || x == null || minus == null || n == 0) {
            return null;
        }
        return new long[] {n, x - minus};
    }

    private static Long shown(String cell) {
        return cell == null || SmallNumbers.Grid.suppressed(cell) ? null : Long.valueOf(cell);
    }

    public static Compared of(String code) {
        for (Compared c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return CHARGE_RATE;
    }
}
