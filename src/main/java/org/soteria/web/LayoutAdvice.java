package org.soteria.web;

import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user, what they may open, and whether this is demo mode. */
@ControllerAdvice
public class LayoutAdvice {

    private final boolean demo;

    public LayoutAdvice(@Value("${soteria.demo:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("currentUser")
    SoteriaUser currentUser(@AuthenticationPrincipal SoteriaUser user) {
        return user;
    }

    @ModelAttribute("canViewCases")
    boolean canViewCases(@AuthenticationPrincipal SoteriaUser user) {
        return user != null && user.can(Permission.VIEW_CASES);
    }

    @ModelAttribute("canViewImports")
    boolean canViewImports(@AuthenticationPrincipal SoteriaUser user) {
        return user != null && user.can(Permission.VIEW_IMPORT_RUNS);
    }
}
