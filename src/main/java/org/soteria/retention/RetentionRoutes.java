package org.soteria.retention;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** MoPI review, retention and disposal: the records manager's pages. */
@Component
@ForceMode
class RetentionRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(Rule.needs("/retention/**", Permission.REVIEW_RETENTION,
                "Records due for MoPI review, review decisions, deletion"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.of("retention", "nav.retention", 150, Permission.REVIEW_RETENTION, "/retention"));
    }
}
