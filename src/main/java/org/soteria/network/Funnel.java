package org.soteria.network;

/**
 * Funnel-plot control limits for a proportion (Spiegelhalter 2005): around the pooled rate p0, a force of
 * n outcomes is expected within p0 ± z·√(p0(1−p0)/n); z = 1.96 for 95% and 3.09 for 99.8%, clipped to [0, 1].
 */
public final class Funnel {

    public static final double Z95 = 1.959964;
    public static final double Z998 = 3.090232;

    private Funnel() {
    }

    public static double lower(double p0, long n, double z) {
        return Math.max(0, p0 - z * Math.sqrt(p0 * (1 - p0) / n));
    }

    public static double upper(double p0, long n, double z) {
        return Math.min(1, p0 + z * Math.sqrt(p0 * (1 - p0) / n));
    }

    /** Where a force's rate sits against the limits for its size. */
    public enum Position {
        HIGH_998("Above the 99.8% limit"), HIGH_95("Above the 95% limit"), WITHIN("Within the limits"),
        LOW_95("Below the 95% limit"), LOW_998("Below the 99.8% limit"),
        /** A median: compared with the middle force, with no control limits (ADR 38). */
        NO_LIMITS("No control limits");

        private final String label;

        Position(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Position position(double p0, long n, long x) {
        double rate = (double) x / n;
        if (rate > upper(p0, n, Z998)) {
            return Position.HIGH_998;
        }
        if (rate > upper(p0, n, Z95)) {
            return Position.HIGH_95;
        }
        if (rate < lower(p0, n, Z998)) {
            return Position.LOW_998;
        }
        if (rate < lower(p0, n, Z95)) {
            return Position.LOW_95;
        }
        return Position.WITHIN;
    }
}
