package org.soteria.survey;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
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

/** Officer surveys' pages: the force lead's waves and a wave's results; an officer's surveys and the answer form. */
@Controller
@ForceMode
class SurveyController {

    private final SurveyService surveys;
    private final org.soteria.web.Labels labels;

    SurveyController(SurveyService surveys, org.soteria.web.Labels labels) {
        this.surveys = surveys;
        this.labels = labels;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @GetMapping("/officer-surveys")
    String waves(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return wavesView(user, Map.of(), Map.of(), model);
    }

    private String wavesView(SoteriaUser user, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("page", surveys.page(user));
        model.addAttribute("questions", surveys.questionnaire());
        model.addAttribute("minimum", surveys.minimum());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activeNav", "deep-dive");
        return "survey/waves";
    }

    @PostMapping("/officer-surveys")
    String open(@Valid SurveyForms.Wave form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        long[] id = new long[1];
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), SurveyForms.Wave.class,
                () -> id[0] = surveys.open(user, form.title(), FormValues.all(form.teams()),
                        FormValues.date(form.closesOn())));
        if (!errors.isEmpty()) {
            return wavesView(user, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", "{surveyDone.opened}");
        return "redirect:/officer-surveys/" + id[0];
    }

    @GetMapping("/officer-surveys/{id}")
    String wave(@PathVariable long id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return waveView(user, id, Map.of(), Map.of(), model);
    }

    private String waveView(SoteriaUser user, long id, Map<String, String> form, Map<String, String> errors,
            Model model) {
        SurveyService.Detail detail;
        try {
            detail = surveys.detail(user, id);
        } catch (Invalid e) {
            throw notFound();
        }
        model.addAttribute("d", detail);
        model.addAttribute("questions", surveys.questions(detail.wave()));
        model.addAttribute("today", surveys.today());
        model.addAttribute("pillarNames", java.util.Arrays.stream(org.soteria.reference.Pillar.values()).map(Enum::name)
                .toList());
        Map<String, String> pillars = new LinkedHashMap<>();
        org.soteria.reference.Pillar.choices().forEach((n, english) -> pillars.put(n, labels.text(english)));
        model.addAttribute("pillarChoices", pillars);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activeNav", "deep-dive");
        return "survey/wave";
    }

    @PostMapping("/officer-surveys/{id}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        if (!surveys.exists(user, id)) {
            throw notFound();
        }
        try {
            surveys.close(user, id);
        } catch (Invalid e) {
            return waveView(user, id, Map.of(), e.errors(), model); // closed already
        }
        redirect.addFlashAttribute("success", "{surveyDone.closed}");
        return "redirect:/officer-surveys/" + id;
    }

    @PostMapping("/officer-surveys/{id}/themes")
    String theme(@PathVariable long id, @Valid SurveyForms.Theme form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        if (!surveys.exists(user, id)) {
            throw notFound();
        }
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), SurveyForms.Theme.class,
                () -> surveys.addTheme(user, id, FormValues.date(form.heldOn()), FormValues.integer(form.participants()),
                        FormValues.integer(form.pillar()), form.theme(), form.note()));
        if (!errors.isEmpty()) {
            return waveView(user, id, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", "{surveyDone.themeRecorded}");
        return "redirect:/officer-surveys/" + id + "#themes";
    }

    @GetMapping("/surveys")
    String mine(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("offers", surveys.offers(user));
        model.addAttribute("activeNav", "workforce");
        return "survey/mine";
    }

    @GetMapping("/surveys/{id}")
    String form(@PathVariable long id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return answerView(user, id, Map.of(), Map.of(), model);
    }

    private String answerView(SoteriaUser user, long id, Map<String, String> form, Map<String, String> errors,
            Model model) {
        SurveyWave w;
        try {
            w = surveys.answerable(user, id);
        } catch (Invalid e) {
            throw notFound();
        }
        if (surveys.offers(user).stream().anyMatch(o -> o.wave().id() == id && o.answered())) {
            model.addAttribute("answered", true);
        }
        model.addAttribute("wave", w);
        model.addAttribute("questions", surveys.questions(w));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("activeNav", "workforce");
        return "survey/answer";
    }

    @PostMapping("/surveys/{id}")
    String answer(@PathVariable long id, @RequestParam Map<String, String> given,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        SurveyWave w;
        try {
            w = surveys.answerable(user, id);
        } catch (Invalid e) {
            throw notFound();
        }
        Map<String, String> answers = new LinkedHashMap<>();
        List<SurveyResults.Question> questions = surveys.questions(w);
        questions.forEach(q -> {
            if (given.get(q.code()) != null) {
                answers.put(q.code(), given.get(q.code()));
            }
        });
        try {
            surveys.answer(user, id, answers);
        } catch (Invalid e) {
            return answerView(user, id, answers, e.errors(), model);
        }
        redirect.addFlashAttribute("success", "{surveyDone.thankYou}");
        return "redirect:/surveys";
    }
}
