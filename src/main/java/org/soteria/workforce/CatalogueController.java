package org.soteria.workforce;

import java.io.IOException;
import java.util.List;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.soteria.web.HubFileActions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A force's training catalogue (ADR 39): its own courses, and the national catalogue taken from the hub, each
 * version shown with what it changes and accepted by the force's Soteria lead.
 */
@Controller
@ForceMode
@RequestMapping("/courses")
class CatalogueController extends CataloguePages {

    private final ObjectProvider<NationalCourses> national;

    CatalogueController(CourseCatalogue catalogue, ObjectProvider<NationalCourses> national) {
        super(catalogue, false, "/courses");
        this.national = national;
    }

    @Override
    void addModeParts(Model model) {
        NationalCourses source = national.getIfAvailable();
        NationalCourses.Offer offer = source == null ? null : source.offer().orElse(null);
        model.addAttribute("offer", offer);
        model.addAttribute("accepted", catalogue.acceptedVersion().orElse(null));
        model.addAttribute("changes", offer == null ? List.of() : catalogue.changes(offer.release()));
    }

    private NationalCourses source() {
        NationalCourses source = national.getIfAvailable();
        if (source == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return source;
    }

    @PostMapping("/national/fetch")
    String fetch(@AuthenticationPrincipal SoteriaUser user, RedirectAttributes redirect) {
        NationalCourses source = source();
        HubFileActions.fetch(() -> source.fetch(user), v -> Fault.of("catalogue.taken", v), redirect);
        return "redirect:/courses#national";
    }

    @PostMapping("/national/upload")
    String upload(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        NationalCourses source = source();
        HubFileActions.upload(file, text -> source.upload(user, text), v -> Fault.of("catalogue.taken", v),
                "catalogue.chooseFile", redirect);
        return "redirect:/courses#national";
    }

    @PostMapping("/national/accept")
    String accept(@AuthenticationPrincipal SoteriaUser user, @RequestParam(required = false) String version,
            RedirectAttributes redirect) {
        NationalCourses.Offer offer = source().offer().orElse(null);
        Integer offered = offer == null ? null : offer.release().version();
        HubFileActions.accept(offered, version, () -> catalogue.accept(user, offer.release()).size(),
                n -> Fault.of("catalogue.accepted", offered, Fault.count(n)), "catalogueError.notTheVersionTaken", redirect);
        return "redirect:/courses";
    }
}
