package org.soteria.network;

import java.util.Map;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evaluation across forces (hub mode, the national team): the day each force joined, and the staggered comparison. */
@Controller
@HubMode
class HubEvaluationController {

    private final HubEvaluation evaluation;
    private final HubService hub;

    HubEvaluationController(HubEvaluation evaluation, HubService hub) {
        this.evaluation = evaluation;
        this.hub = hub;
    }

    @GetMapping("/hub/evaluation")
    String evaluation(@RequestParam(required = false) String measure, Model model) {
        model.addAttribute("activeNav", "hub-evaluation");
        model.addAttribute("e", evaluation.evaluate(Compared.of(measure)));
        model.addAttribute("measures", Compared.values());
        return "hub/evaluation";
    }

    @PostMapping("/hub/forces/{code}/joined")
    String joined(@AuthenticationPrincipal SoteriaUser user, @PathVariable String code,
            @RequestParam(required = false) String joinedOn, RedirectAttributes redirect) {
        try {
            hub.force(code);
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            evaluation.setJoined(code, joinedOn, user);
            redirect.addFlashAttribute("saved", joinedOn == null || joinedOn.isBlank() ? "{hubEvalDone.joinedCleared}"
                    : "{hubEvalDone.joinedSaved}");
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("joinedTyped", joinedOn);
        }
        return "redirect:/hub/forces/" + code;
    }
}
