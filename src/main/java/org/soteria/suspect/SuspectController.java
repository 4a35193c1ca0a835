package org.soteria.suspect;

import org.soteria.platform.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
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

/** The repeat-suspect register, link review, and disruption orders with their alerts. */
@Controller
class SuspectController {

    private static final int PAGE_SIZE = 25;

    private final RepeatSuspectService register;
    private final SuspectService suspects;
    private final LinkageService linkage;

    SuspectController(RepeatSuspectService register, SuspectService suspects, LinkageService linkage) {
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
        status = oneOf(status, "confirmed", "possible");
        disruption = oneOf(disruption, "active", "none");
        sort = oneOf(sort, "latest", "crimes");
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

    private static String oneOf(String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        return "";
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

    @GetMapping("/repeat-suspects/links")
    String links(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "page", required = false) String page,
            Model model) {
        List<SuspectService.Review> all = suspects.awaiting(user);
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(RequestValues.page(page), pages);
        List<SuspectService.Review> shown = all.subList((p - 1) * PAGE_SIZE, Math.min(all.size(), p * PAGE_SIZE));
        List<SuspectRepository.Person> people = new ArrayList<>();
        shown.forEach(r -> {
            people.add(r.a());
            people.add(r.b());
        });
        suspects.audited(user, AuditAction.VIEW, "person-link", "awaiting page " + p, people, all.size() + " awaiting");
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("reviews", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("lastRun", linkage.lastRun().orElse(null));
        return "suspect/links";
    }

    private SuspectService.Review review(SoteriaUser user, String pair) {
        String[] parts = pair.split("-");
        if (parts.length != 2) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return suspects.review(user, RequestValues.id(parts[0]), RequestValues.id(parts[1]))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/repeat-suspects/links/{pair}")
    String link(@AuthenticationPrincipal SoteriaUser user, @PathVariable("pair") String pair, Model model) {
        SuspectService.Review r = review(user, pair);
        suspects.audited(user, AuditAction.VIEW, "person-link", pair, List.of(r.a(), r.b()), r.link().status());
        return linkPage(r, Map.of(), Map.of(), model);
    }

    private String linkPage(SuspectService.Review r, Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("review", r);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("decisions", List.of(new Choice("confirm", "Yes, the same person: confirm the link"),
                new Choice("reject", "No, different people: reject the link")));
        return "suspect/link";
    }

    /** The errors in the order of the form's fields, as the error summary lists them. */
    private static Map<String, String> inFormOrder(Map<String, String> errors, String... fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String f : fields) {
            if (errors.containsKey(f)) {
                ordered.put(f, errors.get(f));
            }
        }
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** A radio choice. */
    public record Choice(String code, String label) {
    }

    @PostMapping("/repeat-suspects/links/{pair}")
    String decide(@AuthenticationPrincipal SoteriaUser user, @PathVariable("pair") String pair,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes flash) {
        SuspectService.Review r = review(user, pair);
        Map<String, String> errors = new LinkedHashMap<>();
        String why = RequestValues.text(reason, "reason", "The reason", 500, errors);
        Boolean confirm = "confirm".equals(decision) ? Boolean.TRUE : "reject".equals(decision) ? Boolean.FALSE : null;
        if (errors.isEmpty()) {
            try {
                suspects.decide(user, r, confirm, why);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("decision", decision == null ? "" : decision);
            form.put("reason", reason == null ? "" : reason);
            return linkPage(r, errors, form, model);
        }
        flash.addFlashAttribute("success", "confirm".equals(decision)
                ? "Link confirmed: the two records now count as one person" : "Link rejected: later runs will keep these records apart");
        return "redirect:/repeat-suspects/links";
    }

    @GetMapping("/disruption")
    String orders(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "show", required = false) String show,
            @RequestParam(name = "page", required = false) String page, Model model) {
        String filter = oneOf(show, "expired", "all");
        LocalDate today = register.today();
        List<SuspectService.OrderRow> rows = suspects.orders(user).stream().filter(r -> switch (filter) {
            case "expired" -> !r.order().activeOn(today);
            case "all" -> true;
            default -> r.order().activeOn(today);
        }).toList();
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(RequestValues.page(page), pages);
        List<SuspectService.OrderRow> shown = rows.subList((p - 1) * PAGE_SIZE, Math.min(rows.size(), p * PAGE_SIZE));
        suspects.audited(user, AuditAction.VIEW, "order", "list page " + p, shown.stream().map(SuspectService.OrderRow::person)
                .toList(), rows.size() + " orders, " + (filter.isEmpty() ? "in force" : filter));
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("rows", shown);
        model.addAttribute("total", rows.size());
        model.addAttribute("show", filter);
        model.addAttribute("pageBaseUrl", filter.isEmpty() ? "/disruption?" : "/disruption?show=" + filter + "&");
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("today", today);
        model.addAttribute("alerts", suspects.alerts(user).total());
        return "suspect/orders";
    }

    @GetMapping("/disruption/alerts")
    String alerts(@AuthenticationPrincipal SoteriaUser user, Model model) {
        SuspectService.Alerts alerts = suspects.alerts(user);
        List<SuspectRepository.Person> people = new ArrayList<>();
        alerts.expiring().forEach(r -> people.add(r.person()));
        alerts.reviewDue().forEach(r -> people.add(r.person()));
        alerts.newCrimes().forEach(c -> people.add(c.suspect()));
        suspects.audited(user, AuditAction.VIEW, "order", "alerts", people, alerts.total() + " alerts");
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("alerts", alerts);
        model.addAttribute("today", register.today());
        model.addAttribute("expiryDays", SuspectService.EXPIRY_WARNING_DAYS);
        model.addAttribute("reviewDays", SuspectService.REVIEW_WARNING_DAYS);
        model.addAttribute("crimeDays", SuspectService.NEW_CRIME_DAYS);
        return "suspect/alerts";
    }

    private SuspectService.OrderRow orderRow(SoteriaUser user, String force, String orderId) {
        return suspects.order(user, force, orderId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/disruption/orders/{force}/{orderId}")
    String order(@AuthenticationPrincipal SoteriaUser user, @PathVariable("force") String force,
            @PathVariable("orderId") String orderId, Model model) {
        SuspectService.OrderRow row = orderRow(user, force, orderId);
        suspects.audited(user, AuditAction.VIEW, "order", force + "/" + orderId, List.of(row.person()), row.order().type());
        return orderPage(user, row, Map.of(), Map.of(), model);
    }

    private String orderPage(SoteriaUser user, SuspectService.OrderRow row, Map<String, String> errors, Map<String, String> form,
            Model model) {
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("row", row);
        model.addAttribute("breaches", suspects.breaches(row));
        model.addAttribute("today", register.today());
        model.addAttribute("canManage", user.can(Permission.MANAGE_DISRUPTION));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "suspect/order";
    }

    @PostMapping("/disruption/orders/{force}/{orderId}/review")
    String review(@AuthenticationPrincipal SoteriaUser user, @PathVariable("force") String force,
            @PathVariable("orderId") String orderId, @RequestParam(name = "reviewDate", required = false) String reviewDate,
            @RequestParam(name = "expiresDate", required = false) String expiresDate, Model model, RedirectAttributes flash) {
        SuspectService.OrderRow row = orderRow(user, force, orderId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate review = RequestValues.date(reviewDate, "reviewDate", "Next review date", false, errors);
        LocalDate expires = RequestValues.date(expiresDate, "expiresDate", "Expiry date", false, errors);
        if (errors.isEmpty()) {
            try {
                suspects.reviewOrder(user, row, review, expires);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("reviewDate", reviewDate == null ? "" : reviewDate);
            form.put("expiresDate", expiresDate == null ? "" : expiresDate);
            return orderPage(user, row, errors, form, model);
        }
        flash.addFlashAttribute("success", "Review and expiry dates saved");
        return "redirect:/disruption/orders/" + force + "/" + orderId;
    }

    @PostMapping("/disruption/orders/{force}/{orderId}/breaches")
    String breach(@AuthenticationPrincipal SoteriaUser user, @PathVariable("force") String force,
            @PathVariable("orderId") String orderId, @RequestParam(name = "breachedOn", required = false) String breachedOn,
            @RequestParam(name = "crimeRef", required = false) String crimeRef,
            @RequestParam(name = "note", required = false) String note, Model model, RedirectAttributes flash) {
        SuspectService.OrderRow row = orderRow(user, force, orderId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate on = RequestValues.date(breachedOn, "breachedOn", "Date of the breach", false, errors);
        String ref = RequestValues.text(crimeRef, "crimeRef", "Crime reference", 40, errors);
        String text = RequestValues.text(note, "note", "What happened", 1000, errors);
        if (errors.isEmpty()) {
            try {
                suspects.recordBreach(user, row, on, ref, text);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("breachedOn", breachedOn == null ? "" : breachedOn);
            form.put("crimeRef", crimeRef == null ? "" : crimeRef);
            form.put("note", note == null ? "" : note);
            return orderPage(user, row, errors, form, model);
        }
        flash.addFlashAttribute("success", "Breach recorded");
        return "redirect:/disruption/orders/" + force + "/" + orderId;
    }

    @GetMapping("/disruption/new")
    String newOrder(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "person", required = false) String person,
            Model model) {
        SuspectRepository.Person p = person(user, person);
        return newOrderPage(p, Map.of(), Map.of(), model);
    }

    private SuspectRepository.Person person(SoteriaUser user, String ref) {
        long id = RequestValues.id(ref);
        if (!suspects.visiblePeople(user, java.util.Set.of(id)).contains(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return suspects.person(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String newOrderPage(SuspectRepository.Person p, Map<String, String> errors, Map<String, String> form, Model model) {
        model.addAttribute("activeNav", "repeat");
        model.addAttribute("person", p);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("types", SuspectService.ORDER_TYPES.stream()
                .map(t -> new Choice(t, SuspectService.orderTypeLabel(t))).toList());
        return "suspect/order-form";
    }

    @PostMapping("/disruption/new")
    String createOrder(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "person", required = false) String person,
            @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
        SuspectRepository.Person p = person(user, person);
        Map<String, String> errors = new LinkedHashMap<>();
        String type = params.get("type");
        LocalDate made = RequestValues.date(params.get("madeDate"), "madeDate", "Date made or imposed", false, errors);
        LocalDate expires = RequestValues.date(params.get("expiresDate"), "expiresDate", "Expiry date", false, errors);
        LocalDate review = RequestValues.date(params.get("reviewDate"), "reviewDate", "Next review date", false, errors);
        String prohibitions = RequestValues.text(params.get("prohibitions"), "prohibitions", "Prohibitions and conditions",
                2000, errors);
        // The service's rules on what was read, each field keeping its first fault (a date that did not parse).
        suspects.checkOrder(type, made, expires, review, prohibitions).forEach(errors::putIfAbsent);
        errors = inFormOrder(errors, "type", "madeDate", "expiresDate", "reviewDate", "prohibitions");
        String id = null;
        if (errors.isEmpty()) {
            try {
                id = suspects.recordOrder(user, p, type, made, expires, review, prohibitions);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            return newOrderPage(p, errors, params, model);
        }
        flash.addFlashAttribute("success", SuspectService.orderTypeLabel(type) + " recorded");
        return "redirect:/disruption/orders/" + p.forceCode() + "/" + id;
    }
}
