package org.soteria.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
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

/** The deep-dive pages: samples, drawing one, a sample's crimes and agreement, a crime's review, findings. */
@Controller
class DeepDiveController {

    private final DeepDiveService deepDive;

    DeepDiveController(DeepDiveService deepDive) {
        this.deepDive = deepDive;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @GetMapping("/deep-dive")
    String samples(@AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        LocalDate today = deepDive.today();
        form.put("from", today.minusYears(1).withDayOfMonth(1).toString());
        form.put("to", today.withDayOfMonth(1).minusDays(1).toString());
        form.put("perStratum", "2");
        return samplesPage(user, model, Map.of(), form);
    }

    private String samplesPage(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("samples", deepDive.samples(user));
        model.addAttribute("canDraw", user.can(Permission.MANAGE_CASE_REVIEWS));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "assessment/samples";
    }

    @PostMapping("/deep-dive/new")
    String draw(@RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = RequestValues.text(params.get("title"), "title", "Title", 200, errors);
        LocalDate from = RequestValues.date(params.get("from"), "from", "Recorded from", true, errors);
        LocalDate to = RequestValues.date(params.get("to"), "to", "Recorded to", true, errors);
        Integer perStratum = RequestValues.integer(params.get("perStratum"), "perStratum",
                "Enter how many crimes to draw from each stratum, from 1 to 50", errors);
        Long seed = RequestValues.number(params.get("seed"), "seed",
                "Enter the seed as a whole number, or leave it empty for a new draw", errors);
        try {
            long id = deepDive.draw(user, title, from, to, perStratum, seed, errors);
            flash.addFlashAttribute("success", "Sample drawn. Its seed is recorded, so the same draw can be repeated");
            return "redirect:/deep-dive/" + id;
        } catch (Invalid e) {
            return samplesPage(user, model, RequestValues.inOrder(e.errors(), "title", "from", "to", "perStratum", "seed"),
                    params);
        }
    }

    @GetMapping("/deep-dive/{id}")
    String sample(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        DeepDiveService.SamplePage page = deepDive.sample(user, RequestValues.id(id)).orElseThrow(
                DeepDiveController::notFound);
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("page", page);
        model.addAttribute("items", ReviewItem.values());
        model.addAttribute("canDraw", user.can(Permission.MANAGE_CASE_REVIEWS));
        return "assessment/sample";
    }

    @GetMapping("/deep-dive/{id}/crimes/{position}")
    String crime(@PathVariable("id") String id, @PathVariable("position") String position,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        return crimePage(RequestValues.id(id), (int) RequestValues.id(position), user, model, Map.of(), null);
    }

    private String crimePage(long sampleId, int position, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        DeepDiveService.CrimeFile file = deepDive.crime(user, sampleId, position).orElseThrow(DeepDiveController::notFound);
        Map<String, String> values = form;
        if (values == null) {
            values = new LinkedHashMap<>();
            if (file.mine() != null) {
                for (ReviewItem item : ReviewItem.values()) {
                    values.put(item.code(), file.mine().ratings().get(item).code());
                }
                values.put("missedOpportunity", file.mine().missedOpportunity() ? "yes" : "no");
                values.put("missedNote", file.mine().missedNote());
                values.put("learning", file.mine().learning());
            }
        }
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("file", file);
        model.addAttribute("items", ReviewItem.values());
        model.addAttribute("ratings", ReviewItem.Rating.values());
        model.addAttribute("scale", java.util.List.of(ReviewItem.Rating.POOR, ReviewItem.Rating.NEEDS_IMPROVEMENT,
                ReviewItem.Rating.GOOD, ReviewItem.Rating.EXCELLENT));
        model.addAttribute("errors", errors);
        model.addAttribute("form", values);
        return "assessment/crime";
    }

    @PostMapping("/deep-dive/{id}/crimes/{position}")
    String review(@PathVariable("id") String id, @PathVariable("position") String position,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long sampleId = RequestValues.id(id);
        int pos = (int) RequestValues.id(position);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<ReviewItem, ReviewItem.Rating> ratings = new LinkedHashMap<>();
        for (ReviewItem item : ReviewItem.values()) {
            ratings.put(item, ReviewItem.Rating.of(params.get(item.code())));
        }
        String missed = params.get("missedOpportunity");
        DeepDiveService.ReviewForm f = new DeepDiveService.ReviewForm(ratings,
                "yes".equals(missed) ? Boolean.TRUE : "no".equals(missed) ? Boolean.FALSE : null,
                RequestValues.text(params.get("missedNote"), "missedNote", "Missed opportunity", DeepDiveService.TEXT_LIMIT,
                        errors),
                RequestValues.text(params.get("learning"), "learning", "Learning", DeepDiveService.TEXT_LIMIT, errors));
        try {
            deepDive.review(user, sampleId, pos, f, errors);
        } catch (Invalid e) {
            if (e.errors().containsKey("sample")) {
                throw notFound();
            }
            return crimePage(sampleId, pos, user, model, e.errors(), params);
        }
        flash.addFlashAttribute("success", "Review saved for sample crime " + pos);
        return "redirect:/deep-dive/" + sampleId;
    }

    @GetMapping("/deep-dive/{id}/findings")
    String findings(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        DeepDiveService.Findings f = deepDive.findings(user, RequestValues.id(id)).orElseThrow(DeepDiveController::notFound);
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("findings", f);
        return "assessment/findings";
    }
}
