package org.soteria.research;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Research projects proposed and waiting for the force lead's approval. */
@ForceMode
@Component
class ResearchWork implements WorkSource {

    private final ResearchService research;

    ResearchWork(ResearchService research) {
        this.research = research;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.MANAGE_RESEARCH)) {
            return List.of();
        }
        return List.of(Work.of(Work.Urgency.WAITING, "homeWork.projectsToApprove",
                research.projects(user).stream().filter(p -> "proposed".equals(p.status())).count(), "/research"));
    }
}
