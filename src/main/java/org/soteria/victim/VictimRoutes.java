package org.soteria.victim;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Victims' pages, Victims' Code duties due, feedback comments and the victim's feedback form. */
@Component
@ForceMode
class VictimRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.open("/feedback/*", "The victim's feedback form, reached by a single-use link (no account; shows no "
                        + "case details)"),
                Rule.needs("/cases/*/victims/*", Permission.VIEW_CASES, "A victim's page: Victims' Code duties, contact "
                        + "plan, contact log (need-to-know applies)"),
                Rule.needs("/cases/*/victims/*/**", Permission.RECORD_VICTIM_CONTACT, "Change a victim's contact plan, log "
                        + "a contact, record a withdrawal or review, create a feedback link (need-to-know applies)"),
                Rule.needs("/victims/due", Permission.VIEW_CASES, "Victims' Code duties due today and overdue, for you, "
                        + "your teams or an officer (need-to-know applies)"),
                Rule.needs("/victims/overdue", Permission.VIEW_OVERDUE_BY_TEAM, "Overdue duties by team and officer"),
                Rule.needs("/victims/feedback-comments", Permission.READ_FEEDBACK_COMMENTS,
                        "Victims' free-text feedback, by month"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("victims", "nav.victims", 30, Permission.VIEW_CASES, "/victims/due"),
                NavItem.of("feedback", "nav.feedback", 50, Permission.READ_FEEDBACK_COMMENTS, "/victims/feedback-comments"));
    }
}
