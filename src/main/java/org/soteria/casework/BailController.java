package org.soteria.casework;

import org.soteria.platform.ForceMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import jakarta.validation.Valid;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A crime's bail and release under investigation: periods, changes and ends. */
@Controller
@ForceMode
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
    String addBail(@PathVariable("id") String id, @Valid CaseworkForms.NewBail form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> bailPeriods.addBail(user, crimeId, form.read(),
                        FormErrors.of(binding)),
                errors -> bailPage(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.bailRecorded}",
                "/cases/" + crimeId + "/bail");
    }

    @PostMapping("/cases/{id}/bail/{bail}/change")
    String changeBail(@PathVariable("id") String id, @PathVariable("bail") String bail,
            @Valid CaseworkForms.BailChange form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long bailId = RequestValues.id(bail);
        Map<String, String> shown = CaseworkPages.with(form, "_bail", bailId);
        shown.put("_changed", "yes");
        return CaseworkPages.change(form.getClass(), () -> bailPeriods.changeBail(user, crimeId, bailId,
                        FormValues.date(form.expiresOn()), FormValues.date(form.reviewOn()),
                        FormValues.text(form.authorisedBy()), FormErrors.of(binding)),
                errors -> bailPage(crimeId, user, model, errors, shown), flash, "{caseworkDone.changesSaved}",
                "/cases/" + crimeId + "/bail");
    }

    @PostMapping("/cases/{id}/bail/{bail}/end")
    String endBail(@PathVariable("id") String id, @PathVariable("bail") String bail,
            @Valid CaseworkForms.BailEnding form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long bailId = RequestValues.id(bail);
        return CaseworkPages.change(form.getClass(), () -> bailPeriods.endBail(user, crimeId, bailId,
                        FormValues.date(form.endedOn()), Codes.parse(Codes.BailEnd.class, form.endReason()),
                        FormErrors.of(binding)),
                errors -> bailPage(crimeId, user, model, errors, CaseworkPages.with(form, "_end", bailId)), flash,
                "{caseworkDone.bailEnded}", "/cases/" + crimeId + "/bail");
    }
}
