package org.soteria.suspect;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Links between suspects' records that the linkage engine proposed and a reviewer has yet to decide. */
@ForceMode
@Component
class LinkWork extends CountedWork {

    private final SuspectService suspects;

    LinkWork(SuspectService suspects) {
        super(Permission.REVIEW_PERSON_LINKS, Work.Urgency.WAITING, "homeWork.linksToReview", "/repeat-suspects/links");
        this.suspects = suspects;
    }

    @Override
    protected long count(SoteriaUser user) {
        return suspects.awaiting(user).size();
    }
}
