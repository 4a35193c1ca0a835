package org.soteria.assessment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.soteria.platform.CsvWriter;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.survey.SurveyResults;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The deep-dive report (issue 26): a printable page and its figures as CSV. */
@Controller
@ForceMode
class DeepDiveReportController {

    private final DeepDiveReport reports;

    DeepDiveReportController(DeepDiveReport reports) {
        this.reports = reports;
    }

    /** The wave asked for: none given, the newest closed; "none", no survey; otherwise its number. */
    private static Long wave(String survey) {
        if (survey == null || survey.isBlank()) {
            return null;
        }
        return "none".equals(survey) ? 0L : RequestValues.id(survey);
    }

    @GetMapping("/deep-dive/{id}/report")
    String report(@PathVariable("id") String id, @RequestParam(name = "survey", required = false) String survey,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        DeepDiveReport.Report r = reports.of(user, RequestValues.id(id), wave(survey), false)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", r);
        model.addAttribute("activeNav", "deep-dive");
        return "assessment/report";
    }

    /**
     * The report's figures: each case-review item, survey statement and pillar mean, and measure by pillar; the focus
     * groups' themes by their titles and counts (their notes are read on the page); no reviewer's notes. An export.
     */
    @GetMapping("/deep-dive/{id}/report.csv")
    void csv(@PathVariable("id") String id, @RequestParam(name = "survey", required = false) String survey,
            @AuthenticationPrincipal SoteriaUser user, HttpServletResponse response) throws IOException {
        DeepDiveReport.Report r = reports.of(user, RequestValues.id(id), wave(survey), true)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"deep-dive-" + r.findings().sample().id()
                + "-report.csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (CsvWriter out = CsvWriter.forPeople(response.getWriter(), "pillar", "source", "item", "count", "value",
                "note")) {
            for (DeepDiveReport.Part p : r.parts()) {
                for (DeepDiveService.Finding f : p.findings()) {
                    if (!f.item().rated()) {
                        out.row(p.number(), "case_review", f.item().code(), f.words().size(), null,
                                "answers in the reviewers' words, read on the findings page");
                        continue;
                    }
                    String scale = "mean score 1 to " + f.item().scale().top();
                    out.row(p.number(), "case_review", f.item().code(), f.rated(), rounded(f.meanScore()),
                            f.weightedBelowGood() == null ? scale : scale + "; short of good (below good, partly or "
                                    + "no), weighted to the caseload: " + rounded(f.weightedBelowGood()));
                }
                if (p.missed() != null) {
                    out.row(p.number(), "case_review", Answers.MISSED, r.findings().crimes(), p.missed().crimes(),
                            "crimes with a missed opportunity, of the crimes reviewed");
                }
                if (p.surveyMean() != null && !p.surveyMean().withheld()) {
                    out.row(p.number(), "survey", "pillar_mean", p.surveyMean().respondents(),
                            rounded(p.surveyMean().mean()), "mean 1 (strongly disagree) to 5 (strongly agree)");
                }
                for (SurveyResults.Item i : p.statements()) {
                    out.row(p.number(), "survey", i.question().code(), i.withheld() ? null : i.answered(),
                            i.withheld() ? null : rounded(i.mean()), i.withheld() ? "too few answers to show"
                                    : "share agreeing: " + rounded(i.agreeing()));
                }
                for (var t : p.themes()) {
                    out.row(p.number(), "focus_group", t.theme(), t.participants(), null, "held " + t.heldOn());
                }
                for (DeepDiveReport.Figure d : p.data()) {
                    out.row(p.number(), "data", d.measure().key(), null, d.withheld() || d.value() == null ? null
                            : d.value(), d.withheld() ? "withheld" : d.measure().basis());
                }
            }
        }
    }

    private static Double rounded(Double v) {
        return v == null ? null : Math.round(v * 10_000) / 10_000.0;
    }
}
