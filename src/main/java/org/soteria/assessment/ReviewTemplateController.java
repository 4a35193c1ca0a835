package org.soteria.assessment;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.reference.Pillar;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case file review's templates (issue 26, ADR 43): the versions and their items for everyone who plans or reviews
 * deep dives; the national coordinator's drafts (items added and removed, then published); the force lead's own items.
 * At the hub too (issue 28): there the coordinator publishes the versions every force takes from the hub's file.
 */
@Controller
class ReviewTemplateController {

    private final ReviewTemplates templates;
    private final boolean hub;

    ReviewTemplateController(ReviewTemplates templates,
            @org.springframework.beans.factory.annotation.Value("${soteria.mode:force}") String mode) {
        this.templates = templates;
        this.hub = "hub".equals(mode);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    @GetMapping("/review-templates")
    String list(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return listPage(user, model, Map.of(), Map.of("scale", ReviewItem.Scale.ORDINAL.code()));
    }

    private String listPage(SoteriaUser user, Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("activeNav", "review-templates");
        model.addAttribute("templates", templates.templates());
        // Only the pillars the force has items for: six "no item" lines would bury one item.
        Map<Integer, List<ReviewItem>> own = new java.util.LinkedHashMap<>(templates.forceItems(user));
        own.values().removeIf(List::isEmpty);
        model.addAttribute("forceItems", own);
        model.addAttribute("canAddOwn", user.can(Permission.MANAGE_CASE_REVIEWS));
        formChoices(model, errors, form);
        return "assessment/review-templates";
    }

    private static void formChoices(Model model, Map<String, String> errors, Map<String, String> form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("pillars", Pillar.choices());
        model.addAttribute("scales", List.of(ReviewItem.Scale.values()));
    }

    @GetMapping("/review-templates/{id}")
    String template(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, Model model) {
        return templatePage(RequestValues.id(id), user, model, Map.of(), Map.of("scale",
                ReviewItem.Scale.ORDINAL.code()));
    }

    private String templatePage(long id, SoteriaUser user, Model model, Map<String, String> errors,
            Map<String, String> form) {
        model.addAttribute("activeNav", "review-templates");
        model.addAttribute("view", templates.template(id).orElseThrow(ReviewTemplateController::notFound));
        model.addAttribute("canEdit", user.can(Permission.MANAGE_REVIEW_TEMPLATES));
        formChoices(model, errors, form);
        return "assessment/review-template";
    }

    @PostMapping("/review-templates/force-items")
    String addOwn(@Valid AssessmentForms.TemplateItem form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        try {
            String code = templates.addForceItem(user, form.read(), FormErrors.of(binding));
            flash.addFlashAttribute("success", Fault.of("reviewTemplateDone.ownItemAdded", code));
            return "redirect:/review-templates";
        } catch (Invalid e) {
            return listPage(user, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
    }

    @GetMapping("/review-templates/force-items/{itemId}")
    String ownItem(@PathVariable("itemId") String itemId, @AuthenticationPrincipal SoteriaUser user, Model model) {
        ReviewTemplates.ForceItem own = templates.forceItem(user, RequestValues.id(itemId))
                .orElseThrow(ReviewTemplateController::notFound);
        ReviewItem i = own.item();
        Map<String, String> form = new java.util.HashMap<>();
        form.put("pillar", String.valueOf(i.pillar()));
        form.put("scale", i.scale().code());
        if (i.mayNotApply()) {
            form.put("mayNotApply", "true");
        }
        form.put("text", i.text().english());
        form.put("textCy", i.text().welsh());
        form.put("guidance", i.guidance().english());
        form.put("guidanceCy", i.guidance().welsh());
        return ownItemPage(own, model, Map.of(), form);
    }

    private String ownItemPage(ReviewTemplates.ForceItem own, Model model, Map<String, String> errors,
            Map<String, String> form) {
        model.addAttribute("activeNav", "review-templates");
        model.addAttribute("own", own);
        formChoices(model, errors, form);
        return "assessment/review-item-edit";
    }

    @PostMapping("/review-templates/force-items/{itemId}")
    String changeOwn(@PathVariable("itemId") String itemId, @Valid AssessmentForms.TemplateItem form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long id = RequestValues.id(itemId);
        ReviewTemplates.ForceItem own = templates.forceItem(user, id).orElseThrow(ReviewTemplateController::notFound);
        try {
            String code = templates.changeForceItem(user, id, form.read(), FormErrors.of(binding));
            flash.addFlashAttribute("success", Fault.of("reviewTemplateDone.ownItemChanged", code));
            return "redirect:/review-templates";
        } catch (Invalid e) {
            if (e.errors().containsKey("item")) {
                flash.addFlashAttribute("problem", List.copyOf(e.errors().values()));
                return "redirect:/review-templates/force-items/" + id;
            }
            return ownItemPage(own, model, FormErrors.inOrder(e.errors(), form.getClass()), FormErrors.values(form));
        }
    }

    @PostMapping("/review-templates/force-items/{itemId}/retire")
    String retire(@PathVariable("itemId") String itemId, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes flash) {
        try {
            templates.retireForceItem(user, RequestValues.id(itemId));
            flash.addFlashAttribute("success", "{reviewTemplateDone.ownItemRetired}");
        } catch (Invalid e) {
            throw notFound();
        }
        return "redirect:/review-templates";
    }

    @PostMapping("/review-templates/{id}/new-version")
    String newVersion(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user,
            RedirectAttributes flash) {
        long templateId = RequestValues.id(id);
        try {
            long draft = templates.newVersion(user, templateId);
            flash.addFlashAttribute("success", "{reviewTemplateDone.draftMade}");
            return "redirect:/review-templates/" + draft;
        } catch (Invalid e) {
            flash.addFlashAttribute("problem", List.copyOf(e.errors().values()));
            return "redirect:/review-templates/" + templateId;
        }
    }

    @PostMapping("/review-templates/{id}/items")
    String addItem(@PathVariable("id") String id, @Valid AssessmentForms.TemplateItem form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes flash) {
        long templateId = RequestValues.id(id);
        try {
            templates.addItem(user, templateId, form.read(), FormErrors.of(binding));
        } catch (Invalid e) {
            if (e.errors().containsKey("template")) {
                throw notFound();
            }
            return templatePage(templateId, user, model, FormErrors.inOrder(e.errors(), form.getClass()),
                    FormErrors.values(form));
        }
        flash.addFlashAttribute("success", "{reviewTemplateDone.itemAdded}");
        return "redirect:/review-templates/" + templateId;
    }

    @PostMapping("/review-templates/{id}/items/{itemId}/remove")
    String removeItem(@PathVariable("id") String id, @PathVariable("itemId") String itemId,
            @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        long templateId = RequestValues.id(id);
        try {
            templates.removeItem(user, templateId, RequestValues.id(itemId));
            flash.addFlashAttribute("success", "{reviewTemplateDone.itemRemoved}");
        } catch (Invalid e) {
            flash.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
        return "redirect:/review-templates/" + templateId;
    }

    @PostMapping("/review-templates/{id}/publish")
    String publish(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser user, RedirectAttributes flash) {
        long templateId = RequestValues.id(id);
        try {
            templates.publish(user, templateId);
            flash.addFlashAttribute("success", hub ? "{reviewTemplateDone.publishedAtHub}"
                    : "{reviewTemplateDone.published}");
        } catch (Invalid e) {
            flash.addFlashAttribute("problem", List.copyOf(e.errors().values()));
        }
        return "redirect:/review-templates/" + templateId;
    }
}
