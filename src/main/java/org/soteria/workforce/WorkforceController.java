package org.soteria.workforce;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
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

/**
 * Officers' development (own record, or an officer a supervisor manages), the team view, abstraction,
 * private wellbeing and the guidance library. Forms show GOV.UK errors and keep what was typed.
 */
@Controller
public class WorkforceController {

    private static final int TEXT_LIMIT = 500;

    private final WorkforceService workforce;
    private final WellbeingService wellbeing;
    private final GuidanceService guidance;

    public WorkforceController(WorkforceService workforce, WellbeingService wellbeing, GuidanceService guidance) {
        this.workforce = workforce;
        this.wellbeing = wellbeing;
        this.guidance = guidance;
    }

    // ---- development record ----

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

    @PostMapping("/workforce/training")
    String addTraining(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        String code = officerOrOwn(params.get("officer"), user);
        Map<String, String> errors = new LinkedHashMap<>();
        String course = params.get("course");
        if (course == null || course.isBlank()) {
            errors.put("course", "Choose a course or accreditation");
        }
        LocalDate completed = date(params.get("completedOn"), "completedOn", "The completion date", true, errors);
        String evidence = text(params.get("evidence"), "evidence", "The evidence", errors);
        if (errors.isEmpty()) {
            try {
                workforce.addTraining(user, code, course, completed, evidence);
                redirect.addFlashAttribute("success", "Training recorded");
                return "redirect:" + back(code, user);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        return formView("workforce/training", code, user, new LinkedHashMap<>(params), errors, model);
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
    String addPlan(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        String code = officerOrOwn(params.get("officer"), user);
        Map<String, String> errors = new LinkedHashMap<>();
        String course = params.get("course") == null || params.get("course").isBlank() ? null : params.get("course");
        String goal = text(params.get("goal"), "goal", "The goal", errors);
        if (goal == null && !errors.containsKey("goal")) {
            errors.put("goal", "Enter what you mean to learn or complete");
        }
        LocalDate target = date(params.get("targetOn"), "targetOn", "The target date", false, errors);
        if (errors.isEmpty()) {
            try {
                workforce.addPlanItem(user, code, course, goal, target);
                redirect.addFlashAttribute("success", "Added to the learning plan");
                return "redirect:" + back(code, user);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        return formView("workforce/plan", code, user, new LinkedHashMap<>(params), errors, model);
    }

    @PostMapping("/workforce/plan/{id}")
    String planStatus(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        String code = officerOrOwn(params.get("officer"), user);
        String status = params.get("status");
        if (!List.of("planned", "in_progress", "done", "dropped").contains(status == null ? "" : status)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a status");
        }
        try {
            workforce.setPlanStatus(user, code, RequestValues.id(id), status);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("success", "Learning plan updated");
        return "redirect:" + back(code, user);
    }

    // ---- teams and abstraction ----

    @GetMapping("/workforce/teams")
    String teams(@RequestParam(name = "needs", required = false) String needs,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "month", required = false) String month,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = workforce.today();
        LocalDate start = date(from, "from", "From", false, errors);
        LocalDate end = date(to, "to", "To", false, errors);
        if (start == null) {
            start = today.withDayOfMonth(1).minusMonths(2);
        }
        if (end == null) {
            end = today;
        }
        if (end.isBefore(start)) {
            errors.put("to", "To must be the same as or after from");
            end = today;
        }
        String needed = needs == null || needs.isBlank() ? null : needs;
        if (needed != null && workforce.courses().stream().noneMatch(c -> c.code().equals(needed))) {
            errors.put("needs", "Choose a course from the list");
        }
        YearMonth m = YearMonth.from(today).minusMonths(1);
        if (month != null && !month.isBlank()) {
            try {
                m = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                errors.put("month", "Month must be a real month in the form YYYY-MM, for example 2026-10");
            }
        }
        model.addAttribute("teams", workforce.teams(user, errors.containsKey("needs") ? null : needed, start, end));
        model.addAttribute("wellbeing", wellbeing.teamMonth(user, m));
        model.addAttribute("month", m);
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("minimumGroup", WellbeingService.MINIMUM_GROUP);
        model.addAttribute("needs", needed);
        model.addAttribute("errors", errors);
        model.addAttribute("courses", workforce.courses());
        model.addAttribute("threshold", workforce.caseloadThreshold());
        model.addAttribute("today", today);
        model.addAttribute("activeNav", "workforce");
        return "workforce/teams";
    }

    @GetMapping("/workforce/abstractions")
    String abstractionForm(@AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("startsOn", workforce.today().toString());
        form.put("endsOn", workforce.today().toString());
        return abstractionView(user, form, Map.of(), model);
    }

    private String abstractionView(SoteriaUser user, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("officers", workforce.managedOfficers(user));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activeNav", "workforce");
        return "workforce/abstraction";
    }

    @PostMapping("/workforce/abstractions")
    String addAbstraction(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String officer = params.get("officer");
        if (officer == null || officer.isBlank()) {
            errors.put("officer", "Choose the officer who was taken off RASSO work");
        }
        String duty = text(params.get("duty"), "duty", "What they were taken off for", errors);
        if (duty == null && !errors.containsKey("duty")) {
            errors.put("duty", "Enter what they were taken off for, for example public order duty");
        }
        LocalDate from = date(params.get("startsOn"), "startsOn", "The first day", true, errors);
        LocalDate to = date(params.get("endsOn"), "endsOn", "The last day", true, errors);
        if (errors.isEmpty()) {
            try {
                workforce.addAbstraction(user, officer, duty, from, to);
                redirect.addFlashAttribute("success", "Abstraction recorded");
                return "redirect:/workforce/teams";
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        return abstractionView(user, new LinkedHashMap<>(params), errors, model);
    }

    // ---- wellbeing ----

    @GetMapping("/workforce/wellbeing")
    String wellbeingPage(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return wellbeingView(user, Map.of(), Map.of(), model);
    }

    private String wellbeingView(SoteriaUser user, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("own", wellbeing.own(user));
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", wellbeing.today());
        model.addAttribute("activeNav", "workforce");
        return "workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/check-in")
    String checkIn(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        int[] scores = new int[WellbeingService.SCALE.size()];
        for (int i = 0; i < scores.length; i++) {
            WellbeingService.Item item = WellbeingService.SCALE.get(i);
            String v = params.get(item.column());
            if (v == null || !v.matches("[1-5]")) {
                errors.put(item.column(), "Choose how often: \"" + item.statement() + "\"");
            } else {
                scores[i] = Integer.parseInt(v);
            }
        }
        if (!errors.isEmpty()) {
            return wellbeingView(user, new LinkedHashMap<>(params), errors, model);
        }
        wellbeing.checkIn(user, scores);
        redirect.addFlashAttribute("success", "Check-in saved. Only you, and anyone you share with, can see it.");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/supervision")
    String supervision(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate held = date(params.get("heldOn"), "heldOn", "The date of the session", true, errors);
        String with = text(params.get("supervisor"), "supervisor", "Who it was with", errors);
        if (held != null && held.isAfter(wellbeing.today())) {
            errors.put("heldOn", "The date of the session must be today or in the past");
        }
        if (!errors.isEmpty()) {
            return wellbeingView(user, new LinkedHashMap<>(params), errors, model);
        }
        wellbeing.recordSupervision(user, held, with);
        redirect.addFlashAttribute("success", "Reflective supervision recorded");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/referral")
    String referral(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = date(params.get("referredOn"), "referredOn", "The date of the referral", true, errors);
        String service = params.get("service");
        if (!List.of("occupational_health", "trauma_support", "other").contains(service == null ? "" : service)) {
            errors.put("service", "Choose where you were referred");
        }
        if (!errors.isEmpty()) {
            return wellbeingView(user, new LinkedHashMap<>(params), errors, model);
        }
        wellbeing.recordReferral(user, on, service);
        redirect.addFlashAttribute("success", "Referral recorded");
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/share")
    String share(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        String viewer = params.get("viewer") == null ? "" : params.get("viewer").trim();
        if (viewer.isEmpty() || !wellbeing.share(user, viewer)) {
            return wellbeingView(user, new LinkedHashMap<>(params), Map.of("viewer",
                    "Enter the user name of someone in your force, for example a trusted colleague"), model);
        }
        redirect.addFlashAttribute("success", "Your check-ins are now shared with " + viewer);
        return "redirect:/workforce/wellbeing";
    }

    @PostMapping("/workforce/wellbeing/unshare")
    String unshare(@RequestParam("viewer") String viewer, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes redirect) {
        wellbeing.unshare(user, viewer);
        redirect.addFlashAttribute("success", "You no longer share your check-ins with " + viewer);
        return "redirect:/workforce/wellbeing";
    }

    @GetMapping("/workforce/wellbeing/shared")
    String sharedWithMe(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("shared", wellbeing.sharedWithMe(user));
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("activeNav", "workforce");
        return "workforce/wellbeing-shared";
    }

    // ---- guidance ----

    @GetMapping("/workforce/guidance")
    String library(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("library", guidance.library());
        model.addAttribute("canManage", user.can(org.soteria.security.Permission.MANAGE_GUIDANCE));
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance";
    }

    @GetMapping("/workforce/guidance/new")
    String guidanceForm(@RequestParam(name = "document", required = false) String document, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("publishedOn", workforce.today().toString());
        if (document != null) {
            GuidanceService.Document d = guidance.document(RequestValues.id(document))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            form.put("document", Long.toString(d.id()));
            form.put("url", d.current().url());
            form.put("summary", d.current().summary());
        }
        return guidanceView(form, Map.of(), model);
    }

    private String guidanceView(Map<String, String> form, Map<String, String> errors, Model model) {
        String document = form.get("document");
        if (document != null && !document.isBlank()) {
            guidance.document(RequestValues.id(document)).ifPresent(d -> model.addAttribute("documentTitle", d.title()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("pillars", GuidanceService.Pillar.values());
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance-form";
    }

    @PostMapping("/workforce/guidance/new")
    String addGuidance(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String document = params.get("document");
        Long existing = document == null || document.isBlank() ? null : RequestValues.id(document);
        GuidanceService.Pillar pillar = null;
        String title = null;
        if (existing == null) {
            pillar = Coded.parse(GuidanceService.Pillar.class, params.get("pillar")).orElse(null);
            if (pillar == null) {
                errors.put("pillar", "Choose the pillar the guidance belongs to");
            }
            title = text(params.get("title"), "title", "The title", errors);
            if (title == null && !errors.containsKey("title")) {
                errors.put("title", "Enter the title of the guidance");
            }
        } else if (guidance.document(existing).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String url = params.get("url") == null || params.get("url").isBlank() ? null : params.get("url").trim();
        if (url != null && !url.matches("https?://\\S{3,2000}")) {
            errors.put("url", "Enter a web address starting with https://, or leave it empty");
        }
        String summary = text(params.get("summary"), "summary", "The summary", errors);
        if (summary == null && !errors.containsKey("summary")) {
            errors.put("summary", "Enter a summary of what the guidance says and who it is for");
        }
        LocalDate published = date(params.get("publishedOn"), "publishedOn", "The publication date", true, errors);
        if (!errors.isEmpty()) {
            return guidanceView(new LinkedHashMap<>(params), errors, model);
        }
        if (existing == null) {
            guidance.add(user, pillar, title, "true".equals(params.get("share")), url, summary, published);
            redirect.addFlashAttribute("success", "Guidance added");
        } else {
            int v = guidance.addVersion(user, existing, url, summary, published);
            redirect.addFlashAttribute("success", "Version " + v + " published");
        }
        return "redirect:/workforce/guidance";
    }

    private static String text(String value, String field, String label, Map<String, String> errors) {
        return RequestValues.text(value, field, label, TEXT_LIMIT, errors);
    }

    private static LocalDate date(String value, String field, String label, boolean required,
            Map<String, String> errors) {
        return RequestValues.date(value, field, label, required, errors);
    }
}
