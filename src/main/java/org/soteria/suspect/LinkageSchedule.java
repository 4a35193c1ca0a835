package org.soteria.suspect;

import org.soteria.platform.ForceMode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When a force's Soteria links new suspects in the background. The hub holds no suspects' records, so it has none (ADR 16). */
@Component
@ForceMode
class LinkageSchedule {

    private final LinkageService linkage;

    LinkageSchedule(LinkageService linkage) {
        this.linkage = linkage;
    }

    @Scheduled(fixedDelayString = "${soteria.linkage.refresh-interval:PT30S}",
            initialDelayString = "${soteria.linkage.initial-delay:PT20S}")
    void refresh() {
        linkage.scheduledRefresh();
    }
}
