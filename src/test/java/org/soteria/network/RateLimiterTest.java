package org.soteria.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hub's front door: so many requests per address per window, others unaffected, room again after. */
class RateLimiterTest {

    @Test
    void limitsEachAddressInItsWindow() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(60));
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.allow("203.0.113.1", t + i)).isTrue();
        }
        assertThat(limiter.allow("203.0.113.1", t + 10)).isFalse();
        assertThat(limiter.allow("203.0.113.2", t + 10)).as("another address").isTrue();
        long later = Duration.ofSeconds(61).toNanos();
        assertThat(limiter.allow("203.0.113.1", later)).as("a minute on").isTrue();
    }

    @Test
    void refusedRequestsStillCountSoHammeringKeepsTheDoorShut() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10));
        long second = Duration.ofSeconds(1).toNanos();
        assertThat(limiter.allow("a", 0)).isTrue();
        assertThat(limiter.allow("a", 0)).isTrue();
        for (int i = 1; i <= 9; i++) {
            assertThat(limiter.allow("a", i * second)).isFalse();
        }
        assertThat(limiter.allow("a", 11 * second)).as("still hammering within the window").isFalse();
    }
}
