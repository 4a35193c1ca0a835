package org.soteria.survey;

import org.soteria.platform.ForceMode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Closes a force's survey waves the day after their closing day (every minute is plenty). The hub has none. */
@Component
@ForceMode
class SurveySchedule {

    private final SurveyService surveys;

    SurveySchedule(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Scheduled(fixedDelayString = "${soteria.surveys.close-interval:PT1M}", initialDelayString = "PT30S")
    void closeDue() {
        surveys.closeDue();
    }
}
