package org.soteria.victim;

import org.soteria.platform.ForceMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import jakarta.validation.Valid;
import org.soteria.web.form.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The procedural-justice questionnaire a victim reaches from a single-use link, without an account.
 * It shows nothing about the case, works without JavaScript and on a small phone, and offers GOV.UK's
 * "Exit this page". Every question may be skipped; the link works once.
 */
@Controller
@ForceMode
public class FeedbackController {

    /** The five dimensions, in the order asked, with the statement the victim rates. */
    private final FeedbackService feedback;

    public FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/feedback/{token}")
    String form(@PathVariable("token") String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        FeedbackService.LinkState state = feedback.linkState(token);
        if (state != FeedbackService.LinkState.USABLE) {
            return unusable(state, model, response);
        }
        return formView(token, new LinkedHashMap<>(), Map.of(), model);
    }

    private String formView(String token, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("questions", VictimForms.QUESTIONS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "victim/feedback-form";
    }

    private String unusable(FeedbackService.LinkState state, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(state == FeedbackService.LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value()
                : HttpStatus.GONE.value());
        model.addAttribute("state", state.name().toLowerCase(java.util.Locale.ROOT));
        return "victim/feedback-closed";
    }

    @PostMapping("/feedback/{token}")
    String submit(@PathVariable("token") String token, @Valid VictimForms.Answers answers, BindingResult binding, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return formView(token, FormErrors.values(answers), errors, model);
        }
        FeedbackService.LinkState before = feedback.submitFeedback(token, answers.scores(), answers.comment());
        if (before != FeedbackService.LinkState.USABLE) {
            return unusable(before, model, response);
        }
        return "victim/feedback-thanks";
    }
}
