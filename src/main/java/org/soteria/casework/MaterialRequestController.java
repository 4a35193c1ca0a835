package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crime's requests for the victim's material: making one, the supervisor's decision, sending and return. */
@Controller
@ForceMode
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
    String addRequest(@PathVariable("id") String id, @Valid CaseworkForms.NewMaterialRequest form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> requests.addRequest(user, crimeId, form.read(),
                        FormErrors.of(binding)),
                errors -> requestForm(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.requestRecorded}", "/cases/" + crimeId + "/requests");
    }

    @PostMapping("/cases/{id}/requests/{request}/decision")
    String decide(@PathVariable("id") String id, @PathVariable("request") String request,
            @Valid CaseworkForms.MaterialDecision form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long requestId = RequestValues.id(request);
        Codes.Decision decision = Codes.parse(Codes.Decision.class, form.decision());
        return CaseworkPages.change(form.getClass(), () -> {
            CaseworkPages.read(binding);
            requests.decide(user, crimeId, requestId, decision, FormValues.text(form.note()));
        }, errors -> requestsPage(crimeId, user, model, errors, CaseworkPages.with(form, "_request", requestId)), flash,
                decision == Codes.Decision.REFUSED ? "{caseworkDone.requestRefused}" : "{caseworkDone.requestApproved}", "/cases/" + crimeId
                        + "/requests");
    }

    @PostMapping("/cases/{id}/requests/{request}/progress")
    String progress(@PathVariable("id") String id, @PathVariable("request") String request,
            @Valid CaseworkForms.MaterialProgress form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long requestId = RequestValues.id(request);
        String done;
        Runnable change;
        if ("sent".equals(form.step())) {
            change = () -> requests.markSent(user, crimeId, requestId, FormValues.date(form.sentOn()));
            done = "{caseworkDone.requestSent}";
        } else if ("returned".equals(form.step())) {
            change = () -> requests.markReturned(user, crimeId, requestId, FormValues.date(form.returnedOn()));
            done = "{caseworkDone.requestReturned}";
        } else if ("withdrawn".equals(form.step())) {
            change = () -> requests.withdraw(user, crimeId, requestId, FormValues.text(form.reason()));
            done = "{caseworkDone.requestWithdrawn}";
        } else {
            throw CaseworkPages.notFound();
        }
        return CaseworkPages.change(form.getClass(), () -> {
            CaseworkPages.read(binding);
            change.run();
        }, errors -> requestsPage(crimeId, user, model, errors, CaseworkPages.with(form, "_request", requestId)),
                flash, done, "/cases/" + crimeId + "/requests");
    }
}
