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

/** A crime's device exhibits and their progress through examination. */
@Controller
@ForceMode
class DeviceController {

    private final ForensicsService forensics;
    private final CaseworkSupport support;

    DeviceController(ForensicsService forensics, CaseworkSupport support) {
        this.forensics = forensics;
        this.support = support;
    }

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
        ForensicsService.Devices d = forensics.devices(crimeId, user).orElseThrow(CaseworkPages::notFound);
        CaseworkPages.common(model, user, errors, form, "devices");
        model.addAttribute("devices", d);
        model.addAttribute("crime", d.crime());
        model.addAttribute("types", Codes.DeviceType.values());
        model.addAttribute("owners", Codes.DeviceOwner.values());
        model.addAttribute("triages", Codes.Triage.values());
        return "casework/devices";
    }

    @PostMapping("/cases/{id}/devices/new")
    String addDevice(@PathVariable("id") String id, @Valid CaseworkForms.NewDevice form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        return CaseworkPages.change(form.getClass(), () -> forensics.addDevice(user, crimeId, form.read(),
                        FormErrors.of(binding)),
                errors -> devicesPage(crimeId, user, model, errors, FormErrors.values(form)), flash,
                "{caseworkDone.deviceSubmitted}", "/cases/" + crimeId + "/devices");
    }

    @PostMapping("/cases/{id}/devices/{device}/next")
    String advanceDevice(@PathVariable("id") String id, @PathVariable("device") String device,
            @Valid CaseworkForms.DeviceStep form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes flash) {
        long crimeId = RequestValues.id(id);
        long deviceId = RequestValues.id(device);
        return CaseworkPages.change(form.getClass(), () -> {
            CaseworkPages.read(binding);
            forensics.advanceDevice(user, crimeId, deviceId, FormValues.date(form.on()),
                    Codes.parse(Codes.Triage.class, form.triage()));
        }, errors -> devicesPage(crimeId, user, model, errors, CaseworkPages.with(form, "_device", deviceId)), flash,
                "{caseworkDone.deviceUpdated}", "/cases/" + crimeId + "/devices");
    }
}
