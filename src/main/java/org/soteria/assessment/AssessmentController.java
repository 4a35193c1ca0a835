package org.soteria.assessment;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The force self-assessment: the list, the task list, a section, evidence, comments, sign-off and comparison. */
@Controller
@ForceMode
class AssessmentController {

    private final AssessmentService assessments;
    private final ImprovementService plan;

    AssessmentController(AssessmentService assessments, ImprovementService plan) {
        this.plan = plan;
        this.assessments = assessments;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void common(Model model, SoteriaUser user) {
        model.addAttribute("activeNav", "assessment");
        model.addAttribute("canManage", user.can(Permission.MANAGE_ASSESSMENTS));
        model.addAttribute("canComment", user.can(Permission.COMMENT_ON_ASSESSMENTS));
        model.addAttribute("statuses", AssessmentService.STATUSES);
    }

    @GetMapping("/assessment")
    String list(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return listPage(user, model, Map.of(), Map.of());
    }

    private String listPage(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        common(model, user);
        model.addAttribute("assessments", assessments.assessments(user));
        model.addAttribute("frameworks", assessments.published());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "assessment/assessments";
    }

    @PostMapping("/assessment/new")
    String start(@Valid AssessmentForms.NewAssessment form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        try {
            Map<String, String> faults = FormErrors.of(binding);
            if (!faults.isEmpty()) {
                throw new Invalid(faults);
            }
            long id = assessments.start(user, FormValues.number(form.frameworkId()), FormValues.text(form.title()));
            flash.addFlashAttribute("success", "{assessmentDone.assessmentStarted}");
            return "redirect:/assessment/" + id;
        } catch (Invalid e) {
            return listPage(user, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
    }

    @GetMapping("/assessment/{id}")
    String tasks(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        common(model, user);
        model.addAttribute("tasks", assessments.taskList(user, RequestValues.id(id)).orElseThrow(
                AssessmentController::notFound));
        model.addAttribute("others", assessments.assessments(user));
        return "assessment/task-list";
    }

    @PostMapping("/assessment/{id}/sign-off")
    String signOff(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        long assessmentId = RequestValues.id(id);
        try {
            assessments.signOff(user, assessmentId);
            flash.addFlashAttribute("success", "{assessmentDone.assessmentSignedOff}");
        } catch (Invalid e) {
            if (e.errors().containsKey("assessment")) {
                throw notFound();
            }
            flash.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        }
        return "redirect:/assessment/" + assessmentId;
    }

    @GetMapping("/assessment/{id}/sections/{code}")
    String section(@PathVariable("id") String id, @PathVariable("code") String code,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        return sectionPage(RequestValues.id(id), code, user, model, Map.of(), null);
    }

    private String sectionPage(long id, String code, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        AssessmentService.SectionPage page = assessments.section(user, id, code).orElseThrow(
                AssessmentController::notFound);
        Map<String, String> values = form;
        if (values == null) {
            values = new LinkedHashMap<>();
            for (AssessmentRepository.Question q : page.questions()) {
                AssessmentRepository.Answer a = page.answers().get(q.id());
                if (a != null) {
                    values.put("level-" + q.id(), a.level() == null ? "" : String.valueOf(a.level()));
                    values.put("answer-" + q.id(), a.answer());
                }
            }
        }
        common(model, user);
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        model.addAttribute("form", values);
        model.addAttribute("answering", user.can(Permission.VIEW_IMPROVEMENT_PLAN)
                ? plan.answering(user, Answers.Kind.ASSESSMENT, id).getOrDefault(code, List.of()) : List.of());
        model.addAttribute("answersRef", new Answers(Answers.Kind.ASSESSMENT, id, code).encoded());
        return "assessment/section";
    }

    /**
     * Saves a section's answers. Its Upload button (step=upload) sends the same form with a file: the answers typed
     * are saved (the section completed or in progress as chosen, or as it stood) and the file is added, so nothing
     * typed is lost to an upload, and a file refused shows the page again with everything as it was typed.
     */
    @PostMapping("/assessment/{id}/sections/{code}/answers")
    String save(@PathVariable("id") String id, @PathVariable("code") String code,
            @RequestParam Map<String, String> params, @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) throws IOException {
        long assessmentId = RequestValues.id(id);
        AssessmentService.SectionPage page = assessments.section(user, assessmentId, code).orElseThrow(
                AssessmentController::notFound);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Long, Integer> levels = new LinkedHashMap<>();
        Map<Long, String> answers = new LinkedHashMap<>();
        for (AssessmentRepository.Question q : page.questions()) {
            String given = params.get("level-" + q.id());
            Integer level = FormValues.integer(given);
            if (level != null) {
                levels.put(q.id(), level);
            } else if (FormValues.text(given) != null) {
                errors.put("level-" + q.id(), "{assessmentError.selectALevelFromThe}");
            }
            answers.put(q.id(), FormValues.text(params.get("answer-" + q.id())));
        }
        boolean upload = "upload".equals(params.get("step"));
        String done = params.get("completed");
        Map<String, String> typed = new LinkedHashMap<>(params);
        typed.remove("file");
        try {
            Boolean completed = "yes".equals(done) ? Boolean.TRUE : "no".equals(done) ? Boolean.FALSE : null;
            if (upload && completed == null) {
                // An upload before the question is answered keeps the section as it stands.
                completed = "completed".equals(page.tasks().status(code));
            }
            assessments.saveSection(user, assessmentId, code, levels, answers, completed, errors);
            if (upload) {
                assessments.addEvidence(user, assessmentId, code, file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getBytes());
            }
        } catch (Invalid e) {
            if (e.errors().containsKey("assessment")) {
                throw notFound();
            }
            return sectionPage(assessmentId, code, user, model, e.errors(), typed);
        }
        if (upload) {
            flash.addFlashAttribute("success", "{assessmentDone.evidenceUploaded}");
            return "redirect:/assessment/" + assessmentId + "/sections/" + code + "#evidence";
        }
        flash.addFlashAttribute("success", "{assessmentDone.sectionSaved}");
        return "redirect:/assessment/" + assessmentId;
    }

    @PostMapping("/assessment/{id}/sections/{code}/comments")
    String comment(@PathVariable("id") String id, @PathVariable("code") String code,
            AssessmentForms.Comment form, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long assessmentId = RequestValues.id(id);
        try {
            assessments.comment(user, assessmentId, code, FormValues.text(form.comment()),
                    "true".equals(form.needsReview()));
        } catch (Invalid e) {
            if (e.errors().containsKey("assessment")) {
                throw notFound();
            }
            return sectionPage(assessmentId, code, user, model, e.errors(), FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{assessmentDone.commentAdded}");
        return "redirect:/assessment/" + assessmentId + "/sections/" + code;
    }

    @GetMapping("/assessment/{id}/evidence/{evidence}")
    ResponseEntity<byte[]> download(@PathVariable("id") String id, @PathVariable("evidence") String evidence,
            @AuthenticationPrincipal SoteriaUser user) {
        AssessmentRepository.File f = assessments.evidence(user, RequestValues.id(id), RequestValues.id(evidence))
                .orElseThrow(AssessmentController::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(f.content());
    }

    @GetMapping("/assessment/compare")
    String compare(@RequestParam(name = "then", required = false) String then,
            @RequestParam(name = "now", required = false) String now, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        common(model, user);
        model.addAttribute("assessments", assessments.assessments(user));
        model.addAttribute("thenId", then == null ? "" : then);
        model.addAttribute("nowId", now == null ? "" : now);
        if (then != null && now != null && !then.isBlank() && !now.isBlank()) {
            model.addAttribute("comparison", assessments.compare(user, RequestValues.id(then), RequestValues.id(now))
                    .orElseThrow(AssessmentController::notFound));
        }
        return "assessment/compare";
    }
}
