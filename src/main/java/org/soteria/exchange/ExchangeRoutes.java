package org.soteria.exchange;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Import runs and their problem reports. */
@Component
@ForceMode
class ExchangeRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/imports", Permission.VIEW_IMPORT_RUNS, "Import runs"),
                Rule.needs("/imports/**", Permission.VIEW_IMPORT_RUNS, "An import run and its problem report"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("imports", "nav.imports", 150, Permission.VIEW_IMPORT_RUNS, "/imports"));
    }
}
