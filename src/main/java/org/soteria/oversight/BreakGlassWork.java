package org.soteria.oversight;

import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.AccessService;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Break-glass accesses an auditor has yet to review. */
@ForceMode
@Component
class BreakGlassWork implements WorkSource {

    private final AccessService access;

    BreakGlassWork(AccessService access) {
        this.access = access;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.SEARCH_AUDIT_LOG)) {
            return List.of();
        }
        return List.of(Work.of(Work.Urgency.WAITING, "homeWork.breakGlass", access.unreviewedBreakGlass(),
                "/audit/break-glass"));
    }
}
