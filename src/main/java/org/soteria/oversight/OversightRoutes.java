package org.soteria.oversight;

import java.util.List;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The audit log. Both kinds of instance. */
@Component
class OversightRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/audit/**", Permission.SEARCH_AUDIT_LOG, "Audit log search, break-glass review, subject "
                        + "access export"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("audit", "nav.audit", 140, Permission.SEARCH_AUDIT_LOG, "/audit"));
    }
}
