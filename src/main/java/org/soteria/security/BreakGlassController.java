package org.soteria.security;

import org.soteria.platform.ForceMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Break-glass: opening a crime outside need-to-know in an emergency, with a written reason. */
@Controller
@ForceMode
public class BreakGlassController {

    private final AccessService access;

    public BreakGlassController(AccessService access) {
        this.access = access;
    }

    @GetMapping("/break-glass")
    String form(@RequestParam(name = "crimeRef", defaultValue = "") String crimeRef, Model model) {
        return page(model, crimeRef, "", new LinkedHashMap<>());
    }

    @PostMapping("/break-glass")
    String open(@RequestParam(name = "crimeRef", defaultValue = "") String crimeRef,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        try {
            long id = access.breakGlass(user, crimeRef, reason);
            return "redirect:/cases/" + id;
        } catch (AccessService.Refused e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(e.field(), e.getMessage());
            return page(model, crimeRef, reason, errors);
        }
    }

    private static String page(Model model, String crimeRef, String reason, Map<String, String> errors) {
        model.addAttribute("activeNav", "cases");
        model.addAttribute("crimeRef", crimeRef);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("minReason", AccessService.MIN_REASON);
        return "security/break-glass";
    }
}
