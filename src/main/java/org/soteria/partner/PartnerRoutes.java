package org.soteria.partner;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Sharing cases with partner organisations, partner users' pages, and the register of partner organisations. */
@Component
@ForceMode
class PartnerRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/cases/*/sharing", Permission.SHARE_CASES, "Who a crime is shared with, and sharing it "
                        + "with a partner organisation (need-to-know applies)"),
                Rule.needs("/cases/*/sharing/**", Permission.SHARE_CASES, "End a share, or record that the victim "
                        + "withdrew consent (need-to-know applies)"),
                Rule.needs("/partner/cases", Permission.VIEW_SHARED_CASES, "Partner users: the cases shared with "
                        + "their organisation"),
                Rule.needs("/partner/cases/*", Permission.VIEW_SHARED_CASES, "Partner users: a shared case, only the "
                        + "parts shared, while the sharing lasts"),
                Rule.needs("/admin/partners", Permission.MANAGE_PARTNERS, "The force's partner organisations"),
                Rule.needs("/admin/partners/**", Permission.MANAGE_PARTNERS, "Register or retire a partner "
                        + "organisation"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("shared", "nav.sharedCases", 10, Permission.VIEW_SHARED_CASES, "/partner/cases"),
                NavItem.of("partners", "nav.partners", 95, Permission.MANAGE_PARTNERS, "/admin/partners"));
    }
}
