package org.soteria.survey;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** On an officer's home page: the officer surveys open to them and not yet answered (nothing when there are none). */
@ForceMode
@Component
class SurveyWork implements WorkSource {

    private final SurveyService surveys;

    SurveyWork(SurveyService surveys) {
        this.surveys = surveys;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        long open = surveys.offers(user).stream().filter(o -> !o.answered()).count();
        return open == 0 ? List.of() : List.of(Work.of(Work.Urgency.WAITING, "homeWork.surveysToAnswer", open, "/surveys"));
    }
}
