package org.soteria.assessment;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** Self-assessment, its frameworks, the deep dive and the improvement plan. */
@Component
@ForceMode
class AssessmentRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
                Rule.needs("/deep-dive", Permission.REVIEW_CASE_FILES, "Deep-dive samples of crimes for case file review"),
                Rule.needs("/deep-dive/new", Permission.MANAGE_CASE_REVIEWS, "Draw a stratified random sample"),
                Rule.needs("/deep-dive/*/findings", Permission.MANAGE_CASE_REVIEWS,
                        "A sample's findings by pillar, with reviewers' notes"),
                Rule.needs("/deep-dive/*/findings.csv", Permission.MANAGE_CASE_REVIEWS,
                        "A sample's findings as figures, for the deep-dive report"),
                Rule.needs("/deep-dive/*/report", Permission.MANAGE_CASE_REVIEWS,
                        "The deep-dive report: by pillar, the case file review, officers' survey and focus groups, data"),
                Rule.needs("/deep-dive/*/report.csv", Permission.MANAGE_CASE_REVIEWS,
                        "The deep-dive report as figures (no reviewer's notes, no focus group's words)"),
                Rule.needs("/deep-dive/*/disagreements", Permission.MANAGE_CASE_REVIEWS,
                        "Where a sample's reviewers rated a crime differently, and settling the rating the findings use"),
                Rule.needs("/deep-dive/*", Permission.REVIEW_CASE_FILES, "A sample's crimes and the reviewers' agreement"),
                Rule.needs("/deep-dive/*/crimes/*", Permission.REVIEW_CASE_FILES,
                        "A sample crime's pseudonymised case file and its review"),
                Rule.needs("/improvement", Permission.VIEW_IMPROVEMENT_PLAN, "The force's improvement plan"),
                Rule.needs("/improvement/summary", Permission.VIEW_IMPROVEMENT_PLAN,
                        "The plan on a page, ready to print for boards and the Police and Crime Commissioner"),
                Rule.needs("/improvement/new", Permission.MANAGE_IMPROVEMENT_PLAN, "Add an action to the plan"),
                Rule.needs("/improvement/*/updates", Permission.MANAGE_IMPROVEMENT_PLAN, "Record an action's progress"),
                Rule.needs("/improvement/*", Permission.VIEW_IMPROVEMENT_PLAN,
                        "An action, its progress and its linked measure before and after"),
                Rule.needs("/assessment", Permission.VIEW_ASSESSMENTS, "The force's self-assessments"),
                Rule.needs("/assessment/new", Permission.MANAGE_ASSESSMENTS, "Start a self-assessment"),
                Rule.needs("/assessment/compare", Permission.VIEW_ASSESSMENTS, "Compare two assessments by section"),
                Rule.needs("/assessment/*/sign-off", Permission.MANAGE_ASSESSMENTS, "Sign off a completed assessment"),
                Rule.needs("/assessment/*/sections/*/answers", Permission.MANAGE_ASSESSMENTS,
                        "Answer a section, and upload its evidence"),
                Rule.needs("/assessment/*/sections/*/comments", Permission.COMMENT_ON_ASSESSMENTS,
                        "Comment on a section as an academic partner"),
                Rule.needs("/assessment/*/sections/*", Permission.VIEW_ASSESSMENTS, "A section: questions, answers, "
                        + "evidence, comments"),
                Rule.needs("/assessment/*/evidence/*", Permission.VIEW_ASSESSMENTS, "Download an evidence file (logged)"),
                Rule.needs("/assessment/*", Permission.VIEW_ASSESSMENTS, "An assessment's task list"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("assessment", "nav.assessment", 80, Permission.VIEW_ASSESSMENTS, "/assessment"),
                NavItem.of("deep-dive", "nav.deepDive", 100, Permission.REVIEW_CASE_FILES, "/deep-dive"),
                NavItem.of("improvement", "nav.improvement", 110, Permission.VIEW_IMPROVEMENT_PLAN, "/improvement"));
    }
}
