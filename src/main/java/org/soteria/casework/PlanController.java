package org.soteria.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
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
    String stage(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        return CaseworkPages.change(f, () -> plans.enterStage(user, crimeId, f.raw("stage")),
                errors -> planPage(crimeId, user, model, errors, params), flash, "Stage recorded",
                "/cases/" + crimeId + "/plan");
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
    String addLine(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        boolean notPursued = "not_pursued".equals(f.raw("decision"));
        PlanService.LineForm line = new PlanService.LineForm(f.choice(Codes.Focus.class, "focus"),
                RequestValues.optional(f.raw("prompt")), f.text("description", "Line of enquiry", CaseworkSupport.TEXT_LIMIT),
                RequestValues.optional(f.raw("owner")), f.date("due", "Due date", false),
                notPursued ? f.text("reason", "Reason", CaseworkSupport.TEXT_LIMIT) : null);
        if (notPursued && line.notPursuedReason() == null) {
            f.errors().put("reason", "Enter why this line will not be pursued");
        }
        return CaseworkPages.change(f, () -> plans.addLine(user, crimeId, line, f.errors()),
                errors -> lineForm(crimeId, user, model, errors, params), flash,
                notPursued ? "Recorded as not pursued" : "Line of enquiry added", "/cases/" + crimeId + "/plan");
    }

    @PostMapping("/cases/{id}/plan/lines/{line}/close")
    String closeLine(@PathVariable("id") String id, @PathVariable("line") String line,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long lineId = RequestValues.id(line);
        Form f = new Form(params);
        Map<String, String> form = CaseworkPages.with(params, "_line", lineId);
        Codes.LineStatus status = f.choice(Codes.LineStatus.class, "status");
        String result = f.text("result", "Result", CaseworkSupport.TEXT_LIMIT);
        return CaseworkPages.change(f, () -> {
            CaseworkPages.read(f);
            plans.closeLine(user, crimeId, lineId, status, result);
        },
                errors -> planPage(crimeId, user, model, errors, form), flash, "Line of enquiry closed",
                "/cases/" + crimeId + "/plan");
    }
}
