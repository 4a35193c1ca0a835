package org.soteria.network;

import java.util.List;
import java.util.Map;

/**
 * The measures the hub compares across forces (funnel plots, trends, evaluation), all from a force's benchmark
 * (ADR 38): rates, each a numerator (less a part of it, for some) within a denominator; medians (days, a caseload)
 * and a mean (victims' feedback), each with the count it rests on. Rates are pooled and drawn with funnel limits;
 * a median's national figure is the middle force's, a mean's the mean over every force's forms, with no limits.
 */
public enum Compared {
    CHARGE_RATE("charge_rate", "Charge rate", Kind.RATE, BenchmarkBundle.OUTCOMES, BenchmarkBundle.CHARGED, null,
            "charged"),
    VICTIM_DOES_NOT_SUPPORT_RATE("victim_does_not_support_rate", "Victim does not support rate", Kind.RATE,
            BenchmarkBundle.OUTCOMES, BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, null,
            "victim does not support (14, 16)"),
    VICTIM_REPORTED_RATE("victim_does_not_support_victim_reported_rate",
            "Victim does not support rate, reported by the victim", Kind.RATE, BenchmarkBundle.OUTCOMES,
            BenchmarkBundle.VICTIM_DOES_NOT_SUPPORT, BenchmarkBundle.THIRD_PARTY,
            "victim does not support, reported by the victim"),
    THIRD_PARTY_RATE("victim_does_not_support_third_party_rate",
            "Victim does not support rate, reported by someone else", Kind.RATE, BenchmarkBundle.OUTCOMES,
            BenchmarkBundle.THIRD_PARTY, null, "victim does not support, reported by someone else"),
    REPEAT_SUSPECT_SHARE("repeat_suspect_share", "Repeat-suspect share", Kind.RATE, BenchmarkBundle.WITH_SUSPECT,
            BenchmarkBundle.REPEAT_SUSPECT, null, "with a repeat suspect"),
    ACCREDITED_SHARE("accredited_share", "Accredited share", Kind.RATE, BenchmarkBundle.OFFICERS,
            BenchmarkBundle.ACCREDITED, null, "with a specialist accreditation"),
    DAYS_TO_CHARGE("median_days_to_charge", "Median days from recording to charge", Kind.MEDIAN,
            BenchmarkBundle.CHARGED, BenchmarkBundle.DAYS_TO_CHARGE, null, "hubComparison.days"),
    DAYS_TO_OUTCOME("median_days_to_outcome", "Median days from recording to outcome", Kind.MEDIAN,
            BenchmarkBundle.OUTCOMES, BenchmarkBundle.DAYS_TO_OUTCOME, null, "hubComparison.days"),
    CASELOAD("median_open_caseload", "Median open caseload per officer", Kind.MEDIAN, BenchmarkBundle.OFFICERS,
            BenchmarkBundle.CASELOAD, null, "hubComparison.crimes"),
    FEEDBACK("feedback_mean", "Victims' feedback, mean score (1 to 5)", Kind.MEAN,
            BenchmarkBundle.FEEDBACK_RESPONSES, BenchmarkBundle.FEEDBACK_MEAN, null, "hubComparison.score");

    /** A rate (pooled, with funnel limits), a median (the middle force's) or a mean (weighted by its count). */
    public enum Kind {
        RATE, MEDIAN, MEAN
    }

    private final String code;
    private final String label;
    private final Kind kind;
    private final String denominator;
    private final String numerator;
    private final String less;
    private final String words;

    Compared(String code, String label, Kind kind, String denominator, String numerator, String less, String words) {
        this.code = code;
        this.label = label;
        this.kind = kind;
        this.denominator = denominator;
        this.numerator = numerator;
        this.less = less;
        this.words = words;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** What a rate counts, as a column names it; null for an amount. */
    public String numeratorLabel() {
        return kind == Kind.RATE ? words : null;
    }

    /** The message code of an amount's unit ("{0} days"); null for a rate. */
    public String unit() {
        return kind == Kind.RATE ? null : words;
    }

    /** An amount (days, crimes, a score) with no funnel limits, not a rate. */
    public boolean amount() {
        return kind != Kind.RATE;
    }

    /** The figure compared from {@link #counts}: the rate, or the amount itself. */
    public double value(double[] counts) {
        return amount() ? counts[1] : counts[1] / counts[0];
    }

    /** What the figure is out of (a rate) or rests on (an amount), as a column or axis names it. */
    public String denominatorLabel() {
        String l = BenchmarkBundle.LABELS.get(denominator);
        return l != null ? l : BenchmarkBundle.FORCE_LABELS.get(denominator);
    }

    /** A figure of the force as a whole (ADR 38): sent for all offence groups and by quarter only. */
    public boolean forceWide() {
        return BenchmarkBundle.FORCE.contains(denominator);
    }

    /** Whether a force's cells carry this measure at all (a force on an earlier release sends fewer). */
    boolean sent(Map<String, String> cells) {
        return cells.containsKey(denominator) && cells.containsKey(numerator)
                && (less == null || cells.containsKey(less));
    }

    /**
     * The denominator and numerator (for an amount: its count and the amount) when every cell they rest on is shown
     * and the denominator is not zero; null when any is withheld or missing.
     */
    double[] counts(Map<String, String> cells) {
        Double n = shown(cells.get(denominator));
        Double x = shown(cells.get(numerator));
        Double minus = less == null ? Double.valueOf(0) : shown(cells.get(less));
        if (n == null || x == null || minus == null || n == 0) {
            return null;
        }
        return new double[] {n, x - minus};
    }

    private static Double shown(String cell) {
        return cell == null || SmallNumbers.Grid.suppressed(cell) ? null : Double.valueOf(cell);
    }

    /**
     * The national (or a peer group's) figure over forces' {@code counts}: for a rate, all numerators over all
     * denominators; for a mean, the mean over every force's count; for a median, the middle force's (the lower middle
     * of an even number), since medians cannot be pooled from medians.
     */
    Double pooled(List<double[]> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        if (kind == Kind.MEDIAN) {
            List<Double> values = counts.stream().map(c -> c[1]).sorted().toList();
            return values.get((values.size() - 1) / 2);
        }
        double n = 0;
        double x = 0;
        for (double[] c : counts) {
            n += c[0];
            x += kind == Kind.MEAN ? c[0] * c[1] : c[1];
        }
        return n == 0 ? null : x / n;
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
