package org.soteria.partner;

import java.util.Arrays;
import java.util.Map;
import jakarta.validation.Valid;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the force's partner organisations: register one, retire one, see who belongs. */
@Controller
@ForceMode
class PartnerAdminController {

    private final PartnerOrgService orgs;

    PartnerAdminController(PartnerOrgService orgs) {
        this.orgs = orgs;
    }

    @GetMapping("/admin/partners")
    String page(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return page(user, model, Map.of(), Map.of());
    }

    private String page(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "admin");
        model.addAttribute("orgs", orgs.orgs(user));
        model.addAttribute("kinds", Arrays.asList(PartnerKind.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "partner/admin";
    }

    @PostMapping("/admin/partners")
    String add(@Valid SharingForms.NewOrg form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> orgs.add(user, FormValues.text(form.code()), FormValues.text(form.kind()),
                        FormValues.text(form.name())));
        if (!errors.isEmpty()) {
            return page(user, model, errors, FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{partnerDone.added}");
        return "redirect:/admin/partners";
    }

    /** Retiring ends every share of the organisation at once: the administrator confirms it first. */
    @GetMapping("/admin/partners/{code}/retire")
    String confirmRetire(@PathVariable("code") String code, @AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "admin");
        model.addAttribute("retiring", orgs.retiring(user, code)
                .orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND)));
        return "partner/retire";
    }

    @PostMapping("/admin/partners/{code}/retire")
    String retire(@PathVariable("code") String code, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes flash) {
        orgs.retire(user, code);
        flash.addFlashAttribute("success", "{partnerDone.retired}");
        return "redirect:/admin/partners";
    }
}
