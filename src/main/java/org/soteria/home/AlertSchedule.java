package org.soteria.home;

import java.time.Clock;
import org.soteria.platform.ForceMode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for alerts to send every {@code soteria.alerts.check-every} (five minutes by default): the daily summaries
 * due and urgent work that has grown. Does nothing when no SMTP server is set up.
 */
@ForceMode
@Component
class AlertSchedule {

    private final AlertService alerts;
    private final Clock clock;

    AlertSchedule(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${soteria.alerts.initial-delay:PT1M}",
            fixedDelayString = "${soteria.alerts.check-every:PT5M}")
    void check() {
        alerts.check(clock.instant());
    }
}
