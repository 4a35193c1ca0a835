package org.soteria.home;

import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: the person's work, most urgent first, and the tools their role has. */
@ForceMode
@Controller
class HomeController {

    private final HomeService home;

    HomeController(HomeService home) {
        this.home = home;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SoteriaUser user, Model model) {
        var work = home.work(user);
        model.addAttribute("work", work);
        model.addAttribute("newWork", home.newSinceLastLook(user, work));
        model.addAttribute("figures", home.figures(user));
        model.addAttribute("activeNav", "home");
        return "home/home";
    }
}
