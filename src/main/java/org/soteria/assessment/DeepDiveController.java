package org.soteria.assessment;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
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

/** The deep-dive pages: samples, drawing one, a sample's crimes and agreement, a crime's review, findings. */
@Controller
@ForceMode
class DeepDiveController {

    private final DeepDiveService deepDive;
    private final ImprovementService plan;
    private final DeepDiveSettlements settlements;
    private final ReviewTemplates templates;

    DeepDiveController(DeepDiveService deepDive, ImprovementService plan, DeepDiveSettlements settlements,
            ReviewTemplates templates) {
        this.templates = templates;
        this.deepDive = deepDive;
        this.plan = plan;
        this.settlements = settlements;
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
        form.put("allocation", SampleAllocation.EQUAL.code());
        templates.published().stream().findFirst().ifPresent(t -> form.put("template", String.valueOf(t.id())));
        return samplesPage(user, model, Map.of(), form);
    }

    private String samplesPage(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("samples", deepDive.samples(user));
        model.addAttribute("canDraw", user.can(Permission.MANAGE_CASE_REVIEWS));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("allocations", java.util.List.of(SampleAllocation.values()));
        Map<String, String> versions = new LinkedHashMap<>();
        templates.published().forEach(t -> versions.put(String.valueOf(t.id()), Fault.of("reviewTemplate.nameVersion",
                Fault.words(t.words()), t.version(), t.items())));
        model.addAttribute("templates", versions);
        return "assessment/samples";
    }

    @PostMapping("/deep-dive/new")
    String draw(@Valid AssessmentForms.Sample form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        try {
            long id = deepDive.draw(user, FormValues.text(form.title()), FormValues.date(form.from()),
                    FormValues.date(form.to()), FormValues.integer(form.perStratum()), form.allocation(),
                    FormValues.number(form.seed()), FormValues.number(form.template()), FormErrors.of(binding));
            flash.addFlashAttribute("success", "{assessmentDone.sampleDrawnItsSeedIs}");
            return "redirect:/deep-dive/" + id;
        } catch (Invalid e) {
            return samplesPage(user, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
    }

    @GetMapping("/deep-dive/{id}")
    String sample(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        DeepDiveService.SamplePage page = deepDive.sample(user, RequestValues.id(id)).orElseThrow(
                DeepDiveController::notFound);
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("page", page);
        model.addAttribute("canDraw", user.can(Permission.MANAGE_CASE_REVIEWS));
        model.addAttribute("canSeeTemplates", user.can(Permission.VIEW_REVIEW_TEMPLATES));
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
                for (ReviewItem item : file.items()) {
                    ReviewItem.Rating r = file.mine().ratings().get(item.code());
                    values.put(item.code(), r != null ? r.code() : file.mine().notes().get(item.code()));
                }
                values.put("missedOpportunity", file.mine().missedOpportunity() ? "yes" : "no");
                values.put("missedNote", file.mine().missedNote());
                values.put("learning", file.mine().learning());
            }
        }
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("file", file);
        model.addAttribute("errors", errors);
        model.addAttribute("form", values);
        return "assessment/crime";
    }

    @PostMapping("/deep-dive/{id}/crimes/{position}")
    String review(@PathVariable("id") String id, @PathVariable("position") String position,
            @Valid AssessmentForms.FileReview form, BindingResult binding, @RequestParam Map<String, String> given,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long sampleId = RequestValues.id(id);
        int pos = (int) RequestValues.id(position);
        try {
            deepDive.review(user, sampleId, pos, form.read(given), FormErrors.of(binding));
        } catch (Invalid e) {
            if (e.errors().containsKey("sample")) {
                throw notFound();
            }
            // The service says the faults in the page's order: the items, then the fixed part.
            Map<String, String> values = new LinkedHashMap<>(given);
            values.putAll(FormErrors.values(form));
            return crimePage(sampleId, pos, user, model, e.errors(), values);
        }
        flash.addFlashAttribute("success", Fault.of("assessmentDone.reviewSaved", pos));
        return "redirect:/deep-dive/" + sampleId;
    }

    @GetMapping("/deep-dive/{id}/findings")
    String findings(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        DeepDiveService.Findings f = deepDive.findings(user, RequestValues.id(id)).orElseThrow(DeepDiveController::notFound);
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("findings", f);
        model.addAttribute("answering", plan.answering(user, Answers.Kind.DEEP_DIVE, f.sample().id()));
        return "assessment/findings";
    }

    @GetMapping("/deep-dive/{id}/disagreements")
    String disagreements(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return disagreementsPage(RequestValues.id(id), user, model, Map.of());
    }

    private String disagreementsPage(long sampleId, SoteriaUser user, Model model, Map<String, String> errors) {
        model.addAttribute("disagreements", settlements.disagreements(user, sampleId)
                .orElseThrow(DeepDiveController::notFound));
        model.addAttribute("sample", deepDive.sample(user, sampleId).orElseThrow(DeepDiveController::notFound).sample());
        model.addAttribute("activeNav", "deep-dive");
        model.addAttribute("errors", errors);
        return "assessment/disagreements";
    }

    @PostMapping("/deep-dive/{id}/disagreements")
    String settle(@PathVariable("id") String id, @RequestParam(name = "position", defaultValue = "0") String position,
            @RequestParam(name = "item", required = false) String item,
            @RequestParam(name = "rating", required = false) String rating,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long sampleId = RequestValues.id(id);
        int pos = (int) RequestValues.id(position);
        try {
            settlements.settle(user, sampleId, pos, item, rating);
        } catch (Invalid e) {
            if (e.errors().containsKey("sample")) {
                throw notFound();
            }
            return disagreementsPage(sampleId, user, model, e.errors());
        }
        flash.addFlashAttribute("success", Fault.of("assessmentDone.settled", pos));
        return "redirect:/deep-dive/" + sampleId + "/disagreements";
    }

    /**
     * The findings as a CSV for the deep-dive report (issue 26): each item's counts by crime, its mean, where reviewers
     * differed and the figures weighted back to the caseload, then the missed opportunities. No reviewer's notes: they
     * are read on the page. Audited as an export.
     */
    @GetMapping("/deep-dive/{id}/findings.csv")
    void findingsCsv(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        DeepDiveService.Findings f = deepDive.findingsExport(user, RequestValues.id(id))
                .orElseThrow(DeepDiveController::notFound);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"deep-dive-" + f.sample().id()
                + "-findings.csv\"");
        response.setHeader("Cache-Control", "no-store");
        List<ReviewItem.Rating> ratings = List.of(ReviewItem.Rating.values());
        List<String> header = new java.util.ArrayList<>(List.of("pillar", "item", "scale", "crimes_rated"));
        ratings.forEach(r -> header.add(r.code()));
        header.addAll(List.of("mean_score", "scale_top", "reviewers_differed", "short_of_good_weighted",
                "mean_score_weighted", "answers_written"));
        try (org.soteria.platform.CsvWriter out = org.soteria.platform.CsvWriter.forPeople(response.getWriter(),
                header.toArray(String[]::new))) {
            for (var pillar : f.byPillar().entrySet()) {
                for (DeepDiveService.Finding x : pillar.getValue()) {
                    List<Object> row = new java.util.ArrayList<>(List.of(pillar.getKey(), x.item().code(),
                            x.item().scale().code()));
                    row.add(x.item().rated() ? x.rated() : null);
                    ratings.forEach(r -> row.add(x.counts().get(r)));
                    row.addAll(java.util.Arrays.asList(rounded(x.meanScore(), 2), x.item().rated() ? x.item().scale().top()
                            : null, x.item().rated() ? x.disagreed() : null, rounded(x.weightedBelowGood(), 4),
                            rounded(x.weightedMeanScore(), 2), x.item().rated() ? null : x.words().size()));
                    out.row(row);
                }
            }
            List<Object> missed = new java.util.ArrayList<>(java.util.Arrays.asList(
                    "2. Identifying and disrupting repeat suspects", Answers.MISSED, "yes_no", f.crimes()));
            ratings.forEach(r -> missed.add(r == ReviewItem.Rating.YES ? f.missed().crimes()
                    : r == ReviewItem.Rating.NO ? f.crimes() - f.missed().crimes() : null));
            missed.addAll(java.util.Arrays.asList(null, null, f.missed().disagreed(), null, null, null));
            out.row(missed);
        }
    }

    private static String rounded(Double value, int places) {
        return value == null ? "" : new java.math.BigDecimal(value).setScale(places, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
