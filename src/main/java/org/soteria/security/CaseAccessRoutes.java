package org.soteria.security;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.springframework.stereotype.Component;

/** Break-glass: emergency access to a crime, with a reason. */
@Component
@ForceMode
class CaseAccessRoutes implements FeatureRoutes {

    @Override
    public List<EndpointRules.Rule> rules() {
        return List.of(
                EndpointRules.Rule.needs("/break-glass", Permission.BREAK_GLASS, "Emergency access to a crime, with a reason"));
    }
}
