package org.soteria.workforce;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The force's training catalogue (ADR 39); the hub's is among the hub's routes. */
@Component
@ForceMode
class CatalogueRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/courses", Permission.MANAGE_TRAINING_CATALOGUE, "The training catalogue: the force's own "
                        + "courses and the national ones accepted from the hub"),
                Rule.needs("/courses/**", Permission.MANAGE_TRAINING_CATALOGUE, "Add or change the force's own "
                        + "courses; take the national catalogue from the hub and accept a version"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.of("courses", "nav.courses", 92, Permission.MANAGE_TRAINING_CATALOGUE, "/courses"));
    }
}
