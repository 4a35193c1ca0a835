package org.soteria.suspect;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The repeat-suspect register, link review and disruption. */
@Component
@ForceMode
class SuspectRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/repeat-suspects", Permission.VIEW_REPEAT_SUSPECTS, "The repeat-suspect register"),
                Rule.needs("/repeat-suspects.csv", Permission.VIEW_REPEAT_SUSPECTS, "The register as CSV (audited)"),
                Rule.needs("/repeat-suspects/links", Permission.REVIEW_PERSON_LINKS, "Proposed links awaiting review"),
                Rule.needs("/repeat-suspects/links/**", Permission.REVIEW_PERSON_LINKS, "Confirm or reject a proposed link"),
                Rule.needs("/repeat-suspects/*", Permission.VIEW_REPEAT_SUSPECTS,
                        "A register entry: linked records and crimes, why they were linked, priority, disruption"),
                Rule.needs("/disruption", Permission.VIEW_REPEAT_SUSPECTS, "Disruption orders and bail conditions"),
                Rule.needs("/disruption/alerts", Permission.VIEW_REPEAT_SUSPECTS,
                        "Orders expiring or due for review, and new crimes naming someone subject to an order"),
                Rule.needs("/disruption/orders/*/*", Permission.VIEW_REPEAT_SUSPECTS, "One order, its reviews and breaches"),
                Rule.needs("/disruption/**", Permission.MANAGE_DISRUPTION, "Record an order, a review or a breach"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("repeat", "nav.repeat", 40, Permission.VIEW_REPEAT_SUSPECTS, "/repeat-suspects"));
    }
}
