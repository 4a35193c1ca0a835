package org.soteria.assessment;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
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

/** The improvement plan: the plan, the plan on a page, adding an action, an action and its progress. */
@Controller
@ForceMode
class ImprovementController {

    private final ImprovementService plan;

    ImprovementController(ImprovementService plan) {
        this.plan = plan;
    }

    private void common(Model model, SoteriaUser user) {
        model.addAttribute("activeNav", "improvement");
        model.addAttribute("canManage", user.can(Permission.MANAGE_IMPROVEMENT_PLAN));
        model.addAttribute("today", plan.today());
    }

    @GetMapping("/improvement")
    String planPage(@AuthenticationPrincipal SoteriaUser user, Model model) {
        common(model, user);
        model.addAttribute("rows", plan.plan(user));
        return "assessment/plan";
    }

    @GetMapping("/improvement/summary")
    String summary(@AuthenticationPrincipal SoteriaUser user, Model model) {
        common(model, user);
        model.addAttribute("rows", plan.plan(user));
        model.addAttribute("force", user.forceCode());
        return "assessment/plan-summary";
    }

    /** The form; {@code answers}, from a finding's page, names the finding the action will answer. */
    @GetMapping("/improvement/new")
    String newAction(@org.springframework.web.bind.annotation.RequestParam(name = "answers", required = false)
            String answers, @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        try {
            if (plan.answers(user, answers) != null) {
                form.put("answers", answers.strip());
            }
        } catch (Invalid e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return form(user, model, Map.of(), form);
    }

    private String form(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        common(model, user);
        model.addAttribute("answered", plan.answered(user, Answers.parse(form.get("answers"))).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("pillars", plan.pillars());
        model.addAttribute("measures", PlanMeasure.values());
        Map<String, String> statements = new LinkedHashMap<>();
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        plan.statements().forEach(q -> statements.put(q.code(), q.text(locale)));
        model.addAttribute("statements", statements);
        return "assessment/action-form";
    }

    @PostMapping("/improvement/new")
    String add(@Valid AssessmentForms.Action form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        try {
            long id = plan.add(user, form.read(), FormErrors.of(binding));
            flash.addFlashAttribute("success", "{assessmentDone.actionAddedToThePlan}");
            return "redirect:/improvement/" + id;
        } catch (Invalid e) {
            return form(user, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
    }

    @GetMapping("/improvement/{id}")
    String action(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("on", plan.today().toString());
        return actionPage(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String actionPage(long id, SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        ImprovementService.ActionPage page = plan.action(user, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        common(model, user);
        model.addAttribute("page", page);
        model.addAttribute("answered", plan.answered(user, page.row().action().answers()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "assessment/action";
    }

    @PostMapping("/improvement/{id}/updates")
    String update(@PathVariable("id") String id, @Valid AssessmentForms.Update form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long actionId = RequestValues.id(id);
        try {
            plan.update(user, actionId, form.read(), FormErrors.of(binding));
        } catch (Invalid e) {
            if (e.errors().containsKey("action")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return actionPage(actionId, user, model, FormErrors.inOrder(e.errors(), form.getClass()),
                    FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{assessmentDone.progressRecorded}");
        return "redirect:/improvement/" + actionId;
    }
}
