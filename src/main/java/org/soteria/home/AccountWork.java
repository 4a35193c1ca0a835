package org.soteria.home;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.AccountAdminService;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/**
 * Password and second-factor resets another administrator asked for, waiting for this one to approve or refuse
 * (accounts are a layer below the features, so their work is declared here rather than by them).
 */
@ForceMode
@Component
class AccountWork implements WorkSource {

    private final AccountAdminService accounts;

    AccountWork(AccountAdminService accounts) {
        this.accounts = accounts;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.ADMINISTER_ACCOUNTS)) {
            return List.of();
        }
        return List.of(Work.of(Work.Urgency.WAITING, "homeWork.resets",
                accounts.awaitingDecisionBy(AccountAdminService.Actor.of(user)), "/admin/users"));
    }
}
