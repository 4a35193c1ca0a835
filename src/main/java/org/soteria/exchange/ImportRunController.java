package org.soteria.exchange;

import org.soteria.platform.ForceMode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Import runs: the list, one run's counts and problems, and its report as CSV. */
@Controller
@ForceMode
public class ImportRunController {

    private static final int RUNS_PER_PAGE = 20;
    private static final int PROBLEMS_PER_PAGE = 50;

    private final ImportService imports;
    private final AuditService audit;

    public ImportRunController(ImportService imports, AuditService audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @GetMapping("/imports")
    String list(@RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        int p = RequestValues.page(page);
        long total = imports.runCount(user.forceCode());
        model.addAttribute("activeNav", "imports");
        model.addAttribute("runs", imports.runs(user.forceCode(), RUNS_PER_PAGE, (p - 1) * RUNS_PER_PAGE));
        model.addAttribute("page", p);
        model.addAttribute("pages", (int) Math.max(1, (total + RUNS_PER_PAGE - 1) / RUNS_PER_PAGE));
        return "exchange/imports";
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable("id") String runId, @RequestParam(name = "page", required = false) String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        long id = RequestValues.id(runId);
        ImportRunSummary run = imports.run(user.forceCode(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int p = RequestValues.page(page);
        long problems = imports.problemCount(id, user.forceCode());
        model.addAttribute("activeNav", "imports");
        model.addAttribute("run", run);
        model.addAttribute("counts", imports.counts(id));
        model.addAttribute("problems", imports.problems(id, user.forceCode(), user.getUsername(), PROBLEMS_PER_PAGE,
                (p - 1) * PROBLEMS_PER_PAGE));
        model.addAttribute("problemCount", problems);
        model.addAttribute("page", p);
        model.addAttribute("pages", (int) Math.max(1, (problems + PROBLEMS_PER_PAGE - 1) / PROBLEMS_PER_PAGE));
        if (problems > 0) {
            // Rejected values can be personal data (a name, a date of birth).
            audit.record(user.getUsername(), user.role().code(), AuditAction.VIEW, "import_run", Long.toString(id), "problems page " + p);
        }
        return "exchange/import-run";
    }

    @GetMapping("/imports/{id}/report.csv")
    void report(@PathVariable("id") String runId, @AuthenticationPrincipal SoteriaUser user,
            HttpServletResponse response) throws IOException {
        long id = RequestValues.id(runId);
        imports.run(user.forceCode(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(user.getUsername(), user.role().code(), AuditAction.EXPORT, "import_run", Long.toString(id), "report.csv");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-run-" + id + "-report.csv\"");
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ReportCsv.write(imports.problems(id, user.forceCode(), user.getUsername(), Integer.MAX_VALUE, 0), w);
        w.flush();
    }
}
