package org.soteria.network;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The force's side of the learning network. */
@Component
@ForceMode
class NetworkRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/network", Permission.SHARE_WITH_NETWORK, "The force's place in the learning network: its key, "
                        + "the hub, files sent and their outcome"),
                Rule.needs("/network/notices", Permission.VIEW_NETWORK_NOTICES, "Suspects of the force who may also be "
                        + "known to another force (logged)"),
                Rule.needs("/network/notices/**", Permission.VIEW_NETWORK_NOTICES, "Ask the hub for notices, or upload "
                        + "its notices file"),
                Rule.needs("/network/benchmark", Permission.SHARE_WITH_NETWORK, "The benchmark as it would leave the "
                        + "force, suppressed"),
                Rule.needs("/network/progress", Permission.SHARE_WITH_NETWORK, "The signed-off self-assessments and the "
                        + "improvement plan's progress as they would leave the force"),
                Rule.needs("/network/frameworks", Permission.SHARE_WITH_NETWORK, "Assessment frameworks and case file "
                        + "review templates from the national hub: versions the force does not have, with what changed"),
                Rule.needs("/network/**", Permission.SHARE_WITH_NETWORK, "Save the hub's address, register, send or "
                        + "download the benchmark, the encodings, the progress file and the shared guidance; take and accept national "
                        + "frameworks and review templates"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("network", "nav.network", 130, Permission.SHARE_WITH_NETWORK, "/network")
                .orElse(Permission.VIEW_NETWORK_NOTICES, "/network/notices"));
    }
}
