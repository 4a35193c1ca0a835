package org.soteria.partner;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/**
 * On home pages: for an ISVA, the milestones of shared cases still to pass on to victims; for an officer who shares,
 * the ISVAs' concerns not yet seen and questions not yet answered in the crimes they may see.
 */
@ForceMode
@Component
class IsvaWork implements WorkSource {

    private final IsvaService isva;

    IsvaWork(IsvaService isva) {
        this.isva = isva;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (user.can(Permission.SUPPORT_VICTIMS)) {
            return List.of(Work.of(Work.Urgency.TODAY, "homeWork.milestonesToPassOn", isva.countToPassOn(user),
                    "/partner/milestones"));
        }
        if (user.can(Permission.SHARE_CASES)) {
            long waiting = isva.countWaiting();
            return waiting == 0 ? List.of() : List.of(Work.of(Work.Urgency.TODAY, "homeWork.fromPartners", waiting,
                    "/partner-notes"));
        }
        return List.of();
    }
}
