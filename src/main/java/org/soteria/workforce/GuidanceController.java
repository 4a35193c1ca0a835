package org.soteria.workforce;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The guidance library: reading it, and (for the force lead) adding guidance and publishing new versions. */
@Controller
@ForceMode
class GuidanceController {

    private final WorkforceService workforce;
    private final GuidanceService guidance;

    GuidanceController(WorkforceService workforce, GuidanceService guidance) {
        this.workforce = workforce;
        this.guidance = guidance;
    }

    @GetMapping("/workforce/guidance")
    String library(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("library", guidance.library());
        model.addAttribute("canManage", user.can(Permission.MANAGE_GUIDANCE));
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance";
    }

    @GetMapping("/workforce/guidance/new")
    String guidanceForm(@RequestParam(name = "document", required = false) String document, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("publishedOn", workforce.today().toString());
        if (document != null) {
            GuidanceService.Document d = guidance.document(RequestValues.id(document))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            form.put("document", Long.toString(d.id()));
            form.put("url", d.current().url());
            form.put("summary", d.current().summary());
        }
        return guidanceView(form, Map.of(), model);
    }

    private String guidanceView(Map<String, String> form, Map<String, String> errors, Model model) {
        String document = form.get("document");
        if (document != null && !document.isBlank()) {
            guidance.document(RequestValues.id(document)).ifPresent(d -> model.addAttribute("documentTitle", d.title()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("pillars", GuidanceService.Pillar.values());
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance-form";
    }

    @PostMapping("/workforce/guidance/new")
    String addGuidance(@Valid WorkforceForms.Guidance form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        Long existing = form.isNew() ? null : RequestValues.id(form.document());
        if (existing != null && guidance.document(existing).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return guidanceView(FormErrors.values(form), errors, model);
        }
        String url = FormValues.text(form.url());
        String summary = FormValues.text(form.summary());
        if (existing == null) {
            guidance.add(user, form.chosenPillar(), FormValues.text(form.title()), "true".equals(form.share()), url,
                    summary, FormValues.date(form.publishedOn()));
            redirect.addFlashAttribute("success", "{workforceDone.guidanceAdded}");
        } else {
            int v = guidance.addVersion(user, existing, url, summary, FormValues.date(form.publishedOn()));
            redirect.addFlashAttribute("success", Fault.of("workforceDone.versionPublished", v));
        }
        return "redirect:/workforce/guidance";
    }
}
