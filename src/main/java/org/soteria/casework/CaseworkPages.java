package org.soteria.casework;

import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the casework pages share: the model every tab needs, and running a change that a refused form comes back
 * from.
 */
final class CaseworkPages {

    private CaseworkPages() {
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static void common(Model model, SoteriaUser user, Map<String, String> errors, Map<String, String> form,
            String tab) {
        model.addAttribute("activeNav", "cases");
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("tab", tab);
        model.addAttribute("canWork", user.can(Permission.WORK_INVESTIGATIONS));
        model.addAttribute("canReview", user.can(Permission.REVIEW_INVESTIGATIONS));
    }

    /**
     * Runs a change; on success flashes {@code done} and redirects; on refusal shows {@code page} with the faults,
     * in the order the form's fields were read (the form's own order), whichever check found them.
     */
    interface Change {
        void run();
    }

    interface Page {
        String show(Map<String, String> errors);
    }

    static String change(Form form, Change change, Page page, RedirectAttributes flash, String done,
            String redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            change.run();
        } catch (Invalid e) {
            errors.putAll(form == null ? e.errors() : form.inFormOrder(e.errors()));
        }
        if (!errors.isEmpty()) {
            return page.show(errors);
        }
        flash.addFlashAttribute("success", done);
        return "redirect:" + redirect;
    }

    /** Refuses a form whose values could not be read, before the service is asked. */
    static void read(Form f) {
        if (!f.errors().isEmpty()) {
            throw new Invalid(f.errors());
        }
    }

    /** The form's values and which record a refused form was about, so that its form opens again. */
    static Map<String, String> with(Map<String, String> params, String key, long id) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.put(key, String.valueOf(id));
        return out;
    }
}
