package org.soteria.partner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import jakarta.validation.Valid;
import org.soteria.platform.ForceMode;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An officer's page for sharing a crime with partners: the shares, a new share, ending one, consent withdrawn. */
@Controller
@ForceMode
class SharingController {

    private final SharingService sharing;
    private final IsvaService isva;
    private final org.soteria.web.Labels labels;

    SharingController(SharingService sharing, IsvaService isva, org.soteria.web.Labels labels) {
        this.sharing = sharing;
        this.isva = isva;
        this.labels = labels;
    }

    @GetMapping("/cases/{id}/sharing")
    String page(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return page(RequestValues.id(id), user, model, Map.of(), Map.of());
    }

    private String page(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        SharingService.SharingPage page = sharing.page(crimeId, user).orElseThrow(SharingController::notFound);
        model.addAttribute("activeNav", "cases");
        model.addAttribute("page", page);
        model.addAttribute("crime", page.crime());
        model.addAttribute("fromPartners", isva.fromPartners(crimeId));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        Map<String, String> orgOptions = new java.util.LinkedHashMap<>();
        page.orgs().forEach(o -> orgOptions.put(o.code(), o.name() + " (" + labels.of(o.kind()) + ")"));
        model.addAttribute("orgOptions", orgOptions);
        model.addAttribute("parts", Arrays.asList(SharePart.values()));
        model.addAttribute("bases", Arrays.asList(LawfulBasis.values()));
        model.addAttribute("chosenParts", form.containsKey("parts") && !form.get("parts").isEmpty()
                ? List.of(form.get("parts").split(",")) : List.of());
        return "partner/sharing";
    }

    @PostMapping("/cases/{id}/sharing")
    String share(@PathVariable("id") String id, @Valid SharingForms.Share form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Map<String, String> errors = FormErrors.attempt(Map.of(), form.getClass(), () -> {
            try {
                sharing.share(user, crimeId, new SharingService.Request(FormValues.text(form.org()),
                        FormValues.all(form.parts()), FormValues.text(form.basis()),
                        FormErrors.of(binding).containsKey("consentOn") ? null : FormValues.date(form.consentOn()),
                        form.reauthorised(), FormValues.text(form.reason()), FormErrors.of(binding)));
            } catch (NoSuchElementException e) {
                throw notFound();
            }
        });
        if (!errors.isEmpty()) {
            Map<String, String> typed = new java.util.LinkedHashMap<>(FormErrors.values(form));
            typed.put("parts", String.join(",", FormValues.all(form.parts())));
            return page(crimeId, user, model, errors, typed);
        }
        flash.addFlashAttribute("success", "{sharingDone.shared}");
        return "redirect:/cases/" + crimeId + "/sharing";
    }

    @PostMapping("/cases/{id}/sharing/{share}/end")
    String end(@PathVariable("id") String id, @PathVariable("share") String share, @Valid SharingForms.End form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long shareId = RequestValues.id(share);
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(), () -> {
            try {
                sharing.end(user, crimeId, shareId, FormValues.text(form.endReason()));
            } catch (NoSuchElementException e) {
                throw notFound();
            }
        });
        if (!errors.isEmpty()) {
            model.addAttribute("endingShare", shareId);
            return page(crimeId, user, model, errors, FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{sharingDone.ended}");
        return "redirect:/cases/" + crimeId + "/sharing";
    }

    @PostMapping("/cases/{id}/sharing/{share}/consent-withdrawn")
    String consentWithdrawn(@PathVariable("id") String id, @PathVariable("share") String share,
            @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        try {
            sharing.withdrawConsent(user, crimeId, RequestValues.id(share));
        } catch (NoSuchElementException e) {
            throw notFound();
        }
        flash.addFlashAttribute("success", "{sharingDone.consentWithdrawn}");
        return "redirect:/cases/" + crimeId + "/sharing";
    }

    @PostMapping("/cases/{id}/sharing/notes/{note}/seen")
    String seen(@PathVariable("id") String id, @PathVariable("note") String note,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return noteChange(crimeId, user, model, flash, Map.of(), () -> isva.seen(user, crimeId, RequestValues.id(note)),
                "{isvaDone.seen}");
    }

    @PostMapping("/cases/{id}/sharing/notes/{note}/answer")
    String answer(@PathVariable("id") String id, @PathVariable("note") String note, @Valid SharingForms.Answer form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long noteId = RequestValues.id(note);
        Map<String, String> faults = new java.util.LinkedHashMap<>();
        FormErrors.of(binding).forEach((field, message) -> faults.put(field + "-" + noteId, message));
        model.addAttribute("answering", noteId);
        return noteChange(crimeId, user, model, flash, Map.of("answer-" + noteId,
                form.answer() == null ? "" : form.answer()), () -> {
            if (!faults.isEmpty()) {
                throw new org.soteria.platform.Invalid(faults);
            }
            isva.answer(user, crimeId, noteId, FormValues.text(form.answer()));
        }, "{isvaDone.answered}");
    }

    /** A change to a partner's note: done and back to the page, or the page again with why not. */
    private String noteChange(long crimeId, SoteriaUser user, Model model, RedirectAttributes flash,
            Map<String, String> form, Runnable change, String done) {
        Map<String, String> errors = FormErrors.attempt(Map.of(), Object.class, () -> {
            try {
                change.run();
            } catch (NoSuchElementException e) {
                throw notFound();
            }
        });
        if (!errors.isEmpty()) {
            return page(crimeId, user, model, errors, form);
        }
        flash.addFlashAttribute("success", done);
        return "redirect:/cases/" + crimeId + "/sharing#from-partners";
    }

    @GetMapping("/partner-notes")
    String waiting(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "cases");
        model.addAttribute("notes", isva.waiting(user));
        return "partner/notes";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
