package org.soteria.casework;

import jakarta.validation.Valid;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A prosecutor's page of a file shared with their CPS unit: answers, the joint action plan, engagement. */
@Controller
@ForceMode
class ProsecutorController {

    private final ProsecutorService prosecutor;
    private final CaseworkSupport support;

    ProsecutorController(ProsecutorService prosecutor, CaseworkSupport support) {
        this.prosecutor = prosecutor;
        this.support = support;
    }

    @GetMapping("/partner/cases/{id}/cps")
    String file(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        String today = support.today().toString();
        return page(RequestValues.id(id), user, model, Map.of(), Map.of("reviewedOn", today, "engagedOn", today,
                "side", "cps"));
    }

    private String page(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        CpsService.Cps file = prosecutor.file(user, crimeId).orElseThrow(CaseworkPages::notFound);
        model.addAttribute("activeNav", "shared");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("cps", file);
        model.addAttribute("crime", file.crime());
        model.addAttribute("items", Codes.ReadinessItem.values());
        model.addAttribute("referralVerdicts", java.util.List.of(Codes.Verdict.ACCEPTED, Codes.Verdict.RETURNED,
                Codes.Verdict.CHARGE, Codes.Verdict.NO_CHARGE));
        CpsPages.choices(model);
        return "casework/prosecutor";
    }

    private static String back(long crimeId) {
        return "/partner/cases/" + crimeId + "/cps";
    }

    @PostMapping("/partner/cases/{id}/cps/submissions/{submission}/review")
    String review(@PathVariable("id") String id, @PathVariable("submission") String submission,
            @Valid CaseworkForms.CpsReviewForm form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long submissionId = RequestValues.id(submission);
        return CaseworkPages.change(form.getClass(), () -> prosecutor.review(user, crimeId, submissionId,
                        FormValues.text(form.verdict()), FormValues.date(form.reviewedOn()), FormValues.text(form.note()),
                        FormErrors.of(binding)),
                errors -> page(crimeId, user, model, perSubmission(errors, submissionId),
                        CaseworkPages.with(form, "submission", submissionId)), flash,
                "{caseworkDone.answerRecorded}", back(crimeId));
    }

    /** A review form's faults named for its own fields (each submission waiting has its form on the page). */
    private static Map<String, String> perSubmission(Map<String, String> errors, long submissionId) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> out.put(java.util.Set.of("verdict", "note", "reviewedOn").contains(field)
                ? field + "-" + submissionId : field, message));
        return out;
    }

    @PostMapping("/partner/cases/{id}/cps/actions")
    String addAction(@PathVariable("id") String id, @Valid CaseworkForms.CpsActionForm form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> prosecutor.addAction(user, crimeId,
                        FormValues.text(form.action()), FormValues.date(form.actionDue()), FormValues.text(form.side()),
                        FormErrors.of(binding)),
                errors -> page(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.cpsActionAdded}", back(crimeId));
    }

    @PostMapping("/partner/cases/{id}/cps/actions/{action}/done")
    String actionDone(@PathVariable("id") String id, @PathVariable("action") String action,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long actionId = RequestValues.id(action);
        return CaseworkPages.change(null, () -> prosecutor.actionDone(user, crimeId, actionId),
                errors -> page(crimeId, user, model, errors, Map.of()), flash, "{caseworkDone.cpsActionDone}",
                back(crimeId));
    }

    @PostMapping("/partner/cases/{id}/cps/engagements")
    String engaged(@PathVariable("id") String id, @Valid CaseworkForms.EngagementForm form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> prosecutor.engaged(user, crimeId,
                        FormValues.date(form.engagedOn()), FormValues.text(form.party()), FormValues.text(form.startedBy()),
                        FormValues.text(form.engagementSummary()), FormErrors.of(binding)),
                errors -> page(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.engagementRecorded}", back(crimeId));
    }
}
