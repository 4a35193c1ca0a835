package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartsAxisTest {

    @Test
    void anAxisOfAmountsEndsAtFourRoundStepsAboveTheGreatest() {
        assertThat(Charts.roundUp(425)).isEqualTo(500);
        assertThat(Charts.roundUp(318)).isEqualTo(320);
        assertThat(Charts.roundUp(400)).isEqualTo(400);
        assertThat(Charts.roundUp(401)).isEqualTo(500);
        assertThat(Charts.roundUp(3)).isEqualTo(4);
        assertThat(Charts.roundUp(0)).isEqualTo(4);
        assertThat(Charts.roundUp(9_100)).isEqualTo(10_000);
    }

    @Test
    void daysAreTickedAsWholeNumbersAndProportionsAsPercentages() {
        String days = Charts.lines("t", "title", "description", java.util.List.of("Q1", "Q2"),
                java.util.Map.of("force", new Double[] {300.0, 425.0}), false);
        assertThat(days).contains(">500<").contains(">250<").doesNotContain("%");
        String rates = Charts.lines("t", "title", "description", java.util.List.of("Q1", "Q2"),
                java.util.Map.of("force", new Double[] {0.1, 0.2}));
        assertThat(rates).contains("%");
    }
}
