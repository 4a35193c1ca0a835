package org.soteria.network;

import java.util.List;
import java.util.Locale;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.performance.Table;
import org.soteria.performance.TableFiles;
import org.soteria.performance.Words;
import org.soteria.platform.HubMode;
import org.soteria.security.SoteriaUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national team's view of forces' progress (hub mode): the maturity heat map, pillar by force with its change
 * since each force's previous cycle, and improvement plans across forces; downloads in CSV and XLSX.
 */
@Controller
@HubMode
class HubProgressController {

    private final HubProgress progress;
    private final MessageSource messages;
    private final AuditService audit;

    HubProgressController(HubProgress progress, MessageSource messages, AuditService audit) {
        this.progress = progress;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/hub/maturity")
    String maturity(Model model) {
        model.addAttribute("activeNav", "hub-maturity");
        model.addAttribute("map", progress.heatMap());
        model.addAttribute("plans", progress.plans());
        return "hub/maturity";
    }

    /** The maturity table as CSV ({@code table=plans}: the plans table). */
    @GetMapping("/hub/maturity.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal SoteriaUser user,
            @RequestParam(required = false) String table) {
        List<Table> tables = progress.tables();
        boolean plans = "plans".equals(table);
        return download(user, plans ? "soteria-plans" : "soteria-maturity", List.of(tables.get(plans ? 1 : 0)), false);
    }

    @GetMapping("/hub/maturity.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal SoteriaUser user) {
        return download(user, "soteria-maturity-and-plans", progress.tables(), true);
    }

    /** Tables of forces' aggregates (no person in them), logged as any export is. */
    private ResponseEntity<byte[]> download(SoteriaUser user, String name, List<Table> tables, boolean workbook) {
        Locale locale = LocaleContextHolder.getLocale();
        audit.record(user.getUsername(), user.role().name(), AuditAction.EXPORT, "hub_progress", name,
                "forces' self-assessment maturity and plan progress, " + (workbook ? "XLSX" : "CSV"));
        return TableFiles.download(name, tables, workbook, new Words(messages, locale));
    }
}
