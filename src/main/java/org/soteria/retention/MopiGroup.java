package org.soteria.retention;

import java.util.Arrays;

/**
 * The three groups of the College of Policing's MoPI guidance (Authorised Professional Practice, Information
 * management: retention, review and disposal; docs/retention.md), with the interval between reviews.
 */
public enum MopiGroup {
    /** Certain public protection matters (serious sexual and violent offences): kept until the subject would be 100. */
    GROUP_1(1, 10),
    /** Other sexual, violent or serious offences: kept subject to review every ten years. */
    GROUP_2(2, 10),
    /** All other offences: a six-year clear period, then review and disposal. */
    GROUP_3(3, 6);

    private final int number;
    private final int reviewYears;

    MopiGroup(int number, int reviewYears) {
        this.number = number;
        this.reviewYears = reviewYears;
    }

    public int number() {
        return number;
    }

    public int reviewYears() {
        return reviewYears;
    }

    public static MopiGroup of(int number) {
        return Arrays.stream(values()).filter(g -> g.number == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No MoPI group " + number));
    }
}
