package org.soteria.workforce;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A supervisor's teams: readiness, caseloads, abstraction and wellbeing averages; recording an abstraction. */
@Controller
@ForceMode
class TeamController {

    private final WorkforceService workforce;
    private final WellbeingService wellbeing;

    TeamController(WorkforceService workforce, WellbeingService wellbeing) {
        this.workforce = workforce;
        this.wellbeing = wellbeing;
    }

    @GetMapping("/workforce/teams")
    String teams(@Valid WorkforceForms.TeamView view, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        LocalDate today = workforce.today();
        LocalDate start = FormValues.date(view.from());
        LocalDate end = FormValues.date(view.to());
        if (start == null) {
            start = today.withDayOfMonth(1).minusMonths(2);
        }
        if (end == null) {
            end = today;
        }
        if (end.isBefore(start)) {
            errors.put("to", "{caseworkError.toMustBeTheSame}");
            end = today;
        }
        String needed = FormValues.text(view.needs());
        if (needed != null && workforce.courses().stream().noneMatch(c -> c.code().equals(needed))) {
            errors.put("needs", "{workforceError.chooseACourseFromThe}");
        }
        YearMonth m = YearMonth.from(today).minusMonths(1);
        if (FormValues.text(view.month()) != null) {
            try {
                m = YearMonth.parse(view.month().strip());
            } catch (DateTimeParseException e) {
                errors.put("month", "{comments.monthError}");
            }
        }
        model.addAttribute("teams", workforce.teams(user, errors.containsKey("needs") ? null : needed, start, end));
        model.addAttribute("wellbeing", wellbeing.teamMonth(user, m));
        model.addAttribute("month", m);
        model.addAttribute("scale", WellbeingService.SCALE);
        model.addAttribute("minimumGroup", wellbeing.minimumGroup());
        model.addAttribute("monthPublished", wellbeing.published(m));
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
    String addAbstraction(@Valid WorkforceForms.Abstraction form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> workforce.addAbstraction(user, form.officer(), FormValues.text(form.duty()),
                        FormValues.date(form.startsOn()), FormValues.date(form.endsOn())));
        if (!errors.isEmpty()) {
            return abstractionView(user, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", "{workforceDone.abstractionRecorded}");
        return "redirect:/workforce/teams";
    }
}
