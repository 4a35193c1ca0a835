package org.soteria.workforce;

import java.util.List;
import org.soteria.platform.Fault;
import org.soteria.platform.HubMode;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The national training catalogue at the hub: the national team changes courses and publishes versions (ADR 39). */
@Controller
@HubMode
@RequestMapping("/hub/courses")
class HubCatalogueController extends CataloguePages {

    HubCatalogueController(CourseCatalogue catalogue) {
        super(catalogue, true, "/hub/courses");
    }

    @Override
    void addModeParts(Model model) {
        model.addAttribute("releases", catalogue.releases());
        model.addAttribute("unpublished", catalogue.unpublished());
    }

    @PostMapping("/publish")
    String publish(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("saved", Fault.of("catalogue.published", catalogue.publish(user).version()));
        } catch (Invalid e) {
            redirect.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
        return "redirect:/hub/courses";
    }
}
