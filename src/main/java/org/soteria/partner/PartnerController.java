package org.soteria.partner;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.NoSuchElementException;
import org.soteria.platform.ForceMode;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A partner user's pages: the cases shared with their organisation, and one of them, only the parts shared. */
@Controller
@ForceMode
class PartnerController {

    private final SharingService sharing;
    private final IsvaService isva;

    PartnerController(SharingService sharing, IsvaService isva) {
        this.sharing = sharing;
        this.isva = isva;
    }

    @GetMapping("/partner/cases")
    String cases(@RequestParam(name = "page", required = false) String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "shared");
        model.addAttribute("list", sharing.sharedCases(user, RequestValues.page(page)));
        return "partner/cases";
    }

    @GetMapping("/partner/cases/{id}")
    String shared(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return casePage(RequestValues.id(id), user, model, Map.of(), Map.of());
    }

    private String casePage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        SharingService.SharedCase shared = sharing.open(user, crimeId).orElseThrow(PartnerController::notFound);
        model.addAttribute("activeNav", "shared");
        model.addAttribute("shared", shared);
        model.addAttribute("crime", shared.crime());
        model.addAttribute("support", isva.support(user, shared).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("concerns", IsvaNotes.Concern.values());
        model.addAttribute("channels", IsvaNotes.Channel.values());
        model.addAttribute("today", java.time.LocalDate.now(org.soteria.platform.DatabaseConfig.LONDON).toString());
        return "partner/case";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** An adviser records a support contact, a concern or a question ({@code kind}) in a case shared with them. */
    @PostMapping("/partner/cases/{id}/support")
    String record(@PathVariable("id") String id, @Valid SharingForms.IsvaNote form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Map<String, String> errors = FormErrors.attempt(Map.of(), form.getClass(), () -> {
            try {
                isva.record(user, crimeId, new IsvaService.Request(FormValues.text(form.kind()),
                        FormValues.text(form.concern()), FormValues.text(form.channel()),
                        FormErrors.of(binding).containsKey("notedOn") ? null : FormValues.date(form.notedOn()),
                        form.note(), FormErrors.of(binding)));
            } catch (NoSuchElementException e) {
                throw notFound();
            }
        });
        if (!errors.isEmpty()) {
            // Three forms on the page share their fields' names: each fault is named for its own form's field.
            String suffix = "-" + (form.kind() == null ? "" : form.kind());
            Map<String, String> named = new java.util.LinkedHashMap<>();
            errors.forEach((field, message) -> named.put(java.util.Set.of("concern", "channel", "notedOn", "note")
                    .contains(field) ? field + suffix : field, message));
            return casePage(crimeId, user, model, named, FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{isvaDone." + form.kind() + "}");
        return "redirect:/partner/cases/" + crimeId + "#support";
    }

    @PostMapping("/partner/cases/{id}/milestones/{event}/passed-on")
    String passedOn(@PathVariable("id") String id, @PathVariable("event") String event,
            @RequestParam(name = "back", required = false) String back, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Map<String, String> errors = FormErrors.attempt(Map.of(), Object.class, () -> {
            try {
                isva.passOn(user, crimeId, RequestValues.id(event));
            } catch (NoSuchElementException e) {
                throw notFound();
            }
        });
        if (!errors.isEmpty()) {
            return casePage(crimeId, user, model, errors, Map.of());
        }
        flash.addFlashAttribute("success", "{isvaDone.passedOn}");
        return "list".equals(back) ? "redirect:/partner/milestones" : "redirect:/partner/cases/" + crimeId + "#milestones";
    }

    @GetMapping("/partner/milestones")
    String milestones(@RequestParam(name = "page", required = false) String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "shared");
        model.addAttribute("list", isva.toPassOn(user, RequestValues.page(page)));
        return "partner/milestones";
    }
}
