package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.util.List;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import jakarta.validation.Valid;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.springframework.validation.BindingResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crime's supervisor reviews: the schedule and recording a review. */
@Controller
@ForceMode
class ReviewController {

    private final ReviewService supervisorReviews;
    private final CaseworkSupport support;

    ReviewController(ReviewService supervisorReviews, CaseworkSupport support) {
        this.supervisorReviews = supervisorReviews;
        this.support = support;
    }

    @GetMapping("/cases/{id}/reviews")
    String reviews(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        ReviewService.Reviews r = supervisorReviews.reviews(RequestValues.id(id), user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, Map.of(), Map.of(), "reviews");
        model.addAttribute("reviews", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("schedule", supervisorReviews.schedule());
        return "casework/reviews";
    }

    @GetMapping("/cases/{id}/reviews/new")
    String newReview(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return reviewForm(RequestValues.id(id), user, model, Map.of(),
                Map.of("reviewedOn", support.today().toString()));
    }

    private String reviewForm(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        ReviewService.Reviews r = supervisorReviews.reviews(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "reviews");
        model.addAttribute("reviews", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("yesNo", List.of(Codes.Answer.YES, Codes.Answer.NO));
        model.addAttribute("answers", Codes.Answer.values());
        return "casework/review-form";
    }

    @PostMapping("/cases/{id}/reviews/new")
    String addReview(@PathVariable("id") String id, @Valid CaseworkForms.NewReview form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> supervisorReviews.addReview(user, crimeId, form.read(),
                        FormErrors.of(binding)),
                errors -> reviewForm(crimeId, user, model, errors, FormErrors.values(form)), flash, "{caseworkDone.reviewRecorded}",
                "/cases/" + crimeId + "/reviews");
    }
}
