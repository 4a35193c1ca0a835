package org.soteria.workforce;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.web.form.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training catalogue's page (ADR 39), the same in both modes under each mode's path: the courses, and the form to
 * add or change one. At the hub ({@link HubCatalogueController}) every course is national and the team publishes
 * versions; in a force ({@link CatalogueController}) only the force's own courses change here, and the national ones
 * come from the hub.
 */
abstract class CataloguePages {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{2,40}");

    protected final CourseCatalogue catalogue;
    private final boolean hub;
    private final String base;

    CataloguePages(CourseCatalogue catalogue, boolean hub, String base) {
        this.catalogue = catalogue;
        this.hub = hub;
        this.base = base;
    }

    @GetMapping
    String page(@RequestParam(required = false) String edit, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "course");
        if (edit != null) {
            CourseCatalogue.Entry e = catalogue.entry(edit).filter(x -> hub || !x.national())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            CourseCatalogue.Course c = e.course();
            form = FormErrors.values(new WorkforceForms.Course(c.code(), c.name(), c.nameCy(), c.kind(),
                    c.validForMonths() == null ? "" : String.valueOf(c.validForMonths()), String.valueOf(c.specialist()),
                    c.description(), c.descriptionCy(), String.valueOf(c.retired())));
        }
        return view(model, form, Map.of(), edit);
    }

    private String view(Model model, Map<String, String> form, Map<String, String> errors, String editing) {
        model.addAttribute("activeNav", hub ? "hub-courses" : "courses");
        model.addAttribute("hub", hub);
        model.addAttribute("base", base);
        model.addAttribute("entries", catalogue.entries());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", Map.of("course", "Course", "accreditation", "Accreditation"));
        addModeParts(model);
        return "workforce/catalogue";
    }

    /** What the page shows in this mode besides the courses: the versions published, or the national offer. */
    abstract void addModeParts(Model model);

    @PostMapping
    String save(@Valid WorkforceForms.Course form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = FormErrors.attempt(FormErrors.of(binding), form.getClass(),
                () -> catalogue.save(user, course(form), hub));
        if (!errors.isEmpty()) {
            return view(model, FormErrors.values(form), errors, null);
        }
        redirect.addFlashAttribute("saved", Fault.of("catalogue.saved", form.name().strip()));
        return "redirect:" + base;
    }

    /** The course the form describes, or the fields that are wrong, in words the page can show. */
    private static CourseCatalogue.Course course(WorkforceForms.Course f) {
        Map<String, String> faults = new LinkedHashMap<>();
        String code = f.code().strip();
        if (!CODE.matcher(code).matches()) {
            faults.put("code", "{catalogueError.code}");
        }
        Integer months = null;
        String m = f.validForMonths() == null ? "" : f.validForMonths().strip();
        if (!m.isEmpty()) {
            months = m.matches("[0-9]{1,3}") ? Integer.valueOf(m) : -1;
            if (months < 1 || months > 240) {
                faults.put("validForMonths", "{catalogueError.months}");
            }
        }
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
        return new CourseCatalogue.Course(code, f.name().strip(), blank(f.nameCy()), f.kind(), months,
                "true".equals(f.specialist()), blank(f.description()), blank(f.descriptionCy()),
                "true".equals(f.retired()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
