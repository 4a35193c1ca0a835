package org.soteria.workforce;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.HubFileActions;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guidance library: reading it, and (for the force lead) adding guidance, publishing new versions, and taking
 * national guidance and practice from the hub, each version shown with what it changes before it is accepted.
 */
@Controller
@ForceMode
class GuidanceController {

    private static final String BACK = "redirect:/workforce/guidance#national";

    private final WorkforceService workforce;
    private final GuidanceService guidance;
    private final NationalGuidanceLibrary nationalLibrary;
    private final ObjectProvider<NationalGuidance> national;

    GuidanceController(WorkforceService workforce, GuidanceService guidance, NationalGuidanceLibrary nationalLibrary,
            ObjectProvider<NationalGuidance> national) {
        this.workforce = workforce;
        this.guidance = guidance;
        this.nationalLibrary = nationalLibrary;
        this.national = national;
    }

    @GetMapping("/workforce/guidance")
    String library(@AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("library", guidance.library());
        boolean canManage = user.can(Permission.MANAGE_GUIDANCE);
        model.addAttribute("canManage", canManage);
        NationalGuidance source = national.getIfAvailable();
        if (canManage && source != null) {
            NationalGuidance.Offer offer = source.offer().orElse(null);
            model.addAttribute("offer", offer);
            model.addAttribute("accepted", nationalLibrary.acceptedVersion().orElse(null));
            model.addAttribute("changes", offer == null ? List.of()
                    : nationalLibrary.changes(offer.release(), user.forceCode()));
        }
        model.addAttribute("fromTheHub", canManage && source != null);
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance";
    }

    private NationalGuidance source() {
        NationalGuidance source = national.getIfAvailable();
        if (source == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return source;
    }

    @PostMapping("/workforce/guidance/national/fetch")
    String fetch(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        NationalGuidance source = source();
        HubFileActions.fetch(() -> source.fetch(user), v -> Fault.of("nationalGuidance.taken", v), redirect);
        return BACK;
    }

    @PostMapping("/workforce/guidance/national/upload")
    String upload(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        NationalGuidance source = source();
        HubFileActions.upload(file, text -> source.upload(user, text), v -> Fault.of("nationalGuidance.taken", v),
                "nationalGuidance.chooseFile", redirect);
        return BACK;
    }

    @PostMapping("/workforce/guidance/national/accept")
    String accept(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String version,
            RedirectAttributes redirect) {
        NationalGuidance.Offer offer = source().offer().orElse(null);
        Integer offered = offer == null ? null : offer.release().version();
        HubFileActions.accept(offered, version, () -> nationalLibrary.accept(user, offer.release()).size(),
                n -> Fault.of("nationalGuidance.accepted", offered, Fault.count(n)),
                "nationalGuidanceError.notTheVersionTaken", redirect);
        return BACK;
    }

    /** One of the force's own documents (national ones are changed only by accepting a version from the hub). */
    private GuidanceService.Document own(String document) {
        return guidance.document(RequestValues.id(document)).filter(d -> !d.national())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/workforce/guidance/new")
    String guidanceForm(@RequestParam(name = "document", required = false) String document, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("publishedOn", workforce.today().toString());
        if (document != null) {
            GuidanceService.Document d = own(document);
            form.put("document", Long.toString(d.id()));
            form.put("url", d.current().url());
            form.put("summary", d.current().summary());
        }
        return guidanceView(form, Map.of(), model);
    }

    private String guidanceView(Map<String, String> form, Map<String, String> errors, Model model) {
        String document = form.get("document");
        if (document != null && !document.isBlank()) {
            guidance.document(RequestValues.id(document)).ifPresent(d -> model.addAttribute("documentTitle", d.title()));
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("pillars", GuidanceService.Pillar.values());
        model.addAttribute("activeNav", "workforce");
        return "workforce/guidance-form";
    }

    @PostMapping("/workforce/guidance/new")
    String addGuidance(@Valid WorkforceForms.Guidance form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        Long existing = form.isNew() ? null : own(form.document()).id();
        Map<String, String> errors = FormErrors.of(binding);
        if (!errors.isEmpty()) {
            return guidanceView(FormErrors.values(form), errors, model);
        }
        String url = FormValues.text(form.url());
        String summary = FormValues.text(form.summary());
        if (existing == null) {
            guidance.add(user, form.chosenPillar(), FormValues.text(form.title()), "true".equals(form.share()), url,
                    summary, FormValues.date(form.publishedOn()));
            redirect.addFlashAttribute("success", "{workforceDone.guidanceAdded}");
        } else {
            int v = guidance.addVersion(user, existing, url, summary, FormValues.date(form.publishedOn()));
            redirect.addFlashAttribute("success", Fault.of("workforceDone.versionPublished", v));
        }
        return "redirect:/workforce/guidance";
    }
}
