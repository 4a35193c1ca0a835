package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.util.ArrayList;
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

/** A crime's CPS liaison: file readiness, submissions, the action plan and decisions. */
@Controller
@ForceMode
class CpsController {

    private final CpsService cps;
    private final CaseworkSupport support;

    CpsController(CpsService cps, CaseworkSupport support) {
        this.cps = cps;
        this.support = support;
    }

    @GetMapping("/cases/{id}/cps")
    String cps(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        String today = support.today().toString();
        return cpsPage(RequestValues.id(id), user, model, Map.of(), Map.of("adviceOn", today, "referredOn", today,
                "decidedOn", today, "engagedOn", today, "side", "police"));
    }

    private String cpsPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        CpsService.Cps c = cps.cps(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "cps");
        model.addAttribute("cps", c);
        model.addAttribute("crime", c.crime());
        model.addAttribute("items", Codes.ReadinessItem.values());
        model.addAttribute("cpsDecisions", org.soteria.reference.CpsDecision.values());
        CpsPages.choices(model);
        return "casework/cps";
    }

    @PostMapping("/cases/{id}/cps/readiness")
    String readiness(@PathVariable("id") String id, @RequestParam(name = "items", required = false) List<String> items,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        List<Codes.ReadinessItem> chosen = new ArrayList<>();
        for (String i : FormValues.all(items)) {
            Codes.ReadinessItem item = Codes.parse(Codes.ReadinessItem.class, i);
            if (item != null) {
                chosen.add(item);
            }
        }
        return CaseworkPages.change(null, () -> cps.saveReadiness(user, crimeId, chosen),
                errors -> cpsPage(crimeId, user, model, errors, Map.of()), flash, "{caseworkDone.checklistSaved}",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/submissions")
    String submit(@PathVariable("id") String id, @Valid CaseworkForms.CpsSubmission form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> cps.submitToCps(user, crimeId, form.kind(), form.on(),
                        form.text(), FormErrors.of(binding)),
                errors -> cpsPage(crimeId, user, model, errors, FormErrors.values(form)), flash,
                form.referral() ? "{caseworkDone.referredToCps}" : "{caseworkDone.earlyAdviceRequested}", "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/actions")
    String addAction(@PathVariable("id") String id, @Valid CaseworkForms.CpsActionForm form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> cps.addAction(user, crimeId, FormValues.text(form.action()),
                        FormValues.date(form.actionDue()), FormValues.text(form.side()), FormValues.text(form.actionOwner()),
                        FormErrors.of(binding)),
                errors -> cpsPage(crimeId, user, model, errors, FormErrors.values(form)), flash, "{caseworkDone.cpsActionAdded}",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/actions/{action}/done")
    String actionDone(@PathVariable("id") String id, @PathVariable("action") String action,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long actionId = RequestValues.id(action);
        return CaseworkPages.change(null, () -> cps.actionDone(user, crimeId, actionId),
                errors -> cpsPage(crimeId, user, model, errors, Map.of()), flash, "{caseworkDone.cpsActionDone}",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/engagements")
    String engaged(@PathVariable("id") String id, @Valid CaseworkForms.EngagementForm form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> cps.engaged(user, crimeId, FormValues.date(form.engagedOn()),
                        FormValues.text(form.party()), FormValues.text(form.startedBy()),
                        FormValues.text(form.engagementSummary()), FormErrors.of(binding)),
                errors -> cpsPage(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.engagementRecorded}", "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/decisions")
    String decision(@PathVariable("id") String id, @Valid CaseworkForms.CpsDecisionForm form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> cps.recordDecision(user, crimeId, form.chosen(),
                        FormValues.date(form.decidedOn()), FormErrors.of(binding)),
                errors -> cpsPage(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.decisionRecorded}", "/cases/" + crimeId + "/cps");
    }
}
