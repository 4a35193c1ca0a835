package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import jakarta.validation.Valid;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.validation.BindingResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crime's investigation plan: its stage, the prompts and the lines of enquiry. */
@Controller
@ForceMode
class PlanController {

    private final PlanService plans;
    private final CaseworkSupport support;

    PlanController(PlanService plans, CaseworkSupport support) {
        this.plans = plans;
        this.support = support;
    }

    @GetMapping("/cases/{id}/plan")
    String plan(@PathVariable("id") String id, @RequestParam(name = "close", required = false) String close,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        return planPage(RequestValues.id(id), user, model, Map.of(), close == null ? Map.of() : Map.of("_line", close));
    }

    private String planPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        PlanService.Plan plan = plans.plan(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "plan");
        model.addAttribute("plan", plan);
        model.addAttribute("crime", plan.crime());
        model.addAttribute("lineStatuses", List.of(Codes.LineStatus.DONE, Codes.LineStatus.NOT_PURSUED));
        return "casework/plan";
    }

    @PostMapping("/cases/{id}/plan/stage")
    String stage(@PathVariable("id") String id, @RequestParam(name = "stage", required = false) String stage,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(null, () -> plans.enterStage(user, crimeId, stage),
                errors -> planPage(crimeId, user, model, errors, stage == null ? Map.of() : Map.of("stage", stage)),
                flash, "{caseworkDone.stageRecorded}", "/cases/" + crimeId + "/plan");
    }

    @GetMapping("/cases/{id}/plan/lines/new")
    String newLine(@PathVariable("id") String id, @RequestParam(name = "prompt", required = false) String prompt,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (prompt != null) {
            form.put("prompt", prompt);
        }
        return lineForm(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String lineForm(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        Crime crime = support.open(crimeId, user, "investigation plan").orElseThrow(
                CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "plan");
        Prompts.Prompt prompt = plans.prompt(crime, user, form.get("prompt"));
        model.addAttribute("crime", crime);
        model.addAttribute("prompt", prompt);
        model.addAttribute("focuses", Codes.Focus.values());
        model.addAttribute("officers", support.officers(user, crime));
        return "casework/line-form";
    }

    @PostMapping("/cases/{id}/plan/lines")
    String addLine(@PathVariable("id") String id, @Valid CaseworkForms.NewLine form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> plans.addLine(user, crimeId, form.read(),
                        FormErrors.of(binding)),
                errors -> lineForm(crimeId, user, model, errors, FormErrors.values(form)), flash,
                form.notPursued() ? "{caseworkDone.lineNotPursued}" : "{caseworkDone.lineAdded}", "/cases/" + crimeId + "/plan");
    }

    @PostMapping("/cases/{id}/plan/lines/{line}/close")
    String closeLine(@PathVariable("id") String id, @PathVariable("line") String line,
            @Valid CaseworkForms.LineClosing form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long lineId = RequestValues.id(line);
        return CaseworkPages.change(form.getClass(), () -> {
            CaseworkPages.read(binding);
            plans.closeLine(user, crimeId, lineId, Codes.parse(Codes.LineStatus.class, form.status()),
                    FormValues.text(form.result()));
        }, errors -> planPage(crimeId, user, model, errors, CaseworkPages.with(form, "_line", lineId)), flash,
                "{caseworkDone.lineClosed}", "/cases/" + crimeId + "/plan");
    }
}
