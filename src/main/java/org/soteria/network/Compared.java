package org.soteria.network;

import java.util.Map;

/**
 * The measures the hub compares across forces (funnel plots, trends, evaluation), all from a force's benchmark
 * (ADR 38): rates, each a numerator (less a part of it, for some) within a denominator; and medians in days, each
 * with the count of crimes it is the median of.
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
            BenchmarkBundle.REPEAT_SUSPECT, null, "with a repeat suspect"),
    DAYS_TO_CHARGE("median_days_to_charge", "Median days from recording to charge", BenchmarkBundle.CHARGED,
            BenchmarkBundle.DAYS_TO_CHARGE, null, null),
    DAYS_TO_OUTCOME("median_days_to_outcome", "Median days from recording to outcome", BenchmarkBundle.OUTCOMES,
            BenchmarkBundle.DAYS_TO_OUTCOME, null, null);

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

    /** What the rate counts, as a column names it; null for a median. */
    public String numeratorLabel() {
        return numeratorLabel;
    }

    /** A median in days (no funnel limits, no pooling), not a rate. */
    public boolean median() {
        return numeratorLabel == null;
    }

    /** The figure compared from {@link #counts}: the rate, or the median in days. */
    public double value(long[] counts) {
        return median() ? counts[1] : (double) counts[1] / counts[0];
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
     * The denominator and numerator (for a median: its count and the median) when every cell they rest on is shown
     * and the denominator is not zero; null when any is withheld or missing.
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
