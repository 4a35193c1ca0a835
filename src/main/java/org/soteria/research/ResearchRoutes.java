package org.soteria.research;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Research projects and their extracts. */
@Component
@ForceMode
class ResearchRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/research", Permission.VIEW_RESEARCH_PROJECTS,
                        "Research projects (the force lead: the force's; researchers: their own)"),
                Rule.needs("/research/new", Permission.MANAGE_RESEARCH, "Propose a research project"),
                Rule.needs("/research/*/status", Permission.MANAGE_RESEARCH, "Approve or close a research project"),
                Rule.needs("/research/*/extract.csv", Permission.USE_RESEARCH_EXTRACTS,
                        "A project's pseudonymised, k-anonymous extract (a disclosure, logged)"),
                Rule.needs("/research/*", Permission.VIEW_RESEARCH_PROJECTS,
                        "A research project, its extracts and the evaluation methods on the force's measures"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("research", "nav.research", 120, Permission.VIEW_RESEARCH_PROJECTS, "/research"));
    }
}
