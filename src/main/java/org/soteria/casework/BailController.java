package org.soteria.casework;

import java.util.LinkedHashMap;
import java.util.List;
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

/** A crime's bail and release under investigation: periods, changes and ends. */
@Controller
class BailController {

    private final BailService bailPeriods;
    private final CaseworkSupport support;

    BailController(BailService bailPeriods, CaseworkSupport support) {
        this.bailPeriods = bailPeriods;
        this.support = support;
    }

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
        BailService.BailPage b = bailPeriods.bail(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "bail");
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
        return CaseworkPages.change(f, () -> bailPeriods.addBail(user, crimeId, bail, f.errors()),
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
        Map<String, String> form = CaseworkPages.with(params, "_bail", bailId);
        form.put("_changed", "yes");
        java.time.LocalDate expires = f.date("expiresOn", "Bail end date", false);
        String authorised = f.text("authorisedBy", "Authorised by", 200);
        java.time.LocalDate review = f.date("reviewOn", "Review date", false);
        return CaseworkPages.change(f, () -> bailPeriods.changeBail(user, crimeId, bailId, expires, review, authorised, f.errors()),
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
        Map<String, String> form = CaseworkPages.with(params, "_end", bailId);
        java.time.LocalDate on = f.date("endedOn", "End date", true);
        return CaseworkPages.change(f, () -> bailPeriods.endBail(user, crimeId, bailId, on, f.choice(Codes.BailEnd.class, "endReason"),
                        f.errors()),
                errors -> bailPage(crimeId, user, model, errors, form), flash, "Recorded as ended",
                "/cases/" + crimeId + "/bail");
    }
}
