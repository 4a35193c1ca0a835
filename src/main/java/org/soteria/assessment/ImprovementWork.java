package org.soteria.assessment;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Improvement plan actions past their due date, for those who keep the plan. */
@ForceMode
@Component
class ImprovementWork extends CountedWork {

    private final ImprovementService improvement;

    ImprovementWork(ImprovementService improvement) {
        super(Permission.MANAGE_IMPROVEMENT_PLAN, Work.Urgency.OVERDUE, "homeWork.actionsOverdue", "/improvement");
        this.improvement = improvement;
    }

    @Override
    protected long count(SoteriaUser user) {
        return improvement.overdue(user);
    }
}
