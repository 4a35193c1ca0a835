package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FunnelTest {

    @Test
    void limitsFollowTheNormalApproximationToTheBinomial() {
        // p0 = 0.1, n = 400: standard error 0.015
        assertThat(Funnel.upper(0.1, 400, Funnel.Z95)).isCloseTo(0.1 + 1.959964 * 0.015, within(1e-9));
        assertThat(Funnel.lower(0.1, 400, Funnel.Z998)).isCloseTo(0.1 - 3.090232 * 0.015, within(1e-9));
        assertThat(Funnel.lower(0.02, 10, Funnel.Z998)).isZero();
    }

    @Test
    void aForceIsPlacedAgainstTheLimitsForItsSize() {
        assertThat(Funnel.position(0.1, 400, 40)).isEqualTo(Funnel.Position.WITHIN);
        assertThat(Funnel.position(0.1, 400, 53)).isEqualTo(Funnel.Position.HIGH_95); // 13.25%: above 12.94%
        assertThat(Funnel.position(0.1, 400, 60)).isEqualTo(Funnel.Position.HIGH_998); // 15%: above 14.64%
        assertThat(Funnel.position(0.1, 400, 27)).isEqualTo(Funnel.Position.LOW_95); // 6.75%: below 7.06%
        assertThat(Funnel.position(0.1, 400, 20)).isEqualTo(Funnel.Position.LOW_998); // 5%: below 5.36%
        // the same 15% from a force a tenth the size is within the limits
        assertThat(Funnel.position(0.1, 40, 6)).isEqualTo(Funnel.Position.WITHIN);
    }
}
