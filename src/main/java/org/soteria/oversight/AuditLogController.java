package org.soteria.oversight;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditQuery;
import org.soteria.audit.AuditRecord;
import org.soteria.audit.AuditService;
import org.soteria.audit.AuditVerification;
import org.soteria.audit.AuditVerifier;
import org.soteria.platform.CsvWriter;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.security.AccessService;
import org.soteria.security.BreakGlassAccess;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's pages: search the s.62 log, review break-glass accesses, and export every record
 * that names a person or crime for a subject access or ICO request (the export is itself logged).
 */
@Controller
public class AuditLogController {

    static final int PAGE_SIZE = 50;
    static final long COUNT_CAP = 10_000;

    private final AuditService audit;
    private final AccessService access;
    private final AuditVerifier verifier;

    public AuditLogController(AuditService audit, AccessService access, AuditVerifier verifier) {
        this.audit = audit;
        this.access = access;
        this.verifier = verifier;
    }

    /**
     * Checks the whole log as {@code soteria audit verify} does (no record edited, removed, inserted or reordered,
     * every checkpoint signed, none beyond the end), and records that the check was made and what it found.
     */
    @PostMapping("/audit/verify")
    String verify(@AuthenticationPrincipal SoteriaUser auditor, RedirectAttributes redirect) {
        AuditVerification v = verifier.verify();
        String found = v.intact() ? "intact: " + v.recordsChecked() + " records, " + v.checkpointsChecked()
                + " signed checkpoints" : "BROKEN at record " + v.firstBrokenSeq() + ": " + v.problem();
        audit.record(AuditEntry.of(auditor.getUsername(), auditor.role().code(), AuditAction.VIEW, "audit_log", null)
                .justification("auditor").detail("audit log verified from the auditor's page: " + found));
        if (v.intact()) {
            redirect.addFlashAttribute("success", Fault.of("auditLog.verified", Fault.count(v.recordsChecked()),
                    Fault.count(v.checkpointsChecked())));
        } else {
            redirect.addFlashAttribute("problem", Fault.of("auditLog.broken", v.firstBrokenSeq(), v.problem()));
        }
        return "redirect:/audit";
    }

    @GetMapping("/audit")
    String search(@RequestParam(name = "user", required = false) String user,
            @RequestParam(name = "record", required = false) String record,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "breakGlass", required = false) String breakGlass,
            @RequestParam(name = "page", defaultValue = "1") String page,
            @AuthenticationPrincipal SoteriaUser auditor, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditQuery query = query(user, searchable(record, auditor), action, from, to, breakGlass, errors);
        int p = RequestValues.page(page);
        List<AuditRecord> rows = audit.search(query, p, PAGE_SIZE);
        long total = audit.count(query, COUNT_CAP + 1);
        audit.record(AuditEntry.of(auditor.getUsername(), auditor.role().code(), AuditAction.SEARCH, "audit_log",
                null).justification("auditor").detail("audit search " + describe(query) + ", page " + p));
        model.addAttribute("activeNav", "audit");
        model.addAttribute("rows", rows);
        model.addAttribute("total", Math.min(total, COUNT_CAP));
        model.addAttribute("capped", total > COUNT_CAP);
        model.addAttribute("page", p);
        model.addAttribute("pages", (int) Math.max(1, (Math.min(total, COUNT_CAP) + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("errors", errors);
        model.addAttribute("user", user == null ? "" : user);
        model.addAttribute("record", record == null ? "" : record);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("breakGlass", query.breakGlassOnly());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("unreviewed", access.unreviewedBreakGlass());
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/audit");
        addParam(b, "user", user);
        addParam(b, "record", record);
        addParam(b, "action", action);
        addParam(b, "from", from);
        addParam(b, "to", to);
        if (query.breakGlassOnly()) {
            b.queryParam("breakGlass", "true");
        }
        String base = b.encode().build().toUriString();
        model.addAttribute("pageBaseUrl", base + (base.contains("?") ? "&" : "?"));
        model.addAttribute("exportUrl", base.replaceFirst("^/audit", "/audit/export.csv"));
        model.addAttribute("queryEmpty", query.isEmpty());
        return "oversight/audit-log";
    }

    @GetMapping("/audit/export.csv")
    void export(@RequestParam(name = "user", required = false) String user,
            @RequestParam(name = "record", required = false) String record,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "breakGlass", required = false) String breakGlass,
            @AuthenticationPrincipal SoteriaUser auditor, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditQuery query = query(user, searchable(record, auditor), action, from, to, breakGlass, errors);
        if (!errors.isEmpty() || query.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST,
                    "Choose a user, record or dates to export, in the forms the search page shows");
            return;
        }
        audit.record(AuditEntry.of(auditor.getUsername(), auditor.role().code(), AuditAction.EXPORT, "audit_log",
                query.record()).justification("auditor: subject access or ICO request")
                .detail("audit export " + describe(query)));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-export.csv\"");
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.forPeople(w, "seq", "at", "username", "role", "action", "operation", "object_type",
                "object_ref", "records", "justification", "break_glass", "source_address", "request_id", "detail");
        audit.forEachMatching(query, r -> {
            try {
                csv.row(r.seq(), r.at(), r.username(), r.userRole(), r.action(), r.operation(), r.objectType(),
                        r.objectRef(), String.join(" ", r.records()), r.justification(), r.breakGlass(),
                        r.sourceAddress(), r.requestId(), r.detail());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    @GetMapping("/audit/break-glass")
    String breakGlass(@RequestParam(name = "all", required = false) String all,
            @RequestParam(name = "page", defaultValue = "1") String page,
            @AuthenticationPrincipal SoteriaUser auditor, Model model) {
        boolean unreviewedOnly = all == null;
        int p = RequestValues.page(page);
        List<BreakGlassAccess> rows = access.breakGlassAccesses(unreviewedOnly, p, PAGE_SIZE + 1);
        // The reasons officers give can name people, so reading them is a consultation like any other.
        audit.record(AuditEntry.of(auditor.getUsername(), auditor.role().code(), AuditAction.SEARCH, "break_glass",
                null).records(rows.stream().map(BreakGlassAccess::crime).toList()).justification("auditor")
                .detail("break-glass review list, page " + p));
        model.addAttribute("activeNav", "audit");
        model.addAttribute("rows", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("unreviewedOnly", unreviewedOnly);
        model.addAttribute("unreviewed", access.unreviewedBreakGlass());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "oversight/break-glass-review";
    }

    @PostMapping("/audit/break-glass/{id}")
    String review(@PathVariable("id") String id, @RequestParam(name = "note", defaultValue = "") String note,
            @AuthenticationPrincipal SoteriaUser auditor, Model model) {
        try {
            access.reviewBreakGlass(auditor, RequestValues.id(id), note);
            return "redirect:/audit/break-glass?reviewed=" + RequestValues.id(id);
        } catch (AccessService.Refused e) {
            model.addAttribute("errors", Map.of("note-" + RequestValues.id(id), e.getMessage()));
            return breakGlass(null, "1", auditor, model);
        }
    }

    private static void addParam(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.trim());
        }
    }

    private static AuditQuery query(String user, String record, String action, String from, String to,
            String breakGlass, Map<String, String> errors) {
        AuditAction a = null;
        if (action != null && !action.isBlank()) {
            try {
                a = AuditAction.valueOf(action.trim());
            } catch (IllegalArgumentException e) {
                errors.put("action", "{auditError.chooseAnActionFromThe}");
            }
        }
        LocalDate f = FormValues.date(from, "from", "From", errors);
        LocalDate t = FormValues.date(to, "to", "To", errors);
        if (f != null && t != null && f.isAfter(t)) {
            errors.put("to", "{caseworkError.toMustBeTheSame}");
            t = null;
        }
        return new AuditQuery(user, record, a, f == null ? null : f.atStartOfDay(DatabaseConfig.LONDON).toInstant(),
                t == null ? null : t.plusDays(1).atStartOfDay(DatabaseConfig.LONDON).toInstant(),
                "true".equals(breakGlass));
    }

    /** "search:Smith" becomes the keyed reference under which the log keeps searches for Smith. */
    /**
     * The record as the log keeps it, from what the auditor typed: a search term ({@code search:Smith}); the log's
     * own form ({@code NWP:NWP/2026/000995}, {@code NWP:person:NWP-P0001234}); or the crime reference or person id
     * as every other page shows it ({@code NWP/2026/000995}, {@code NWP-P0001234}), of the auditor's force: a
     * person's id when the log knows it as one, else a crime's.
     */
    private String searchable(String record, SoteriaUser auditor) {
        if (record == null || record.isBlank()) {
            return record;
        }
        String typed = record.trim();
        if (typed.toLowerCase(java.util.Locale.ROOT).startsWith(AuditService.SEARCH_TERM_PREFIX)) {
            return audit.searchTermRef(auditor.forceCode(), typed.substring(AuditService.SEARCH_TERM_PREFIX.length()));
        }
        if (typed.contains(":")) {
            return typed;
        }
        String person = auditor.forceCode() + ":person:" + typed;
        return audit.count(AuditQuery.forRecord(person), 1) > 0 ? person : auditor.forceCode() + ":" + typed;
    }

    private static String describe(AuditQuery q) {
        return "user=" + q.username() + " record=" + q.record() + " action=" + q.action() + " from=" + q.from()
                + " to=" + q.to() + (q.breakGlassOnly() ? " break-glass only" : "");
    }
}
