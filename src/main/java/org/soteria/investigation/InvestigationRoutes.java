package org.soteria.investigation;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.ApiScope;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The case list, case pages, who can see a crime, and the cases API. */
@Component
@ForceMode
class InvestigationRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/cases/*/access/grants/**", Permission.GRANT_ACCESS, "Give or withdraw access to a crime"),
                Rule.needs("/cases/*/access", Permission.VIEW_CASE_ACCESS_LOG, "Who can see and who has accessed a crime"),
                Rule.needs("/cases", Permission.VIEW_CASES, "The case list (need-to-know applies)"),
                Rule.needs("/cases/*", Permission.VIEW_CASES, "A case page (need-to-know applies)"),
                Rule.api("/api/v1/cases", Permission.VIEW_CASES, ApiScope.CASES_READ,
                        "API: the case list (need-to-know applies)"),
                Rule.api("/api/v1/cases/*", Permission.VIEW_CASES, ApiScope.CASES_READ,
                        "API: one case record (need-to-know applies)"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("cases", "nav.cases", 10, Permission.VIEW_CASES, "/cases"));
    }
}
