package org.soteria.suspect;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.Choice;
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

/** Disruption: civil orders and bail conditions in force, their alerts, reviews and breaches, and recording an order. */
@Controller
@ForceMode
class DisruptionController {

    private static final int PAGE_SIZE = 25;

    private final RepeatSuspectService register;
    private final SuspectService suspects;

    DisruptionController(RepeatSuspectService register, SuspectService suspects) {
        this.register = register;
        this.suspects = suspects;
    }

    @GetMapping("/disruption")
    String orders(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "show", required = false) String show,
            @RequestParam(name = "page", required = false) String page, Model model) {
        String filter = FormValues.oneOf(show, "expired", "all");
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
            @PathVariable("orderId") String orderId, @Valid SuspectForms.OrderReview form, BindingResult binding,
            Model model, RedirectAttributes flash) {
        SuspectService.OrderRow row = orderRow(user, force, orderId);
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> suspects.reviewOrder(user, row, FormValues.date(form.reviewDate()),
                        FormValues.date(form.expiresDate())));
        if (!errors.isEmpty()) {
            return orderPage(user, row, errors, FormErrors.values(form), model);
        }
        flash.addFlashAttribute("success", "{suspectDone.reviewAndExpiryDatesSaved}");
        return "redirect:/disruption/orders/" + force + "/" + orderId;
    }

    @PostMapping("/disruption/orders/{force}/{orderId}/breaches")
    String breach(@AuthenticationPrincipal SoteriaUser user, @PathVariable("force") String force,
            @PathVariable("orderId") String orderId, @Valid SuspectForms.Breach form, BindingResult binding,
            Model model, RedirectAttributes flash) {
        SuspectService.OrderRow row = orderRow(user, force, orderId);
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> suspects.recordBreach(user, row, FormValues.date(form.breachedOn()),
                        FormValues.text(form.crimeRef()), FormValues.text(form.note())));
        if (!errors.isEmpty()) {
            return orderPage(user, row, errors, FormErrors.values(form), model);
        }
        flash.addFlashAttribute("success", "{suspectDone.breachRecorded}");
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
                .map(t -> new Choice(t, "{orderType." + t + "}")).toList()); // in the page's language
        return "suspect/order-form";
    }

    @PostMapping("/disruption/new")
    String createOrder(@AuthenticationPrincipal SoteriaUser user, @RequestParam(name = "person", required = false) String person,
            @Valid SuspectForms.NewOrder form, BindingResult binding, Model model, RedirectAttributes flash) {
        SuspectRepository.Person p = person(user, person);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        String type = form.type();
        LocalDate made = FormValues.date(form.madeDate());
        LocalDate expires = FormValues.date(form.expiresDate());
        LocalDate review = FormValues.date(form.reviewDate());
        String prohibitions = FormValues.text(form.prohibitions());
        // The service's rules on what was read, each field keeping its first fault (a date that did not parse).
        suspects.checkOrder(type, made, expires, review, prohibitions).forEach(errors::putIfAbsent);
        String[] id = new String[1];
        errors = FormErrors.attempt(errors, form.getClass(),
                () -> id[0] = suspects.recordOrder(user, p, type, made, expires, review, prohibitions));
        if (!errors.isEmpty()) {
            return newOrderPage(p, errors, FormErrors.values(form), model);
        }
        flash.addFlashAttribute("success", Fault.of("suspectDone.orderRecorded", "#orderType." + type));
        return "redirect:/disruption/orders/" + p.forceCode() + "/" + id[0];
    }
}
