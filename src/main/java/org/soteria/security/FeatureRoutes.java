package org.soteria.security;

import java.util.List;

/**
 * A feature's paths with who may use them, and its entries in the service navigation. Each feature
 * declares one Spring bean of this type beside its controllers (marked {@code @ForceMode} or
 * {@code @HubMode} when the feature exists in one kind of instance only); {@link EndpointRules} gathers
 * them, so adding a page never means editing security's or the layout's code. Routes hold no state and
 * need nothing injected: the permissions page is generated from them without starting the application.
 */
public interface FeatureRoutes {

    /** The feature's paths and who may use them; a path no feature names is refused (deny by default). */
    List<EndpointRules.Rule> rules();

    /** The feature's entries in the service navigation, shown to those who may open them. */
    default List<NavItem> navigation() {
        return List.of();
    }
}
