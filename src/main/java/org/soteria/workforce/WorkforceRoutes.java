package org.soteria.workforce;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Officers' development, wellbeing, teams and the guidance library. */
@Component
@ForceMode
class WorkforceRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.signedIn("/workforce/guidance", "The guidance library"),
                Rule.needs("/workforce/guidance/**", Permission.MANAGE_GUIDANCE, "Add guidance and publish new versions"),
                Rule.needs("/workforce/wellbeing", Permission.RECORD_OWN_WELLBEING, "Your own wellbeing records"),
                Rule.needs("/workforce/wellbeing/**", Permission.RECORD_OWN_WELLBEING,
                        "Record a check-in, supervision or referral; share check-ins; check-ins shared with you"),
                Rule.needs("/workforce/teams", Permission.MANAGE_TEAM_WORKFORCE,
                        "Team readiness, caseloads with allocation help, abstraction, wellbeing averages"),
                Rule.needs("/workforce/officers/*", Permission.MANAGE_TEAM_WORKFORCE, "An officer's development record"),
                Rule.needs("/workforce/abstractions", Permission.MANAGE_TEAM_WORKFORCE, "Record an abstraction"),
                Rule.needs("/workforce", Permission.MANAGE_OWN_DEVELOPMENT,
                        "Your training, learning plan, caseload and abstractions"),
                Rule.needs("/workforce/**", Permission.MANAGE_OWN_DEVELOPMENT,
                        "Record training or a learning plan item (your own, or for an officer you manage)"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("workforce", "nav.workforce", 60, Permission.MANAGE_OWN_DEVELOPMENT, "/workforce")
                .orElse(Permission.RECORD_OWN_WELLBEING, "/workforce/wellbeing").orElse(null, "/workforce/guidance"));
    }
}
