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
                Rule.needs("/partner/cases/*/support", Permission.SUPPORT_VICTIMS, "ISVAs: record a support contact, "
                        + "a concern or a question to the officer in a case shared with their service"),
                Rule.needs("/partner/cases/*/milestones/*/passed-on", Permission.SUPPORT_VICTIMS, "ISVAs: record that "
                        + "a milestone of the case was passed on to the victim"),
                Rule.needs("/partner/milestones", Permission.SUPPORT_VICTIMS, "ISVAs: the milestones of cases shared "
                        + "with their service still to pass on to the victims"),
                Rule.needs("/partner-notes", Permission.SHARE_CASES, "Officers: ISVAs' concerns not yet seen and "
                        + "questions not yet answered, in the crimes they may see"),
                Rule.needs("/joint-reviews", Permission.JOINT_CASE_REVIEWS, "Joint case reviews with CPS units: the "
                        + "list, and opening this month's review"),
                Rule.needs("/joint-reviews/*", Permission.JOINT_CASE_REVIEWS, "A joint case review: the sampled cases "
                        + "the user may see, with both sides' notes"),
                Rule.needs("/joint-reviews/*/cases/*/note", Permission.JOINT_CASE_REVIEWS, "Write your side's note on "
                        + "a case of a joint case review"),
                Rule.needs("/admin/partners", Permission.MANAGE_PARTNERS, "The force's partner organisations"),
                Rule.needs("/admin/partners/**", Permission.MANAGE_PARTNERS, "Register or retire a partner "
                        + "organisation"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("shared", "nav.sharedCases", 10, Permission.VIEW_SHARED_CASES, "/partner/cases"),
                NavItem.of("joint-reviews", "nav.jointReviews", 65, Permission.JOINT_CASE_REVIEWS, "/joint-reviews"),
                NavItem.of("partners", "nav.partners", 95, Permission.MANAGE_PARTNERS, "/admin/partners"));
    }
}
