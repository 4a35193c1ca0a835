package org.soteria.workforce;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An officer's own wellbeing: check-ins, reflective supervision, referrals, and whom they share check-ins with. */
@Controller
@ForceMode
class WellbeingController {

    private final WellbeingService wellbeing;
    private final UserService users;

    WellbeingController(WellbeingService wellbeing, UserService users) {
        this.users = users;
        this.wellbeing = wellbeing;
    }

    @GetMapping("/workforce/wellbeing")
    String wellbeingPage(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return wellbeingView(user, Map.of(), Map.of(), model);
    }

    private String wellbeingView(SoteriaUser user, Map<String, String> form, Map<String, String> errors, Model model) {
        WellbeingService.Own own = wellbeing.own(user);
        model.addAttribute("own", own);
        Map<String, String> colleagues = new LinkedHashMap<>(users.colleagues(user, role -> true));
        own.sharedWith().forEach(colleagues::remove);
        model.addAttribute("colleagues", colleagues);
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", wellbeing.today());
        model.addAttribute("activeNav", "workforce");
        return "workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/check-in")
    String checkIn(@Valid WorkforceForms.CheckIn form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return wellbeingView(user, FormErrors.values(form), errors, model);
        }
        wellbeing.checkIn(user, form.scores());
        redirect.addFlashAttribute("success", "{workforceDone.checkInSavedOnlyYou}");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/supervision")
    String supervision(@Valid WorkforceForms.Supervision form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        LocalDate held = FormValues.date(form.heldOn());
        if (held != null && held.isAfter(wellbeing.today())) {
            errors.putIfAbsent("heldOn", "{workforceError.theDateOfTheSession}");
        }
        if (!errors.isEmpty()) {
            return wellbeingView(user, FormErrors.values(form), FormErrors.inOrder(errors, form.getClass()), model);
        }
        wellbeing.recordSupervision(user, held, FormValues.text(form.supervisor()));
        redirect.addFlashAttribute("success", "{workforceDone.reflectiveSupervisionRecorded}");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/referral")
    String referral(@Valid WorkforceForms.Referral form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return wellbeingView(user, FormErrors.values(form), errors, model);
        }
        wellbeing.recordReferral(user, FormValues.date(form.referredOn()), form.service().strip());
        redirect.addFlashAttribute("success", "{workforceDone.referralRecorded}");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/share")
    String share(@Valid WorkforceForms.Share form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        String viewer = FormValues.text(form.viewer());
        if (binding.hasErrors() || !wellbeing.share(user, viewer)) {
            return wellbeingView(user, FormErrors.values(form), Map.of("viewer",
                    "{workforceError.chooseWhoToShareWith}"), model);
        }
        redirect.addFlashAttribute("success", Fault.of("workforceDone.sharedWith", users.displayName(viewer).orElse(viewer)));
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/unshare")
    String unshare(@RequestParam("viewer") String viewer, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes redirect) {
        wellbeing.unshare(user, viewer);
        redirect.addFlashAttribute("success", Fault.of("workforceDone.noLongerShared", viewer));
        return "redirect:/workforce/wellbeing";
    }

    @GetMapping("/workforce/wellbeing/shared")
    String sharedWithMe(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("shared", wellbeing.sharedWithMe(user));
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("activeNav", "workforce");
        return "workforce/wellbeing-shared";
    }
}
