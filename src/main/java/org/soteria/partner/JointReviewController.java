package org.soteria.partner;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.NoSuchElementException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monthly joint case reviews of the police and a CPS unit: the list, opening one, a review and its notes. */
@Controller
@ForceMode
class JointReviewController {

    private final JointReviewService reviews;

    JointReviewController(JointReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/joint-reviews")
    String list(@RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        return list(RequestValues.page(page), user, model, Map.of(), Map.of());
    }

    private String list(int page, SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "joint-reviews");
        model.addAttribute("list", reviews.reviews(user, page));
        model.addAttribute("sampleSize", JointReviewService.SAMPLE_SIZE);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "partner/joint-reviews";
    }

    @PostMapping("/joint-reviews")
    String open(@RequestParam(name = "org", required = false) String org, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long[] id = {0};
        Map<String, String> errors = FormErrors.attempt(Map.of(), Object.class,
                () -> id[0] = reviews.open(user, FormValues.text(org)));
        if (!errors.isEmpty()) {
            return list(1, user, model, errors, org == null ? Map.of() : Map.of("org", org));
        }
        flash.addFlashAttribute("success", "{jointReviewDone.opened}");
        return "redirect:/joint-reviews/" + id[0];
    }

    @GetMapping("/joint-reviews/{id}")
    String review(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return review(RequestValues.id(id), user, model, Map.of(), Map.of());
    }

    private String review(long id, SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "joint-reviews");
        model.addAttribute("view", reviews.view(user, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "partner/joint-review";
    }

    @PostMapping("/joint-reviews/{id}/cases/{crime}/note")
    String note(@PathVariable("id") String id, @PathVariable("crime") String crime, @Valid SharingForms.ReviewNote form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long reviewId = RequestValues.id(id);
        long crimeId = RequestValues.id(crime);
        Map<String, String> faults = new java.util.LinkedHashMap<>();
        FormErrors.of(binding).forEach((field, message) -> faults.put("note-" + crimeId, message));
        Map<String, String> errors = FormErrors.attempt(Map.of(), Object.class, () -> {
            if (!faults.isEmpty()) {
                throw new org.soteria.platform.Invalid(faults);
            }
            try {
                reviews.note(user, reviewId, crimeId, FormValues.text(form.note()));
            } catch (NoSuchElementException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        });
        if (!errors.isEmpty()) {
            return review(reviewId, user, model, errors, Map.of("note-" + crimeId,
                    form.note() == null ? "" : form.note()));
        }
        flash.addFlashAttribute("success", "{jointReviewDone.noted}");
        return "redirect:/joint-reviews/" + reviewId + "#case-" + crimeId;
    }
}
