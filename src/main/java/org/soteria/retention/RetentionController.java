package org.soteria.retention;

import jakarta.validation.Valid;
import java.util.Arrays;
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

/** The records manager's pages: records due for MoPI review, a record's review, and the decisions taken. */
@Controller
@ForceMode
class RetentionController {

    private final RetentionService retention;

    RetentionController(RetentionService retention) {
        this.retention = retention;
    }

    @GetMapping("/retention")
    String queue(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "page", required = false) String page,
            Model model) {
        model.addAttribute("activeNav", "retention");
        model.addAttribute("queue", retention.queue(user, RequestValues.page(page)));
        model.addAttribute("deleted", retention.deletedByMonth(user));
        return "retention/queue";
    }

    @GetMapping("/retention/decisions")
    String decisions(@AuthenticationPrincipal SoteriaUser user,
            @RequestParam(name = "page", required = false) String page, Model model) {
        model.addAttribute("activeNav", "retention");
        model.addAttribute("decisions", retention.decisions(user, RequestValues.page(page)));
        return "retention/decisions";
    }

    @GetMapping("/retention/crimes/{id}")
    String review(@AuthenticationPrincipal SoteriaUser user, @PathVariable("id") String id, Model model) {
        return page(review(user, id), Map.of(), Map.of(), model);
    }

    private RetentionService.Review review(SoteriaUser user, String id) {
        return retention.review(user, RequestValues.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(RetentionService.Review review, Map<String, String> errors, Map<String, String> form,
            Model model) {
        model.addAttribute("activeNav", "retention");
        model.addAttribute("review", review);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("choices", Arrays.asList(RetentionDecision.values()));
        return "retention/review";
    }

    @PostMapping("/retention/crimes/{id}")
    String decide(@AuthenticationPrincipal SoteriaUser user, @PathVariable("id") String id,
            @Valid RetentionForms.Decide form, BindingResult binding, Model model, RedirectAttributes flash) {
        RetentionService.Review review = review(user, id);
        RetentionService.Outcome[] done = new RetentionService.Outcome[1];
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(), () -> {
            try {
                done[0] = retention.decide(user, review.record().crimeId(), form.decision(),
                        FormValues.text(form.reason()), form.exceptionConfirmed());
            } catch (NoSuchElementException gone) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        });
        if (!errors.isEmpty()) {
            return page(review, errors, FormErrors.values(form), model);
        }
        flash.addFlashAttribute("success", done[0].decision() == RetentionDecision.RETAIN
                ? "{retentionDone.retained}" : "{retentionDone.deleted}");
        return "redirect:/retention";
    }
}
