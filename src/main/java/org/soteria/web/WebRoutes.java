package org.soteria.web;

import java.util.List;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.springframework.stereotype.Component;

/** The home page. Both kinds of instance. */
@Component
class WebRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.signedIn("/", "The home page"));
    }
}
