package org.soteria.home;

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
class AccountWork extends CountedWork {

    private final AccountAdminService accounts;

    AccountWork(AccountAdminService accounts) {
        super(Permission.ADMINISTER_ACCOUNTS, Work.Urgency.WAITING, "homeWork.resets", "/admin/users");
        this.accounts = accounts;
    }

    @Override
    protected long count(SoteriaUser user) {
        return accounts.awaitingDecisionBy(AccountAdminService.Actor.of(user));
    }
}
