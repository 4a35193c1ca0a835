package org.soteria.suspect;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Links between suspects' records that the linkage engine proposed and a reviewer has yet to decide. */
@ForceMode
@Component
class LinkWork implements WorkSource {

    private final SuspectService suspects;

    LinkWork(SuspectService suspects) {
        this.suspects = suspects;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.REVIEW_PERSON_LINKS)) {
            return List.of();
        }
        return List.of(Work.of(Work.Urgency.WAITING, "homeWork.linksToReview", suspects.awaiting(user).size(),
                "/repeat-suspects/links"));
    }
}
