package org.soteria.casework;

import java.util.Map;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.form.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

    /** A casework page shown again with a refused form's faults. */
    interface Page {
        String show(Map<String, String> errors);
    }

    /**
     * Runs a change; on success flashes {@code done} and redirects; on refusal shows {@code page} with the faults
     * in the order the form record lists its fields, whichever check found them.
     */
    static String change(Class<? extends Record> form, Runnable change, Page page, RedirectAttributes flash,
            String done, String redirect) {
        Map<String, String> errors = FormErrors.attempt(Map.of(), form == null ? Object.class : form, change);
        if (!errors.isEmpty()) {
            return page.show(errors);
        }
        flash.addFlashAttribute("success", done);
        return "redirect:" + redirect;
    }

    /** Refuses a form whose values Bean Validation found fault with, before the service is asked. */
    static void read(BindingResult binding) {
        Map<String, String> faults = FormErrors.of(binding);
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
    }

    /** The form's values as typed and which record a refused form was about, so that its form opens again. */
    static Map<String, String> with(Record form, String key, long id) {
        Map<String, String> out = FormErrors.values(form);
        out.put(key, String.valueOf(id));
        return out;
    }
}
