package org.soteria.suspect;

import org.soteria.platform.ForceMode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.soteria.platform.CsvWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The repeat-suspect register: its list, its CSV and an entry's linked records and crimes. */
@Controller
@ForceMode
class RegisterController {

    private static final int PAGE_SIZE = 25;

    private final RepeatSuspectService register;
    private final SuspectService suspects;
    private final LinkageService linkage;

    RegisterController(RepeatSuspectService register, SuspectService suspects, LinkageService linkage) {
        this.register = register;
        this.suspects = suspects;
        this.linkage = linkage;
    }

    @GetMapping("/repeat-suspects")
    String list(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "disruption", required = false) String disruption,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "page", required = false) String page, Model model) {
        status = FormValues.oneOf(status, "confirmed", "possible");
        disruption = FormValues.oneOf(disruption, "active", "none");
        sort = FormValues.oneOf(sort, "latest", "crimes");
        RepeatSuspectService.Register reg = register.register();
        List<RepeatSuspectService.Entry> visible = register.visible(user, reg);
        RepeatSuspectService.Page p = RepeatSuspectService.page(visible, status, disruption, name, sort,
                RequestValues.page(page), PAGE_SIZE);
        List<SuspectRepository.Person> shown = new ArrayList<>();
        p.entries().forEach(e -> shown.add(e.latest()));
        suspects.audited(user, AuditAction.VIEW, "repeat-suspect-register", "page " + p.page(), shown,
                p.total() + " entries; filters status=" + status + " disruption=" + disruption + " name=" + (name != null
                        && !name.isBlank()));
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("page", p);
        model.addAttribute("status", status);
        model.addAttribute("disruption", disruption);
        model.addAttribute("name", name);
        model.addAttribute("sort", sort);
        model.addAttribute("asOf", reg.asOf());
        model.addAttribute("minimum", register.minimumCrimes());
        model.addAttribute("years", register.lookbackYears());
        model.addAttribute("strategy", register.strategyName());
        model.addAttribute("strategyHelp", register.strategyDescription());
        model.addAttribute("awaiting", user.can(Permission.REVIEW_PERSON_LINKS) ? suspects.awaiting(user).size() : -1);
        model.addAttribute("lastRun", linkage.lastRun().orElse(null));
        String query = query(status, disruption, name, sort);
        model.addAttribute("pageBaseUrl", "/repeat-suspects?" + (query.isEmpty() ? "" : query.substring(1) + "&"));
        return "suspect/register";
    }

    private static String query(String status, String disruption, String name, String sort) {
        StringBuilder b = new StringBuilder();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("status", status);
        q.put("disruption", disruption);
        q.put("name", name == null ? "" : name);
        q.put("sort", sort);
        q.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    @GetMapping("/repeat-suspects.csv")
    void export(@AuthenticationPrincipal SoteriaUser user, HttpServletResponse response) throws IOException {
        RepeatSuspectService.Register reg = register.register();
        List<RepeatSuspectService.Entry> visible = register.visible(user, reg);
        List<SuspectRepository.Person> people = new ArrayList<>();
        visible.forEach(e -> people.addAll(e.records()));
        suspects.audited(user, AuditAction.EXPORT, "repeat-suspect-register", "csv", people,
                visible.size() + " entries as of " + reg.asOf());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"repeat-suspects-" + reg.asOf() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer w = response.getWriter();
        try (CsvWriter out = CsvWriter.forPeople(w, "entry", "status", "name", "date_of_birth", "pnc_id", "records", "crimes_in_window",
                    "latest_crime", "priority", "priority_components", "crime_refs", "active_orders", "links_awaiting_review")) {
            for (RepeatSuspectService.Entry e : visible) {
                out.row(e.id(), e.confirmed() ? "repeat" : "possible", e.latest().name(),
                        e.latest().dateOfBirth(), e.latest().pncId(), e.records().size(), e.countedCrimes(), e.latestCrime(), e.priority().score(),
                        e.priority().components().stream().map(c -> c.name() + " " + c.points()).reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                        String.join(" ", e.crimes().stream().map(RepeatSuspectService.CrimeRow::label).toList()),
                        String.join("; ", e.activeOrders().stream().map(o -> SuspectService.orderTypeLabel(o.type())).toList()),
                        e.awaitingReview());
            }
        }
    }

    @GetMapping("/repeat-suspects/{id}")
    String entry(@AuthenticationPrincipal SoteriaUser user, @PathVariable("id") String id, Model model) {
        RepeatSuspectService.Entry e = register.entry(user, RequestValues.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        suspects.audited(user, AuditAction.VIEW, "repeat-suspect", Long.toString(e.id()), e.records(), e.status());
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("entry", e);
        model.addAttribute("asOf", register.today());
        model.addAttribute("canManage", user.can(Permission.MANAGE_DISRUPTION));
        model.addAttribute("canReview", user.can(Permission.REVIEW_PERSON_LINKS));
        return "suspect/entry";
    }
}
