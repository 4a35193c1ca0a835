package org.soteria.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crime's requests for the victim's material: making one, the supervisor's decision, sending and return. */
@Controller
class MaterialRequestController {

    private final MaterialRequestService requests;
    private final CaseworkSupport support;

    MaterialRequestController(MaterialRequestService requests, CaseworkSupport support) {
        this.requests = requests;
        this.support = support;
    }

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
        MaterialRequestService.Requests r = requests.requests(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "requests");
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
        MaterialRequestService.Requests r = requests.requests(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "requests");
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
        return CaseworkPages.change(f, () -> requests.addRequest(user, crimeId, request, f.errors()),
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
        return CaseworkPages.change(f, () -> {
            CaseworkPages.read(f);
            requests.decide(user, crimeId, requestId, decision, note);
        },
                errors -> requestsPage(crimeId, user, model, errors, CaseworkPages.with(params, "_request", requestId)), flash,
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
        CaseworkPages.Change change;
        if ("sent".equals(step)) {
            java.time.LocalDate on = f.date("sentOn", "Date sent", true);
            change = () -> {
                CaseworkPages.read(f);
                requests.markSent(user, crimeId, requestId, on);
            };
            done = "Recorded as sent";
        } else if ("returned".equals(step)) {
            java.time.LocalDate on = f.date("returnedOn", "Date returned", true);
            change = () -> {
                CaseworkPages.read(f);
                requests.markReturned(user, crimeId, requestId, on);
            };
            done = "Recorded as returned";
        } else if ("withdrawn".equals(step)) {
            String reason = f.text("reason", "Reason", 1000);
            change = () -> {
                CaseworkPages.read(f);
                requests.withdraw(user, crimeId, requestId, reason);
            };
            done = "Request withdrawn";
        } else {
            throw CaseworkPages.notFound();
        }
        return CaseworkPages.change(f, change, errors -> requestsPage(crimeId, user, model, errors,
                CaseworkPages.with(params, "_request", requestId)), flash, done, "/cases/" + crimeId + "/requests");
    }

}
