package org.soteria.web;

import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page after sign-in, and the sign-in page itself. */
@Controller
public class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal SoteriaUser user) {
        if (user != null && user.can(Permission.VIEW_CASES)) {
            return "redirect:/cases";
        }
        return "web/home";
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signedOut", required = false) String signedOut,
            @RequestParam(name = "signedOutEverywhere", required = false) String signedOutEverywhere,
            @RequestParam(name = "expired", required = false) String expired, Model model) {
        model.addAttribute("loginError", error != null);
        model.addAttribute("signedOutMessage", signedOutEverywhere != null
                ? "You have signed out on every device." : signedOut != null ? "You have signed out." : null);
        model.addAttribute("expired", expired != null);
        return "web/login";
    }
}
