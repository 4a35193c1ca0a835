package org.soteria.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
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

/** Assessment frameworks for the national coordinator (at the hub, or in a force): versions, a draft's questions, publishing. */
@Controller
class FrameworkController {

    private final AssessmentService assessments;

    FrameworkController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/frameworks")
    String list(Model model) {
        model.addAttribute("activeNav", "frameworks");
        model.addAttribute("frameworks", assessments.frameworks());
        return "assessment/frameworks";
    }

    @GetMapping("/frameworks/{id}")
    String framework(@PathVariable("id") String id, @RequestParam(name = "edit", required = false) String edit,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        long frameworkId = RequestValues.id(id);
        AssessmentService.FrameworkView v = assessments.framework(frameworkId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (edit != null) {
            v.questions().values().stream().flatMap(java.util.List::stream).filter(q -> edit.equals("" + q.id()))
                    .findFirst().ifPresent(q -> {
                        form.put("questionId", String.valueOf(q.id()));
                        form.put("text", q.text().english());
                        form.put("textCy", q.text().welsh());
                        form.put("guidance", q.guidance().english());
                        form.put("guidanceCy", q.guidance().welsh());
                        form.put("evidence", q.evidence().english());
                        form.put("evidenceCy", q.evidence().welsh());
                        form.put("section", q.sectionCode());
                    });
        }
        return page(v, model, Map.of(), form);
    }

    private String page(AssessmentService.FrameworkView v, Model model, Map<String, String> errors,
            Map<String, String> form) {
        model.addAttribute("activeNav", "frameworks");
        model.addAttribute("view", v);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "assessment/framework";
    }

    @PostMapping("/frameworks/{id}/new-version")
    String newVersion(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        try {
            long draft = assessments.newVersion(user, RequestValues.id(id));
            flash.addFlashAttribute("success", "{assessmentDone.draftMadeChangeItsQuestions}");
            return "redirect:/frameworks/" + draft;
        } catch (Invalid e) {
            flash.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
            return "redirect:/frameworks/" + RequestValues.id(id);
        }
    }

    @PostMapping("/frameworks/{id}/publish")
    String publish(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        try {
            assessments.publish(user, RequestValues.id(id));
            flash.addFlashAttribute("success", "{assessmentDone.publishedForcesCanNowStart}");
        } catch (Invalid e) {
            flash.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        }
        return "redirect:/frameworks/" + RequestValues.id(id);
    }

    @PostMapping("/frameworks/{id}/questions")
    String question(@PathVariable("id") String id, AssessmentForms.Question form,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long frameworkId = RequestValues.id(id);
        Long questionId = form.id();
        try {
            assessments.editQuestion(user, frameworkId, questionId, FormValues.text(form.section()),
                    new AssessmentService.QuestionWords(FormValues.text(form.text()), FormValues.text(form.textCy()),
                            FormValues.text(form.guidance()), FormValues.text(form.guidanceCy()),
                            FormValues.text(form.evidence()), FormValues.text(form.evidenceCy())));
        } catch (Invalid e) {
            return page(assessments.framework(frameworkId).orElseThrow(() -> new ResponseStatusException(
                    HttpStatus.NOT_FOUND)), model, e.errors(), FormErrors.values(form));
        }
        flash.addFlashAttribute("success", questionId == null ? "{assessmentDone.questionAdded}"
                : "{assessmentDone.questionChanged}");
        return "redirect:/frameworks/" + frameworkId;
    }
}
