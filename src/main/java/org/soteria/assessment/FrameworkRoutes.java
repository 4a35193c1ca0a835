package org.soteria.assessment;

import java.util.List;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/**
 * Assessment frameworks, edited by the national coordinator: at the hub, from which forces take each published version
 * (issue 28), and in a force for a coordinator who works there.
 */
@Component
class FrameworkRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/frameworks", Permission.MANAGE_FRAMEWORKS, "Assessment frameworks and their versions"),
                Rule.needs("/frameworks/**", Permission.MANAGE_FRAMEWORKS,
                        "A framework; make a new version, change its questions, publish it"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.of("frameworks", "nav.frameworks", 90, Permission.MANAGE_FRAMEWORKS, "/frameworks"));
    }
}
