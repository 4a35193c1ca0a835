package org.soteria.investigation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditQuery;
import org.soteria.audit.AuditRecord;
import org.soteria.audit.AuditService;
import org.soteria.platform.ForceMode;
import org.soteria.security.AccessGrant;
import org.soteria.security.AccessService;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who can see a crime and who has: its grants (which the team's supervisor can add to and withdraw)
 * and every audit record naming it. Open to the crime's supervisors and to auditors of its force;
 * it shows references and user names only, no personal data of victims or suspects.
 */
@Controller
@ForceMode
public class CaseAccessController {

    static final int PAGE_SIZE = 50;

    private final InvestigationService investigations;
    private final AccessService access;
    private final AuditService audit;
    private final UserService users;
    private final List<CaseOutsiders> outsiders;

    public CaseAccessController(InvestigationService investigations, AccessService access, AuditService audit,
            UserService users, List<CaseOutsiders> outsiders) {
        this.outsiders = outsiders;
        this.users = users;
        this.investigations = investigations;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/cases/{id}/access")
    String show(@PathVariable("id") String id, @RequestParam(name = "page", defaultValue = "1") String page,
            @RequestParam(name = "granted", required = false) String granted,
            @RequestParam(name = "withdrawn", required = false) String withdrawn,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        long crimeId = RequestValues.id(id);
        model.addAttribute("success", granted != null ? "{caseAccess.done.given}" : withdrawn != null
                ? "{caseAccess.done.withdrawn}" : null);
        return page(crimeId, RequestValues.page(page), user, model, new LinkedHashMap<>(), "", "", "");
    }

    @PostMapping("/cases/{id}/access/grants")
    String grant(@PathVariable("id") String id, @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "until", defaultValue = "") String until,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        long crimeId = RequestValues.id(id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate end = FormValues.date(until, "until", "field.theEndDate", errors);
        if (errors.isEmpty()) {
            try {
                access.grant(user, crimeId, username, end, reason);
                return "redirect:/cases/" + crimeId + "/access?granted";
            } catch (AccessService.Refused e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        model.addAttribute("done", null);
        return page(crimeId, 1, user, model, errors, username, until, reason);
    }

    @PostMapping("/cases/{id}/access/grants/{grantId}/withdraw")
    String withdraw(@PathVariable("id") String id, @PathVariable("grantId") String grantId,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        long crimeId = RequestValues.id(id);
        try {
            access.revoke(user, crimeId, RequestValues.id(grantId));
            return "redirect:/cases/" + crimeId + "/access?withdrawn";
        } catch (AccessService.Refused e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("grants", e.getMessage());
            model.addAttribute("done", null);
            return page(crimeId, 1, user, model, errors, "", "", "");
        }
    }

    private String page(long crimeId, int page, SoteriaUser user, Model model, Map<String, String> errors,
            String username, String until, String reason) {
        String ref = reference(crimeId, user);
        boolean canManage = access.canManage(user, crimeId);
        List<AccessGrant> grants = access.grants(crimeId);
        AuditQuery query = AuditQuery.forRecord(ref);
        List<AuditRecord> accesses = audit.search(query, page, PAGE_SIZE + 1);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "access_log", ref)
                .justification(user.can(Permission.SEARCH_AUDIT_LOG) ? "auditor" : "supervises the crime's team")
                .detail("who has accessed this case, page " + page));
        model.addAttribute("activeNav", "cases");
        model.addAttribute("crimeId", crimeId);
        model.addAttribute("crimeRef", ref.substring(ref.indexOf(':') + 1));
        model.addAttribute("canOpenCase", investigations.access(crimeId, user).isPresent());
        model.addAttribute("canManage", canManage);
        model.addAttribute("grants", grants);
        model.addAttribute("partners", outsiders.stream().flatMap(o -> o.of(crimeId).stream()).toList());
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("accesses", accesses.size() > PAGE_SIZE ? accesses.subList(0, PAGE_SIZE) : accesses);
        model.addAttribute("hasNext", accesses.size() > PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("errors", errors);
        model.addAttribute("username", username);
        model.addAttribute("colleagues", canManage ? users.colleagues(user, Permission.VIEW_CASES::grantedTo) : Map.of());
        model.addAttribute("until", until);
        model.addAttribute("reason", reason);
        model.addAttribute("maxDays", AccessService.MAX_GRANT_DAYS);
        return "investigation/case-access";
    }

    /**
     * The crime's force-qualified reference when this user may see its access log: an auditor of its
     * force, or someone who supervises its team. Otherwise not found, as for a crime that does not exist.
     */
    private String reference(long crimeId, SoteriaUser user) {
        if (!investigations.canSeeAccessLog(crimeId, user)) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "access_log",
                    "id:" + crimeId).detail("access log: not the crime's supervisor (answered as not found)"));
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return investigations.reference(crimeId, user.forceCode())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
