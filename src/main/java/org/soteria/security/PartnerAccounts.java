package org.soteria.security;

import java.util.Optional;
import java.util.function.BiFunction;

/** The rules of a partner user's account (ADR 32), checked when an account is made. */
final class PartnerAccounts {

    private PartnerAccounts() {
    }

    /**
     * A partner user (cps-prosecutor, isva) belongs to one active partner organisation of their force, of a kind their
     * role may belong to, and works in no team; no one else belongs to a partner organisation. {@code kindOf} gives the
     * kind of an active organisation of a force by its code (empty: there is none such).
     */
    static void check(UserService.NewAccount a, BiFunction<String, String, Optional<String>> kindOf) {
        Optional<String> kind = a.partnerOrg() == null ? Optional.empty() : kindOf.apply(a.partnerOrg(), a.forceCode());
        if (a.role().partner() && kind.isEmpty()) {
            throw new IllegalArgumentException("A " + a.role().code() + " account needs --partner, the code of an "
                    + "active partner organisation of force " + a.forceCode() + " (an administrator registers them on "
                    + "/admin/partners)" + (a.partnerOrg() == null ? "" : "; there is none called " + a.partnerOrg()));
        }
        String misfit = a.role().partner() ? misfit(a.role(), a.partnerOrg(), kind.get()) : null;
        if (misfit != null) {
            throw new IllegalArgumentException(misfit);
        }
        if (!a.role().partner() && a.partnerOrg() != null) {
            throw new IllegalArgumentException("Only cps-prosecutor and isva accounts belong to a partner organisation, "
                    + "not a " + a.role().code() + " account");
        }
        if (a.role().partner() && (!a.memberOf().isEmpty() || !a.supervises().isEmpty() || a.officerCode() != null)) {
            throw new IllegalArgumentException("A partner user has no teams and no officer code");
        }
    }

    /**
     * Why a partner user of {@code role} may not belong to organisation {@code org} of {@code kind} (a prosecutor in an
     * ISVA service would see nothing and be counted in the wrong place); null when they may.
     */
    static String misfit(Role role, String org, String kind) {
        return role.partnerKinds().contains(kind) ? null : a(role.code(), true) + " account belongs to "
                + String.join(" or ", new java.util.TreeSet<>(role.partnerKinds())) + " organisations; " + org
                + " is " + a(kind, false) + " organisation";
    }

    private static String a(String word, boolean capital) {
        String article = "aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ";
        return (capital ? Character.toUpperCase(article.charAt(0)) + article.substring(1) : article) + word;
    }
}
