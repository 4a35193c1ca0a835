package org.soteria.performance;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.ApiScope;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** The performance dashboard, data quality, their downloads and the measures API. */
@Component
@ForceMode
class PerformanceRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/performance/officers", Permission.VIEW_OFFICER_MEASURES,
                        "Measures by officer in the case"),
                Rule.needs("/performance/officers.*", Permission.VIEW_OFFICER_MEASURES,
                        "Measures by officer in the case, as CSV or XLSX"),
                Rule.needs("/performance/data-quality", Permission.VIEW_DATA_QUALITY, "The data quality page"),
                Rule.needs("/performance/data-quality.xlsx", Permission.VIEW_DATA_QUALITY,
                        "Every data quality table as XLSX"),
                Rule.needs("/performance/data-quality/**", Permission.VIEW_DATA_QUALITY,
                        "One data quality table as CSV or XLSX"),
                Rule.needs("/performance", Permission.VIEW_MEASURES, "The performance dashboard (own force)"),
                Rule.needs("/performance/**", Permission.VIEW_MEASURES,
                        "Dashboard views and their CSV and XLSX downloads (own force)"),
                Rule.api("/api/v1/measures", Permission.VIEW_MEASURES, ApiScope.MEASURES_READ,
                        "API: every measure of kpis.md for a period (own force)"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("performance", "nav.performance", 70, Permission.VIEW_MEASURES, "/performance")
                .orElse(Permission.VIEW_DATA_QUALITY, "/performance/data-quality"));
    }
}
