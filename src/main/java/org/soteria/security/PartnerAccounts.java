package org.soteria.security;

import java.util.function.BiPredicate;

/** The rules of a partner user's account (ADR 32), checked when an account is made. */
final class PartnerAccounts {

    private PartnerAccounts() {
    }

    /**
     * A partner user (cps-prosecutor, isva) belongs to one active partner organisation of their force and works in no
     * team; no one else belongs to a partner organisation. {@code active} says whether a code names an active
     * organisation of a force.
     */
    static void check(UserService.NewAccount a, BiPredicate<String, String> active) {
        if (a.role().partner() && (a.partnerOrg() == null || !active.test(a.partnerOrg(), a.forceCode()))) {
            throw new IllegalArgumentException("A " + a.role().code() + " account needs --partner, the code of an "
                    + "active partner organisation of force " + a.forceCode() + " (an administrator registers them on "
                    + "/admin/partners)" + (a.partnerOrg() == null ? "" : "; there is none called " + a.partnerOrg()));
        }
        if (!a.role().partner() && a.partnerOrg() != null) {
            throw new IllegalArgumentException("Only cps-prosecutor and isva accounts belong to a partner organisation, "
                    + "not a " + a.role().code() + " account");
        }
        if (a.role().partner() && (!a.memberOf().isEmpty() || !a.supervises().isEmpty() || a.officerCode() != null)) {
            throw new IllegalArgumentException("A partner user has no teams and no officer code");
        }
    }
}
