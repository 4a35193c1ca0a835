package org.soteria.oversight;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.AccessService;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Break-glass accesses an auditor has yet to review. */
@ForceMode
@Component
class BreakGlassWork extends CountedWork {

    private final AccessService access;

    BreakGlassWork(AccessService access) {
        super(Permission.SEARCH_AUDIT_LOG, Work.Urgency.WAITING, "homeWork.breakGlass", "/audit/break-glass");
        this.access = access;
    }

    @Override
    protected long count(SoteriaUser user) {
        return access.unreviewedBreakGlass();
    }
}
