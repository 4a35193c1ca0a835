package org.soteria.retention;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Records due for MoPI review, on the records manager's home page. */
@ForceMode
@Component
class RetentionWork extends CountedWork {

    private final RetentionService retention;

    RetentionWork(RetentionService retention) {
        super(Permission.REVIEW_RETENTION, Work.Urgency.WAITING, "homeWork.retention", "/retention");
        this.retention = retention;
    }

    @Override
    protected long count(SoteriaUser user) {
        return retention.dueNow(user);
    }
}
