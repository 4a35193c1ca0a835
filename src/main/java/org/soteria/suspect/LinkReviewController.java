package org.soteria.suspect;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.Choice;
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

/** Proposed links between person records awaiting a person's decision: confirm or reject, with a reason. */
@Controller
@ForceMode
class LinkReviewController {

    private static final int PAGE_SIZE = 25;

    private final SuspectService suspects;
    private final LinkageService linkage;

    LinkReviewController(SuspectService suspects, LinkageService linkage) {
        this.suspects = suspects;
        this.linkage = linkage;
    }

    @GetMapping("/repeat-suspects/links")
    String links(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "page", required = false) String page,
            Model model) {
        List<SuspectService.Review> all = suspects.awaiting(user);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(RequestValues.page(page), pages);
        List<SuspectService.Review> shown = all.subList((p - 1) * PAGE_SIZE, Math.min(all.size(), p * PAGE_SIZE));
        List<SuspectRepository.Person> people = new ArrayList<>();
        shown.forEach(r -> {
            people.add(r.a());
            people.add(r.b());
        });
        suspects.audited(user, AuditAction.VIEW, "person-link", "awaiting page " + p, people, all.size() + " awaiting");
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("reviews", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("lastRun", linkage.lastRun().orElse(null));
        return "suspect/links";
    }

    private SuspectService.Review review(SoteriaUser user, String pair) {
        String[] parts = pair.split("-");
        if (parts.length != 2) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return suspects.review(user, RequestValues.id(parts[0]), RequestValues.id(parts[1]))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/repeat-suspects/links/{pair}")
    String link(@AuthenticationPrincipal SoteriaUser user, @PathVariable("pair") String pair, Model model) {
        SuspectService.Review r = review(user, pair);
        suspects.audited(user, AuditAction.VIEW, "person-link", pair, List.of(r.a(), r.b()), r.link().status());
        return linkPage(r, Map.of(), Map.of(), model);
    }

    private String linkPage(SuspectService.Review r, Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("review", r);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("decisions", List.of(new Choice("confirm", "Yes, the same person: confirm the link"),
                new Choice("reject", "No, different people: reject the link")));
        return "suspect/link";
    }

    @PostMapping("/repeat-suspects/links/{pair}")
    String decide(@AuthenticationPrincipal SoteriaUser user, @PathVariable("pair") String pair,
            @Valid SuspectForms.LinkDecision form, BindingResult binding, Model model, RedirectAttributes flash) {
        SuspectService.Review r = review(user, pair);
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> suspects.decide(user, r, form.confirm(), FormValues.text(form.reason())));
        if (!errors.isEmpty()) {
            return linkPage(r, errors, FormErrors.values(form), model);
        }
        flash.addFlashAttribute("success", Boolean.TRUE.equals(form.confirm())
                ? "{suspectDone.linkConfirmed}" : "{suspectDone.linkRejected}");
        return "redirect:/repeat-suspects/links";
    }
}
