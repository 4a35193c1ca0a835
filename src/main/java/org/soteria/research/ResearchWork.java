package org.soteria.research;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Research projects proposed and waiting for the force lead's approval. */
@ForceMode
@Component
class ResearchWork extends CountedWork {

    private final ResearchService research;

    ResearchWork(ResearchService research) {
        super(Permission.MANAGE_RESEARCH, Work.Urgency.WAITING, "homeWork.projectsToApprove", "/research");
        this.research = research;
    }

    @Override
    protected long count(SoteriaUser user) {
        return research.projects(user).stream().filter(p -> "proposed".equals(p.status())).count();
    }
}
