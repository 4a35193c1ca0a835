package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import jakarta.validation.Valid;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.validation.BindingResult;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Casework across crimes: what is due for the user, the force's digital forensics queue with the figures
 * for requests for victims' material, and the stages of the investigator's journey.
 */
@Controller
@ForceMode
class CaseworkQueueController {

    /** Examinations finished within this many days count in the turnaround figures. */
    static final int TURNAROUND_DAYS = 90;
    static final int PAGE_SIZE = 50;

    private final PlanService plans;
    private final MaterialRequestService requests;
    private final ForensicsService forensics;
    private final CaseworkQueueService queue;
    private final CaseworkSupport support;

    CaseworkQueueController(PlanService plans, MaterialRequestService requests, ForensicsService forensics,
            CaseworkQueueService queue, CaseworkSupport support) {
        this.plans = plans;
        this.requests = requests;
        this.forensics = forensics;
        this.queue = queue;
        this.support = support;
    }

    /** Items of a queue's tab on one page. */
    static final int QUEUE_PAGE = 25;

    /**
     * The casework queue. Its tabs put first what holds someone else up (requests waiting for approval), then
     * reviews, lines of enquiry, bail and CPS actions; it opens on the first with something in it. A tab is paged
     * and may show only what is overdue; the crimes of the page shown are recorded as read.
     */
    @GetMapping("/casework")
    String queue(@RequestParam(name = "tab", required = false) String tab,
            @RequestParam(name = "overdue", required = false) String overdue,
            @RequestParam(name = "due", required = false) String due,
            @RequestParam(name = "team", required = false) String team,
            @RequestParam(name = "officer", required = false) String officer,
            @RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        CaseworkQueueService.Queue everything = queue.due(user);
        Map<Long, QueueFilter.Owner> owners = queue.owners(everything);
        QueueFilter filter = QueueFilter.of(team, officer, due, "1".equals(overdue));
        CaseworkQueueService.Queue q = filter.apply(everything, owners);
        Map<String, List<CaseworkQueueService.Item>> lists = lists(q);
        String chosen = tab != null && lists.containsKey(tab) ? tab : lists.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).findFirst().orElse("lines");
        List<CaseworkQueueService.Item> items = lists.get(chosen);
        int pages = Math.max(1, (items.size() + QUEUE_PAGE - 1) / QUEUE_PAGE);
        int p = RequestValues.page(page);
        List<CaseworkQueueService.Item> shown = p > pages ? List.of()
                : items.subList((p - 1) * QUEUE_PAGE, Math.min(items.size(), p * QUEUE_PAGE));
        queue.shown(user, shown, "casework queue: " + chosen + (filter.narrows() ? ", narrowed" + filter.query() : "")
                + ", page " + p);
        model.addAttribute("activeNav", "casework");
        model.addAttribute("queue", q);
        model.addAttribute("lists", lists);
        model.addAttribute("tab", chosen);
        model.addAttribute("items", shown);
        model.addAttribute("matching", items.size());
        model.addAttribute("filter", filter);
        model.addAttribute("filterQuery", filter.query());
        model.addAttribute("teams", QueueFilter.teams(owners));
        model.addAttribute("officers", QueueFilter.officers(owners));
        model.addAttribute("windows", QueueFilter.Window.values());
        model.addAttribute("overdueCount", lists(everything).get(chosen).stream()
                .filter(CaseworkQueueService.Item::overdue).count());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("pageBaseUrl", "/casework?tab=" + chosen + filter.query() + "&");
        return "casework/queue";
    }

    /** The queue's tabs in the order a person should work them: what holds someone else up first. */
    private static Map<String, List<CaseworkQueueService.Item>> lists(CaseworkQueueService.Queue q) {
        Map<String, List<CaseworkQueueService.Item>> out = new LinkedHashMap<>();
        out.put("approvals", q.approvals());
        out.put("reviews", q.reviews());
        out.put("lines", q.lines());
        out.put("bail", q.bail());
        out.put("cps", q.cps());
        return out;
    }

    @GetMapping("/casework/forensics")
    String forensics(@Valid CaseworkForms.ForensicsPeriod period, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        LocalDate today = support.today();
        String from = period.from();
        String to = period.to();
        LocalDate fromDate = FormValues.date(from);
        LocalDate toDate = FormValues.date(to);
        fromDate = fromDate == null ? today.minusYears(1).plusDays(1) : fromDate;
        toDate = toDate == null ? today : toDate;
        if (fromDate.isAfter(toDate)) {
            errors.put("to", "{caseworkError.toMustBeTheSame}");
            fromDate = today.minusYears(1).plusDays(1);
            toDate = today;
        }
        ForensicsService.ForensicQueue queue = forensics.forensicQueue(user, TURNAROUND_DAYS);
        int pages = Math.max(1, (queue.waiting().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(RequestValues.page(period.page()), pages);
        model.addAttribute("activeNav", "casework");
        model.addAttribute("queue", queue);
        model.addAttribute("rows", queue.waiting().subList((p - 1) * PAGE_SIZE,
                Math.min(queue.waiting().size(), p * PAGE_SIZE)));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("pageBaseUrl", "/casework/forensics?from=" + fromDate + "&to=" + toDate + "&");
        model.addAttribute("figures", requests.requestFigures(user, fromDate, toDate));
        model.addAttribute("errors", errors);
        model.addAttribute("fromText", from == null ? fromDate.toString() : from);
        model.addAttribute("toText", to == null ? toDate.toString() : to);
        model.addAttribute("turnaroundDays", TURNAROUND_DAYS);
        return "casework/forensics";
    }

    @GetMapping("/casework/stages")
    String stages(@RequestParam(name = "edit", required = false) String edit, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (edit != null) {
            plans.stages().stream().filter(s -> s.code().equals(edit)).findFirst().ifPresent(s -> {
                form.put("code", s.code());
                form.put("name", s.name().english());
                form.put("nameCy", s.name().welsh());
                form.put("position", String.valueOf(s.position()));
                form.put("guidance", s.guidance().english());
                form.put("guidanceCy", s.guidance().welsh());
                form.put("active", String.valueOf(s.active()));
            });
        } else {
            form.put("position", String.valueOf(plans.stages().stream().mapToInt(PlanRepository.Stage::position)
                    .max().orElse(0) + 1));
        }
        return stagesPage(model, Map.of(), form);
    }

    private String stagesPage(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "casework");
        model.addAttribute("stages", plans.stages());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "casework/stages";
    }

    @PostMapping("/casework/stages")
    String saveStage(@Valid CaseworkForms.Stage form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        try {
            plans.saveStage(user, form.read(), form.isNew(), FormErrors.of(binding));
        } catch (Invalid e) {
            return stagesPage(model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
        flash.addFlashAttribute("success", form.isNew() ? "{caseworkDone.stageAdded}" : "{caseworkDone.stageSaved}");
        return "redirect:/casework/stages";
    }
}
