package org.soteria.performance;

import org.soteria.platform.ForceMode;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When a serving force's Soteria warms and refreshes its measures snapshot. The hub holds no crimes, so it
 * has no such schedule (ADR 16).
 */
@Component
@ForceMode
class MeasureSchedule {

    private final MeasureStore store;

    MeasureSchedule(MeasureStore store) {
        this.store = store;
    }

    @EventListener
    void warmUp(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            store.warmUp();
        }
    }

    @Scheduled(fixedDelayString = "${soteria.measures.refresh-interval:PT1S}")
    void refresh() {
        store.refresh();
    }
}
