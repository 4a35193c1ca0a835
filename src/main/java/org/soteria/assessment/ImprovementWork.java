package org.soteria.assessment;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Improvement plan actions past their due date, for those who keep the plan. */
@ForceMode
@Component
class ImprovementWork implements WorkSource {

    private final ImprovementService improvement;

    ImprovementWork(ImprovementService improvement) {
        this.improvement = improvement;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.MANAGE_IMPROVEMENT_PLAN)) {
            return List.of();
        }
        return List.of(Work.of(Work.Urgency.OVERDUE, "homeWork.actionsOverdue", improvement.overdue(user), "/improvement"));
    }
}
