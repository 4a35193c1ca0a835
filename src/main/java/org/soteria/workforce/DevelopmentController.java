package org.soteria.workforce;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
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

/**
 * Officers' development records: their own, or one a supervisor manages; training and the learning plan.
 * Forms show GOV.UK errors and keep what was typed.
 */
@Controller
@ForceMode
class DevelopmentController {

    private final WorkforceService workforce;
    private final WellbeingService wellbeing;

    DevelopmentController(WorkforceService workforce, WellbeingService wellbeing) {
        this.workforce = workforce;
        this.wellbeing = wellbeing;
    }

    @GetMapping("/workforce")
    String own(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "workforce");
        model.addAttribute("own", true);
        String code = workforce.ownOfficer(user).orElse(null);
        model.addAttribute("record", code == null ? null : workforce.record(user, code).orElse(null));
        model.addAttribute("remind", wellbeing.own(user).remind());
        return recordView(model);
    }

    @GetMapping("/workforce/officers/{code}")
    String officer(@PathVariable("code") String code, @AuthenticationPrincipal SoteriaUser user, Model model) {
        WorkforceService.Record r = workforce.record(user, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("activeNav", "workforce");
        model.addAttribute("own", false);
        model.addAttribute("record", r);
        model.addAttribute("remind", false);
        return recordView(model);
    }

    private String recordView(Model model) {
        model.addAttribute("threshold", workforce.caseloadThreshold());
        model.addAttribute("today", workforce.today());
        model.addAttribute("courses", workforce.courses());
        return "workforce/record";
    }

    private String officerOrOwn(String officer, SoteriaUser user) {
        String code = officer == null || officer.isBlank() ? workforce.ownOfficer(user).orElse(null) : officer.trim();
        if (code == null || !workforce.mayManage(user, code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return code;
    }

    private String back(String code, SoteriaUser user) {
        return code.equals(workforce.ownOfficer(user).orElse(null)) ? "/workforce" : "/workforce/officers/" + code;
    }

    @GetMapping("/workforce/training")
    String trainingForm(@RequestParam(name = "officer", required = false) String officer,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        String code = officerOrOwn(officer, user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("officer", code);
        return formView("workforce/training", code, user, form, Map.of(), model);
    }

    private String formView(String view, String code, SoteriaUser user, Map<String, String> form,
            Map<String, String> errors, Model model) {
        model.addAttribute("activeNav", "workforce");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("courses", workforce.courses());
        model.addAttribute("back", back(code, user));
        model.addAttribute("officerCode", code);
        return view;
    }

    /** Runs a change once the form has no faults; a fault from either check shows the form again. */
    private String save(Record form, BindingResult binding, Runnable change, String view, String code,
            SoteriaUser user, Model model, RedirectAttributes redirect, String done) {
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(), change);
        if (!errors.isEmpty()) {
            return formView(view, code, user, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", done);
        return "redirect:" + back(code, user);
    }

    @PostMapping("/workforce/training")
    String addTraining(@Valid WorkforceForms.Training form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        String code = officerOrOwn(form.officer(), user);
        return save(form, binding, () -> workforce.addTraining(user, code, form.course(),
                        FormValues.date(form.completedOn()), FormValues.text(form.evidence())),
                "workforce/training", code, user, model, redirect, "{workforceDone.trainingRecorded}");
    }

    @GetMapping("/workforce/plan")
    String planForm(@RequestParam(name = "officer", required = false) String officer,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        String code = officerOrOwn(officer, user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("officer", code);
        return formView("workforce/plan", code, user, form, Map.of(), model);
    }

    @PostMapping("/workforce/plan")
    String addPlan(@Valid WorkforceForms.PlanItem form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        String code = officerOrOwn(form.officer(), user);
        return save(form, binding, () -> workforce.addPlanItem(user, code, FormValues.text(form.course()),
                        FormValues.text(form.goal()), FormValues.date(form.targetOn())),
                "workforce/plan", code, user, model, redirect, "{workforceDone.addedToPlan}");
    }

    @PostMapping("/workforce/plan/{id}")
    String planStatus(@PathVariable("id") String id, @Valid WorkforceForms.PlanStatus form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        String code = officerOrOwn(form.officer(), user);
        if (binding.hasErrors()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a status");
        }
        try {
            workforce.setPlanStatus(user, code, RequestValues.id(id), form.status().strip());
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "{workforceDone.learningPlanUpdated}");
        return "redirect:" + back(code, user);
    }
}
