package org.soteria.casework;

import org.soteria.home.CountedWork;
import org.soteria.home.Work;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** On a prosecutor's home page: the requests and referrals of files shared with their unit still awaiting an answer. */
@ForceMode
@Component
class ProsecutorWork extends CountedWork {

    private final ProsecutorService prosecutor;

    ProsecutorWork(ProsecutorService prosecutor) {
        super(Permission.PROSECUTE_SHARED_FILES, Work.Urgency.WAITING, "homeWork.cpsAwaiting", "/partner/cases");
        this.prosecutor = prosecutor;
    }

    @Override
    protected long count(SoteriaUser user) {
        return prosecutor.countAwaitingAnswer();
    }
}
