package org.soteria.victim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The procedural-justice questionnaire a victim reaches from a single-use link, without an account.
 * It shows nothing about the case, works without JavaScript and on a small phone, and offers GOV.UK's
 * "Exit this page". Every question may be skipped; the link works once.
 */
@Controller
public class FeedbackController {

    /** The five dimensions, in the order asked, with the statement the victim rates. */
    public record Question(String name, String heading, String statement) {
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("dignity", "Dignity and respect", "I was treated with dignity and respect"),
            new Question("fairness", "Fairness", "I was treated fairly"),
            new Question("voice", "Voice", "I was listened to and could say what mattered to me"),
            new Question("safety", "Safety", "I was helped to feel safe"),
            new Question("trust", "Trust", "I could trust the officers I dealt with"));

    static final int COMMENT_LIMIT = 2000;

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
        model.addAttribute("questions", QUESTIONS);
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
    String submit(@PathVariable("token") String token, @RequestParam Map<String, String> params, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer[] scores = new Integer[QUESTIONS.size()];
        for (int i = 0; i < scores.length; i++) {
            String name = QUESTIONS.get(i).name();
            String v = params.get(name);
            if (v == null || v.isBlank() || "skip".equals(v)) {
                continue;
            }
            if (!v.matches("[1-5]")) {
                errors.put(name, "Choose a number from 1 to 5 for \"" + QUESTIONS.get(i).statement()
                        + "\", or \"I'd rather not say\"");
            } else {
                scores[i] = Integer.parseInt(v);
            }
        }
        String comment = params.get("comment");
        if (comment != null && comment.strip().length() > COMMENT_LIMIT) {
            errors.put("comment", "Your comments must be " + COMMENT_LIMIT + " characters or fewer");
        }
        boolean nothing = java.util.Arrays.stream(scores).allMatch(java.util.Objects::isNull)
                && (comment == null || comment.isBlank());
        if (nothing && errors.isEmpty()) {
            errors.put("dignity", "Answer at least one question, or close this page if you would rather not");
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>(params);
            form.remove("_csrf");
            return formView(token, form, errors, model);
        }
        FeedbackService.LinkState before = feedback.submitFeedback(token, scores, comment);
        if (before != FeedbackService.LinkState.USABLE) {
            return unusable(before, model, response);
        }
        return "victim/feedback-thanks";
    }
}
