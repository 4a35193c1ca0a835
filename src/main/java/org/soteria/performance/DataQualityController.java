package org.soteria.performance;

import java.util.List;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What a force's data is worth for the measures, and where to fix it. */
@Controller
@ForceMode
class DataQualityController {

    private final DataQualityRepository repository;
    private final AuditService audit;

    private final org.springframework.context.MessageSource messages;

    DataQualityController(DataQualityRepository repository, AuditService audit,
            org.springframework.context.MessageSource messages) {
        this.repository = repository;
        this.audit = audit;
        this.messages = messages;
    }

    List<Dashboard.View> views(SoteriaUser user) {
        return List.of(
                new Dashboard.View("gaps", new Table("Missing and invalid values by team", List.of("Team", "Crimes",
                        "No officer in the case", "Officer not in the officers list", "No offence date",
                        "Third-party report without a consent value", "No victim linked", "A victim without an age",
                        "A suspect without a relationship", "A key event without an event id"),
                        repository.gapsByTeam(user.forceCode())), null),
                new Dashboard.View("unmapped", new Table("Local codes without a mapping", List.of("File", "Column",
                        "Local value", "Rows rejected", "Last import run"), repository.unmappedCodes()), null),
                new Dashboard.View("rejections", new Table("Rows rejected by imports", List.of("File", "Column",
                        "Rows rejected", "Last import run"), repository.rejectionsByColumn()), null));
    }

    @GetMapping("/performance/data-quality")
    String page(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "performance");
        model.addAttribute("views", Dashboard.byKey(views(user)));
        model.addAttribute("fmt", new CellFormat());
        model.addAttribute("queryString", "");
        audit.record(user.getUsername(), user.role().code(), AuditAction.VIEW, "data_quality",
                user.forceCode() == null ? "all forces" : user.forceCode(), "data quality page");
        return "performance/data-quality";
    }

    @GetMapping({"/performance/data-quality.xlsx", "/performance/data-quality/{view}.csv",
        "/performance/data-quality/{view}.xlsx"})
    ResponseEntity<byte[]> download(@org.springframework.web.bind.annotation.PathVariable(name = "view",
            required = false) String view, @AuthenticationPrincipal SoteriaUser user,
            jakarta.servlet.http.HttpServletRequest request) {
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        List<Table> tables = views(user).stream().filter(v -> view == null || v.key().equals(view))
                .map(Dashboard.View::table).toList();
        if (tables.isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        audit.record(user.getUsername(), user.role().code(), AuditAction.EXPORT, "data_quality",
                user.forceCode() == null ? "all forces" : user.forceCode(),
                (view == null ? "data-quality" : view) + (xlsx ? ".xlsx" : ".csv"));
        return TableFiles.download("soteria-data-quality" + (view == null ? "" : "-" + view), tables, xlsx,
                new Words(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }
}
