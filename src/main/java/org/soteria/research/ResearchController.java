package org.soteria.research;

import jakarta.validation.Valid;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.reference.OffenceGroup;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.WholeNumber;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Research projects: the list, proposing one, a project's page with its extract and evaluation. */
@Controller
@ForceMode
class ResearchController {

    private final ResearchService research;

    ResearchController(ResearchService research) {
        this.research = research;
    }

    @GetMapping("/research")
    String projects(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "research");
        model.addAttribute("projects", research.projects(user));
        model.addAttribute("canManage", user.can(Permission.MANAGE_RESEARCH));
        return "research/projects";
    }

    @GetMapping("/research/new")
    String newProject(@AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("k", "5");
        return form(user, model, Map.of(), form, List.of(), List.of());
    }

    private String form(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form,
            List<String> members, List<String> groups) {
        model.addAttribute("activeNav", "research");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("members", members);
        model.addAttribute("groups", groups);
        model.addAttribute("researchers", research.researchers(user));
        model.addAttribute("bases", ResearchService.LAWFUL_BASES);
        model.addAttribute("offenceGroups", OffenceGroup.values());
        return "research/project-form";
    }

    /** A proposed project as typed, in the page's order; Bean Validation checks each field before the service's rules. */
    record Proposal(@MaxChars(value = 200, label = "field.title") String title,
            @MaxChars(value = 4000, label = "field.purpose") String purpose, String lawfulBasis, List<String> members,
            @IsoDate(label = "field.dataFrom", required = true) String periodFrom,
            @IsoDate(label = "field.dataTo", required = true) String periodTo, List<String> offenceGroups,
            @WholeNumber(message = "{researchError.enterKAsAWhole}") String k,
            @IsoDate(label = "field.endDate", required = true) String endsOn, String linkedExtracts) {

        ResearchService.ProjectForm read() {
            return new ResearchService.ProjectForm(FormValues.text(title), FormValues.text(purpose),
                    FormValues.text(lawfulBasis), FormValues.all(members), FormValues.date(periodFrom),
                    FormValues.date(periodTo), FormValues.all(offenceGroups), FormValues.integer(k),
                    FormValues.date(endsOn), "yes".equals(linkedExtracts));
        }
    }

    @PostMapping("/research/new")
    String propose(@Valid Proposal form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        try {
            long id = research.propose(user, form.read(), FormErrors.of(binding));
            flash.addFlashAttribute("success", "{researchDone.projectProposedApproveItWhen}");
            return "redirect:/research/" + id;
        } catch (Invalid e) {
            return form(user, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form),
                    FormValues.all(form.members()), FormValues.all(form.offenceGroups()));
        }
    }

    @GetMapping("/research/{id}")
    String project(@PathVariable("id") String id, @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "change", required = false) String change,
            @RequestParam(name = "team", required = false) String team,
            @RequestParam(name = "comparison", required = false) List<String> comparison,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        long projectId = RequestValues.id(id);
        ResearchService.ProjectView p = research.project(projectId, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("outcome", outcome == null ? "" : outcome);
        form.put("change", change == null ? "" : change);
        form.put("team", team == null ? "" : team);
        List<String> comparisons = FormValues.all(comparison);
        if (outcome != null) {
            ResearchService.Outcome chosen = null;
            for (ResearchService.Outcome o : ResearchService.Outcome.values()) {
                if (o.code().equals(outcome)) {
                    chosen = o;
                }
            }
            YearMonth month = null;
            try {
                month = change == null || change.isBlank() ? null : YearMonth.parse(change.trim());
            } catch (DateTimeParseException e) {
                errors.put("change", "{researchError.enterTheMonthOfThe}");
            }
            if (chosen == null) {
                errors.put("outcome", "{researchError.selectTheMeasureToEvaluate}");
            }
            if (month == null && !errors.containsKey("change")) {
                errors.put("change", "{researchError.enterTheMonthOfThe}");
            }
            if (errors.isEmpty()) {
                try {
                    ResearchService.Evaluation ev = research.evaluate(user, projectId, chosen, month, FormValues.text(team),
                            comparisons);
                    model.addAttribute("evaluation", ev);
                    model.addAttribute("estimates", estimates(ev));
                } catch (Invalid e) {
                    errors.putAll(e.errors());
                }
            }
        }
        model.addAttribute("activeNav", "research");
        model.addAttribute("project", p);
        model.addAttribute("extracts", research.extracts(projectId, user));
        model.addAttribute("canManage", user.can(Permission.MANAGE_RESEARCH));
        model.addAttribute("canExtract", user.can(Permission.USE_RESEARCH_EXTRACTS) && p.active()
                && p.members().contains(user.getUsername()));
        model.addAttribute("outcomes", ResearchService.Outcome.values());
        model.addAttribute("teams", research.teams(user));
        model.addAttribute("comparisons", comparisons);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "research/project";
    }

    /** The estimates of an evaluation, named for the table. */
    private static List<Map.Entry<String, InterruptedTimeSeries.Estimate>> estimates(ResearchService.Evaluation ev) {
        if (ev.its() != null) {
            return ev.its().estimates();
        }
        return List.of(Map.entry("Effect: change in the gap", ev.did().effect()),
                Map.entry("Gap trend before the change (a month)", ev.did().preChangeGapTrend()));
    }

    @PostMapping("/research/{id}/status")
    String status(@PathVariable("id") String id, @RequestParam(name = "to", required = false) String to,
            @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        long projectId = RequestValues.id(id);
        try {
            if ("approved".equals(to)) {
                research.approve(user, projectId);
                flash.addFlashAttribute("success", "{researchDone.projectApprovedItsResearchersCan}");
            } else if ("closed".equals(to)) {
                research.close(user, projectId);
                flash.addFlashAttribute("success", "{researchDone.projectClosedNoMoreExtracts}");
            } else {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (Invalid e) {
            if (e.errors().containsKey("project")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
        }
        return "redirect:/research/" + projectId;
    }

    @GetMapping("/research/{id}/extract.csv")
    Object extract(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes flash) {
        long projectId = RequestValues.id(id);
        try {
            ResearchService.Extract e = research.extract(user, projectId);
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(e.fileName())
                            .build().toString())
                    .body(e.csv());
        } catch (Invalid e) {
            if (e.errors().containsKey("project") && research.project(projectId, user).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            flash.addFlashAttribute("problem", java.util.List.copyOf(e.errors().values()));
            return "redirect:/research/" + projectId;
        }
    }
}
