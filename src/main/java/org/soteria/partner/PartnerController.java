package org.soteria.partner;

import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A partner user's pages: the cases shared with their organisation, and one of them, only the parts shared. */
@Controller
@ForceMode
class PartnerController {

    private final SharingService sharing;

    PartnerController(SharingService sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/partner/cases")
    String cases(@RequestParam(name = "page", required = false) String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        model.addAttribute("activeNav", "shared");
        model.addAttribute("list", sharing.sharedCases(user, RequestValues.page(page)));
        return "partner/cases";
    }

    @GetMapping("/partner/cases/{id}")
    String shared(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        SharingService.SharedCase shared = sharing.open(user, RequestValues.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("activeNav", "shared");
        model.addAttribute("shared", shared);
        model.addAttribute("crime", shared.crime());
        return "partner/case";
    }
}
