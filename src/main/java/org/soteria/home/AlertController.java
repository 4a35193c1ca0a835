package org.soteria.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's alerts by e-mail: where and how often, a message to try it, and the messages sent (issue 24). */
@ForceMode
@Controller
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/account/alerts")
    String page(@AuthenticationPrincipal SoteriaUser user, Model model) {
        AlertService.Settings s = alerts.settings(user);
        return page(s, new LinkedHashMap<>(), s.email(), s.daily(), s.immediate(), model);
    }

    @PostMapping("/account/alerts")
    String choose(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "how", required = false) List<String> how, Model model, RedirectAttributes flash) {
        boolean daily = how != null && how.contains("daily");
        boolean immediate = how != null && how.contains("immediate");
        try {
            alerts.choose(user, email, daily, immediate);
        } catch (Invalid e) {
            return page(alerts.settings(user), new LinkedHashMap<>(e.errors()), email, daily, immediate, model);
        }
        flash.addFlashAttribute("success", "{alertDone.saved}");
        return "redirect:/account/alerts";
    }

    @PostMapping("/account/alerts/stop")
    String stop(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        flash.addFlashAttribute("success", alerts.stop(user) ? "{alertDone.stopped}" : "{alertDone.noneToStop}");
        return "redirect:/account/alerts";
    }

    @PostMapping("/account/alerts/test")
    String test(@AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        try {
            if (alerts.test(user)) {
                flash.addFlashAttribute("success", "{alertDone.testSent}");
            } else {
                flash.addFlashAttribute("problem", "{alertError.testFailed}");
            }
        } catch (Invalid e) {
            AlertService.Settings s = alerts.settings(user);
            return page(s, new LinkedHashMap<>(e.errors()), s.email(), s.daily(), s.immediate(), model);
        }
        return "redirect:/account/alerts";
    }

    private static String page(AlertService.Settings settings, Map<String, String> errors, String email, boolean daily,
            boolean immediate, Model model) {
        model.addAttribute("activeNav", "account");
        model.addAttribute("settings", settings);
        model.addAttribute("errors", errors);
        model.addAttribute("email", email);
        model.addAttribute("daily", daily);
        model.addAttribute("immediate", immediate);
        return "home/alerts";
    }
}
