package org.soteria.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failed background linkage is tried again later and later, never more often than each minute, at most hourly. */
class LinkageRetryTest {

    @Test
    void theWaitDoublesFromAMinuteToAnHour() {
        List<Long> minutes = new ArrayList<>();
        Duration wait = Duration.ZERO;
        for (int failure = 0; failure < 9; failure++) {
            wait = LinkageService.nextWait(wait);
            minutes.add(wait.toMinutes());
        }
        assertThat(minutes).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }
}
