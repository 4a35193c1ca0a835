package org.soteria.partner;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** The cases shared with a partner user's organisation, on their home page. */
@ForceMode
@Component
class PartnerWork extends CountedWork {

    private final SharingService sharing;

    PartnerWork(SharingService sharing) {
        super(Permission.VIEW_SHARED_CASES, Work.Urgency.WAITING, "homeWork.sharedCases", "/partner/cases");
        this.sharing = sharing;
    }

    @Override
    protected long count(SoteriaUser user) {
        return sharing.sharedCount(user);
    }
}
