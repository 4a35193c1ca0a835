package org.soteria.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The user's own account: second factor status, new recovery codes, and signing out everywhere. */
@Controller
@ConditionalOnWebApplication
public class AccountController {

    private final UserService users;
    private final SessionService sessions;

    public AccountController(UserService users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "account");
        model.addAttribute("enrolled", users.secondFactorEnrolled(user.getUsername()));
        model.addAttribute("unusedRecoveryCodes", users.unusedRecoveryCodes(user.getUsername()));
        model.addAttribute("sessionCount", sessions.count(user.getUsername()));
        return "security/account";
    }

    @PostMapping("/account/recovery-codes")
    String newRecoveryCodes(@AuthenticationPrincipal SoteriaUser user, Model model) {
        if (!users.secondFactorEnrolled(user.getUsername())) {
            return "redirect:/account";
        }
        model.addAttribute("recoveryCodes", users.replaceRecoveryCodes(user));
        model.addAttribute("firstSetUp", false);
        return "security/recovery-codes";
    }

    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal SoteriaUser user, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response) {
        sessions.endAll(user);
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?signedOutEverywhere";
    }
}
