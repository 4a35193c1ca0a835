package org.soteria.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A crime's casework pages: the investigation plan, supervisor reviews, requests for the victim's
 * material, device exhibits, bail and RUI, and CPS liaison. Each form is read here and judged by
 * the casework services (PlanService, ReviewService, MaterialRequestService, ForensicsService, BailService, CpsService); a refused form comes back with every fault and what was typed.
 */
@Controller
class CaseworkController {

    private final PlanService plans;
    private final ReviewService supervisorReviews;
    private final MaterialRequestService requests;
    private final ForensicsService forensics;
    private final BailService bailPeriods;
    private final CpsService cps;
    private final CaseworkSupport support;

    CaseworkController(PlanService plans, ReviewService supervisorReviews, MaterialRequestService requests, ForensicsService forensics, BailService bailPeriods, CpsService cps, CaseworkSupport support) {
        this.plans = plans;
        this.supervisorReviews = supervisorReviews;
        this.requests = requests;
        this.forensics = forensics;
        this.bailPeriods = bailPeriods;
        this.cps = cps;
        this.support = support;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void common(Model model, SoteriaUser user, Map<String, String> errors, Map<String, String> form,
            String tab) {
        model.addAttribute("activeNav", "cases");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("tab", tab);
        model.addAttribute("canWork", user.can(Permission.WORK_INVESTIGATIONS));
        model.addAttribute("canReview", user.can(Permission.REVIEW_INVESTIGATIONS));
    }

    /**
     * Runs a change; on success flashes {@code done} and redirects; on refusal shows {@code page} with the faults,
     * in the order the form's fields were read (the form's own order), whichever check found them.
     */
    private interface Change {
        void run();
    }

    private interface Page {
        String show(Map<String, String> errors);
    }

    private static String change(Form form, Change change, Page page, RedirectAttributes flash, String done,
            String redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            change.run();
        } catch (Invalid e) {
            errors.putAll(form == null ? e.errors() : form.inFormOrder(e.errors()));
        }
        if (!errors.isEmpty()) {
            return page.show(errors);
        }
        flash.addFlashAttribute("success", done);
        return "redirect:" + redirect;
    }

    // ---- Plan -------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/plan")
    String plan(@PathVariable("id") String id, @RequestParam(name = "close", required = false) String close,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        return planPage(RequestValues.id(id), user, model, Map.of(), close == null ? Map.of() : Map.of("_line", close));
    }

    private String planPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        PlanService.Plan plan = plans.plan(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "plan");
        model.addAttribute("plan", plan);
        model.addAttribute("crime", plan.crime());
        model.addAttribute("lineStatuses", List.of(Codes.LineStatus.DONE, Codes.LineStatus.NOT_PURSUED));
        return "casework/plan";
    }

    @PostMapping("/cases/{id}/plan/stage")
    String stage(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        return change(f, () -> plans.enterStage(user, crimeId, f.raw("stage")),
                errors -> planPage(crimeId, user, model, errors, params), flash, "Stage recorded",
                "/cases/" + crimeId + "/plan");
    }

    @GetMapping("/cases/{id}/plan/lines/new")
    String newLine(@PathVariable("id") String id, @RequestParam(name = "prompt", required = false) String prompt,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (prompt != null) {
            form.put("prompt", prompt);
        }
        return lineForm(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String lineForm(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        Crime crime = support.open(crimeId, user, "investigation plan").orElseThrow(
                CaseworkController::notFound);
        common(model, user, errors, form, "plan");
        Prompts.Prompt prompt = plans.prompt(crime, user, form.get("prompt"));
        model.addAttribute("crime", crime);
        model.addAttribute("prompt", prompt);
        model.addAttribute("focuses", Codes.Focus.values());
        model.addAttribute("officers", support.officers(user, crime));
        return "casework/line-form";
    }

    @PostMapping("/cases/{id}/plan/lines")
    String addLine(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        boolean notPursued = "not_pursued".equals(f.raw("decision"));
        PlanService.LineForm line = new PlanService.LineForm(f.choice(Codes.Focus.class, "focus"),
                RequestValues.optional(f.raw("prompt")), f.text("description", "Line of enquiry", CaseworkSupport.TEXT_LIMIT),
                RequestValues.optional(f.raw("owner")), f.date("due", "Due date", false),
                notPursued ? f.text("reason", "Reason", CaseworkSupport.TEXT_LIMIT) : null);
        if (notPursued && line.notPursuedReason() == null) {
            f.errors().put("reason", "Enter why this line will not be pursued");
        }
        return change(f, () -> plans.addLine(user, crimeId, line, f.errors()),
                errors -> lineForm(crimeId, user, model, errors, params), flash,
                notPursued ? "Recorded as not pursued" : "Line of enquiry added", "/cases/" + crimeId + "/plan");
    }

    @PostMapping("/cases/{id}/plan/lines/{line}/close")
    String closeLine(@PathVariable("id") String id, @PathVariable("line") String line,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long lineId = RequestValues.id(line);
        Form f = new Form(params);
        Map<String, String> form = with(params, "_line", lineId);
        Codes.LineStatus status = f.choice(Codes.LineStatus.class, "status");
        String result = f.text("result", "Result", CaseworkSupport.TEXT_LIMIT);
        return change(f, () -> {
            read(f);
            plans.closeLine(user, crimeId, lineId, status, result);
        },
                errors -> planPage(crimeId, user, model, errors, form), flash, "Line of enquiry closed",
                "/cases/" + crimeId + "/plan");
    }

    // ---- Reviews ----------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/reviews")
    String reviews(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        ReviewService.Reviews r = supervisorReviews.reviews(RequestValues.id(id), user).orElseThrow(CaseworkController::notFound);
        common(model, user, Map.of(), Map.of(), "reviews");
        model.addAttribute("reviews", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("schedule", supervisorReviews.schedule());
        return "casework/reviews";
    }

    @GetMapping("/cases/{id}/reviews/new")
    String newReview(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return reviewForm(RequestValues.id(id), user, model, Map.of(),
                Map.of("reviewedOn", support.today().toString()));
    }

    private String reviewForm(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        ReviewService.Reviews r = supervisorReviews.reviews(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "reviews");
        model.addAttribute("reviews", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("yesNo", List.of(Codes.Answer.YES, Codes.Answer.NO));
        model.addAttribute("answers", Codes.Answer.values());
        return "casework/review-form";
    }

    @PostMapping("/cases/{id}/reviews/new")
    String addReview(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        ReviewService.ReviewForm review = new ReviewService.ReviewForm(f.date("reviewedOn", "Date of the review", true),
                f.choice(Codes.Answer.class, "suspectFocus"), f.choice(Codes.Answer.class, "victimEngagement"),
                f.choice(Codes.Answer.class, "proportionality"), f.choice(Codes.Answer.class, "bailStatus"),
                f.text("directions", "Directions", CaseworkSupport.TEXT_LIMIT));
        return change(f, () -> supervisorReviews.addReview(user, crimeId, review, f.errors()),
                errors -> reviewForm(crimeId, user, model, errors, params), flash, "Review recorded",
                "/cases/" + crimeId + "/reviews");
    }

    // ---- Requests for the victim's material ---------------------------------------------------------

    @GetMapping("/cases/{id}/requests")
    String requests(@PathVariable("id") String id, @RequestParam(name = "act", required = false) String act,
            @RequestParam(name = "step", required = false) String step, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (act != null && step != null) {
            form.put("_request", act);
            form.put("step", step);
        }
        return requestsPage(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String requestsPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        MaterialRequestService.Requests r = requests.requests(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "requests");
        model.addAttribute("requests", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("decisions", Codes.Decision.values());
        model.addAttribute("today", support.today().toString());
        return "casework/requests";
    }

    @GetMapping("/cases/{id}/requests/new")
    String newRequest(@PathVariable("id") String id, @RequestParam(name = "line", required = false) String line,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        if (line != null) {
            form.put("lineId", line);
        }
        return requestForm(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String requestForm(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        MaterialRequestService.Requests r = requests.requests(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "requests");
        model.addAttribute("requests", r);
        model.addAttribute("crime", r.crime());
        model.addAttribute("materials", Codes.Material.values());
        model.addAttribute("views", Codes.VictimView.values());
        model.addAttribute("lines", r.lines().stream().filter(l -> l.status() != Codes.LineStatus.NOT_PURSUED).toList());
        return "casework/request-form";
    }

    @PostMapping("/cases/{id}/requests/new")
    String addRequest(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        int limit = CaseworkSupport.TEXT_LIMIT;
        MaterialRequestService.RequestForm request = new MaterialRequestService.RequestForm(f.id("victimRef"),
                f.choice(Codes.Material.class, "material"), f.id("lineId"), f.text("holder", "Who holds it", 200),
                f.text("scope", "What is asked for", limit), f.text("justification", "Justification", limit),
                f.text("leastIntrusive", "Less intrusive options", limit),
                f.date("victimInformedOn", "Date the victim was told", false),
                f.choice(Codes.VictimView.class, "victimView"), f.text("victimViewNote", "The victim's view", limit));
        return change(f, () -> requests.addRequest(user, crimeId, request, f.errors()),
                errors -> requestForm(crimeId, user, model, errors, params), flash,
                "Request recorded: it goes nowhere until a supervisor approves it", "/cases/" + crimeId + "/requests");
    }

    @PostMapping("/cases/{id}/requests/{request}/decision")
    String decide(@PathVariable("id") String id, @PathVariable("request") String request,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long requestId = RequestValues.id(request);
        Form f = new Form(params);
        Codes.Decision decision = f.choice(Codes.Decision.class, "decision");
        String note = f.text("note", "Reasons", CaseworkSupport.TEXT_LIMIT);
        return change(f, () -> {
            read(f);
            requests.decide(user, crimeId, requestId, decision, note);
        },
                errors -> requestsPage(crimeId, user, model, errors, with(params, "_request", requestId)), flash,
                decision == Codes.Decision.REFUSED ? "Request refused" : "Request approved", "/cases/" + crimeId
                        + "/requests");
    }

    @PostMapping("/cases/{id}/requests/{request}/progress")
    String progress(@PathVariable("id") String id, @PathVariable("request") String request,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long requestId = RequestValues.id(request);
        Form f = new Form(params);
        String step = f.raw("step");
        String done;
        Change change;
        if ("sent".equals(step)) {
            java.time.LocalDate on = f.date("sentOn", "Date sent", true);
            change = () -> {
                read(f);
                requests.markSent(user, crimeId, requestId, on);
            };
            done = "Recorded as sent";
        } else if ("returned".equals(step)) {
            java.time.LocalDate on = f.date("returnedOn", "Date returned", true);
            change = () -> {
                read(f);
                requests.markReturned(user, crimeId, requestId, on);
            };
            done = "Recorded as returned";
        } else if ("withdrawn".equals(step)) {
            String reason = f.text("reason", "Reason", 1000);
            change = () -> {
                read(f);
                requests.withdraw(user, crimeId, requestId, reason);
            };
            done = "Request withdrawn";
        } else {
            throw notFound();
        }
        return change(f, change, errors -> requestsPage(crimeId, user, model, errors,
                with(params, "_request", requestId)), flash, done, "/cases/" + crimeId + "/requests");
    }

    /** Refuses a form whose values could not be read, before the service is asked. */
    private static void read(Form f) {
        if (!f.errors().isEmpty()) {
            throw new Invalid(f.errors());
        }
    }

    /** The form's values and which record a refused form was about, so that its form opens again. */
    private static Map<String, String> with(Map<String, String> params, String key, long id) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.put(key, String.valueOf(id));
        return out;
    }

    // ---- Devices ---------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/devices")
    String devices(@PathVariable("id") String id, @RequestParam(name = "act", required = false) String act,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("submittedOn", support.today().toString());
        if (act != null) {
            form.put("_device", act);
            form.put("on", support.today().toString());
        }
        return devicesPage(RequestValues.id(id), user, model, Map.of(), form);
    }

    private String devicesPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        ForensicsService.Devices d = forensics.devices(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "devices");
        model.addAttribute("devices", d);
        model.addAttribute("crime", d.crime());
        model.addAttribute("types", Codes.DeviceType.values());
        model.addAttribute("owners", Codes.DeviceOwner.values());
        model.addAttribute("triages", Codes.Triage.values());
        return "casework/devices";
    }

    @PostMapping("/cases/{id}/devices/new")
    String addDevice(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        ForensicsService.DeviceForm device = new ForensicsService.DeviceForm(f.text("exhibitRef", "Exhibit reference", 40),
                f.choice(Codes.DeviceType.class, "type"), f.choice(Codes.DeviceOwner.class, "owner"), f.id("requestId"),
                f.date("submittedOn", "Date submitted", true));
        return change(f, () -> forensics.addDevice(user, crimeId, device, f.errors()),
                errors -> devicesPage(crimeId, user, model, errors, params), flash, "Device submitted for examination",
                "/cases/" + crimeId + "/devices");
    }

    @PostMapping("/cases/{id}/devices/{device}/next")
    String advanceDevice(@PathVariable("id") String id, @PathVariable("device") String device,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long deviceId = RequestValues.id(device);
        Form f = new Form(params);
        java.time.LocalDate on = f.date("on", "Date", true);
        Map<String, String> form = with(params, "_device", deviceId);
        return change(f, () -> {
            read(f);
            forensics.advanceDevice(user, crimeId, deviceId, on, f.choice(Codes.Triage.class, "triage"));
        }, errors -> devicesPage(crimeId, user, model, errors, form), flash, "Device status updated",
                "/cases/" + crimeId + "/devices");
    }

    // ---- Bail and RUI ----------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/bail")
    String bail(@PathVariable("id") String id, @RequestParam(name = "act", required = false) String act,
            @RequestParam(name = "step", required = false) String step, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        long crimeId = RequestValues.id(id);
        Map<String, String> form = new LinkedHashMap<>();
        if (act == null) {
            form.put("startedOn", support.today().toString());
        }
        if (act != null && "change".equals(step)) {
            form.put("_bail", act);
        } else if (act != null && "end".equals(step)) {
            form.put("_end", act);
            form.put("endedOn", support.today().toString());
        }
        return bailPage(crimeId, user, model, Map.of(), form);
    }

    private String bailPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        BailService.BailPage b = bailPeriods.bail(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "bail");
        model.addAttribute("bail", b);
        model.addAttribute("crime", b.crime());
        model.addAttribute("kinds", Codes.BailKind.values());
        model.addAttribute("endReasons", List.of(Codes.BailEnd.CHARGED, Codes.BailEnd.NO_FURTHER_ACTION,
                Codes.BailEnd.CANCELLED, Codes.BailEnd.OTHER));
        return "casework/bail";
    }

    @PostMapping("/cases/{id}/bail/new")
    String addBail(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        Long suspect = f.id("suspectRef");
        Codes.BailKind kind = f.choice(Codes.BailKind.class, "kind");
        java.time.LocalDate started = f.date("startedOn", "Start date", true);
        java.time.LocalDate expires = f.date("expiresOn", "Bail end date", false);
        String authorisedBy = f.text("authorisedBy", "Authorised by", 200);
        java.time.LocalDate review = f.date("reviewOn", "Review date", false);
        BailService.BailForm bail = new BailService.BailForm(suspect, kind, started, expires, review, authorisedBy,
                f.text("conditions", "Conditions", CaseworkSupport.TEXT_LIMIT));
        return change(f, () -> bailPeriods.addBail(user, crimeId, bail, f.errors()),
                errors -> bailPage(crimeId, user, model, errors, params), flash,
                "Recorded. Tell the victim within one working day: the Victims' Code duty is on their page",
                "/cases/" + crimeId + "/bail");
    }

    @PostMapping("/cases/{id}/bail/{bail}/change")
    String changeBail(@PathVariable("id") String id, @PathVariable("bail") String bail,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long bailId = RequestValues.id(bail);
        Form f = new Form(params);
        Map<String, String> form = with(params, "_bail", bailId);
        form.put("_changed", "yes");
        java.time.LocalDate expires = f.date("expiresOn", "Bail end date", false);
        String authorised = f.text("authorisedBy", "Authorised by", 200);
        java.time.LocalDate review = f.date("reviewOn", "Review date", false);
        return change(f, () -> bailPeriods.changeBail(user, crimeId, bailId, expires, review, authorised, f.errors()),
                errors -> bailPage(crimeId, user, model, errors, form), flash, "Changes saved",
                "/cases/" + crimeId + "/bail");
    }

    @PostMapping("/cases/{id}/bail/{bail}/end")
    String endBail(@PathVariable("id") String id, @PathVariable("bail") String bail,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long bailId = RequestValues.id(bail);
        Form f = new Form(params);
        Map<String, String> form = with(params, "_end", bailId);
        java.time.LocalDate on = f.date("endedOn", "End date", true);
        return change(f, () -> bailPeriods.endBail(user, crimeId, bailId, on, f.choice(Codes.BailEnd.class, "endReason"),
                        f.errors()),
                errors -> bailPage(crimeId, user, model, errors, form), flash, "Recorded as ended",
                "/cases/" + crimeId + "/bail");
    }

    // ---- CPS ---------------------------------------------------------------------------------------------

    @GetMapping("/cases/{id}/cps")
    String cps(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        String today = support.today().toString();
        return cpsPage(RequestValues.id(id), user, model, Map.of(), Map.of("adviceOn", today, "referredOn", today,
                "decidedOn", today));
    }

    private String cpsPage(long crimeId, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        CpsService.Cps c = cps.cps(crimeId, user).orElseThrow(CaseworkController::notFound);
        common(model, user, errors, form, "cps");
        model.addAttribute("cps", c);
        model.addAttribute("crime", c.crime());
        model.addAttribute("items", Codes.ReadinessItem.values());
        model.addAttribute("cpsDecisions", org.soteria.reference.CpsDecision.values());
        return "casework/cps";
    }

    @PostMapping("/cases/{id}/cps/readiness")
    String readiness(@PathVariable("id") String id, @RequestParam(name = "items", required = false) List<String> items,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        List<Codes.ReadinessItem> chosen = new ArrayList<>();
        for (String i : Form.all(items)) {
            Codes.ReadinessItem item = Codes.parse(Codes.ReadinessItem.class, i);
            if (item != null) {
                chosen.add(item);
            }
        }
        return change(null, () -> cps.saveReadiness(user, crimeId, chosen),
                errors -> cpsPage(crimeId, user, model, errors, Map.of()), flash, "Checklist saved",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/submissions")
    String submit(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        boolean referral = "referral".equals(f.raw("kind"));
        String text = referral ? f.text("summary", "Summary", CaseworkSupport.TEXT_LIMIT)
                : f.text("question", "Question", CaseworkSupport.TEXT_LIMIT);
        java.time.LocalDate on = referral ? f.date("referredOn", "Date referred", true)
                : f.date("adviceOn", "Date asked", true);
        return change(f, () -> cps.submitToCps(user, crimeId, f.raw("kind"), on, text, f.errors()),
                errors -> cpsPage(crimeId, user, model, errors, params), flash,
                referral ? "Referred to the CPS" : "Early advice requested", "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/actions")
    String addAction(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        String action = f.text("action", "Action", CaseworkSupport.TEXT_LIMIT);
        String owner = RequestValues.optional(f.raw("actionOwner"));
        java.time.LocalDate due = f.date("actionDue", "Due date", false);
        return change(f, () -> cps.addAction(user, crimeId, action, due, owner, f.errors()),
                errors -> cpsPage(crimeId, user, model, errors, params), flash, "Action added",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/actions/{action}/done")
    String actionDone(@PathVariable("id") String id, @PathVariable("action") String action,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long actionId = RequestValues.id(action);
        return change(null, () -> cps.actionDone(user, crimeId, actionId),
                errors -> cpsPage(crimeId, user, model, errors, Map.of()), flash, "Action done",
                "/cases/" + crimeId + "/cps");
    }

    @PostMapping("/cases/{id}/cps/decisions")
    String decision(@PathVariable("id") String id, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        Form f = new Form(params);
        java.time.LocalDate on = f.date("decidedOn", "Date of the decision", true);
        return change(f, () -> cps.recordDecision(user, crimeId,
                        org.soteria.reference.Coded.parse(org.soteria.reference.CpsDecision.class, f.raw("decision")).orElse(null), on, f.errors()),
                errors -> cpsPage(crimeId, user, model, errors, params), flash,
                "Decision recorded. Tell the victim, and of their right to ask for a review of a decision not to "
                        + "charge", "/cases/" + crimeId + "/cps");
    }
}
