package org.soteria.assessment;

import java.util.List;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/**
 * The case file review's templates (ADR 43): edited by the national coordinator at the hub, from which forces take
 * each published version (issue 28), and in a force for a coordinator who works there; a force's lead adds the force's
 * own items (no one at the hub holds that permission).
 */
@Component
class ReviewTemplateRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/review-templates", Permission.VIEW_REVIEW_TEMPLATES,
                        "The case file review's templates, and (in a force) the force's own items"),
                Rule.needs("/review-templates/force-items", Permission.MANAGE_CASE_REVIEWS,
                        "Add an item of the force's own to the review form"),
                Rule.needs("/review-templates/force-items/*", Permission.MANAGE_CASE_REVIEWS,
                        "One of the force's own items: correct it while no sample's form holds it"),
                Rule.needs("/review-templates/force-items/*/retire", Permission.MANAGE_CASE_REVIEWS,
                        "Retire an item of the force's own from samples drawn from now on"),
                Rule.needs("/review-templates/*/new-version", Permission.MANAGE_REVIEW_TEMPLATES,
                        "Make a draft of a review template's next version"),
                Rule.needs("/review-templates/*/items", Permission.MANAGE_REVIEW_TEMPLATES, "Add an item to a draft"),
                Rule.needs("/review-templates/*/items/*/remove", Permission.MANAGE_REVIEW_TEMPLATES,
                        "Remove an item from a draft"),
                Rule.needs("/review-templates/*/publish", Permission.MANAGE_REVIEW_TEMPLATES,
                        "Publish a draft: forces may then draw samples on it (at the hub: offer it to forces)"),
                Rule.needs("/review-templates/*", Permission.VIEW_REVIEW_TEMPLATES,
                        "A review template's version: its items by pillar, scales and guidance"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.of("review-templates", "nav.reviewTemplates", 105, Permission.VIEW_REVIEW_TEMPLATES,
                "/review-templates"));
    }
}
