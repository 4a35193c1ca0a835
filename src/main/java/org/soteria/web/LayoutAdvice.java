package org.soteria.web;

import jakarta.servlet.http.HttpServletRequest;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in user (only once both factors are checked), what they
 * may open, whether this is demo mode, and the response's CSP nonce.
 */
@ControllerAdvice
public class LayoutAdvice {

    private final boolean demo;
    private final boolean hub;

    public LayoutAdvice(@Value("${soteria.demo:false}") boolean demo, @Value("${soteria.mode:force}") String mode) {
        this.demo = demo;
        this.hub = "hub".equals(mode);
    }

    /** Whether this instance is the learning network's hub (serve --mode hub) rather than a force's. */
    @ModelAttribute("hubMode")
    boolean hubMode() {
        return hub;
    }

    @ModelAttribute("canUseNetwork")
    boolean canUseNetwork(Authentication authentication) {
        return can(authentication, Permission.USE_NETWORK);
    }

    @ModelAttribute("canModerateNetwork")
    boolean canModerateNetwork(Authentication authentication) {
        return can(authentication, Permission.MODERATE_NETWORK);
    }

    @ModelAttribute("canUploadNetworkFiles")
    boolean canUploadNetworkFiles(Authentication authentication) {
        return can(authentication, Permission.UPLOAD_NETWORK_FILES);
    }

    @ModelAttribute("canShareWithNetwork")
    boolean canShareWithNetwork(Authentication authentication) {
        return can(authentication, Permission.SHARE_WITH_NETWORK);
    }

    @ModelAttribute("canViewNetworkNotices")
    boolean canViewNetworkNotices(Authentication authentication) {
        return can(authentication, Permission.VIEW_NETWORK_NOTICES);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("cspNonce")
    Object cspNonce(HttpServletRequest request) {
        return request.getAttribute("cspNonce");
    }

    @ModelAttribute("currentUser")
    SoteriaUser currentUser(Authentication authentication) {
        return signedIn(authentication);
    }

    @ModelAttribute("canViewCases")
    boolean canViewCases(Authentication authentication) {
        return can(authentication, Permission.VIEW_CASES);
    }

    @ModelAttribute("canViewRepeatSuspects")
    boolean canViewRepeatSuspects(Authentication authentication) {
        return can(authentication, Permission.VIEW_REPEAT_SUSPECTS);
    }

    @ModelAttribute("canViewForensics")
    boolean canViewForensics(Authentication authentication) {
        return can(authentication, Permission.VIEW_FORENSIC_QUEUE);
    }

    @ModelAttribute("canManageJourney")
    boolean canManageJourney(Authentication authentication) {
        return can(authentication, Permission.MANAGE_JOURNEY);
    }

    @ModelAttribute("canViewResearch")
    boolean canViewResearch(Authentication authentication) {
        return can(authentication, Permission.VIEW_RESEARCH_PROJECTS);
    }

    @ModelAttribute("canReviewCaseFiles")
    boolean canReviewCaseFiles(Authentication authentication) {
        return can(authentication, Permission.REVIEW_CASE_FILES);
    }

    @ModelAttribute("canViewImprovementPlan")
    boolean canViewImprovementPlan(Authentication authentication) {
        return can(authentication, Permission.VIEW_IMPROVEMENT_PLAN);
    }

    @ModelAttribute("canViewAssessments")
    boolean canViewAssessments(Authentication authentication) {
        return can(authentication, Permission.VIEW_ASSESSMENTS);
    }

    @ModelAttribute("canManageFrameworks")
    boolean canManageFrameworks(Authentication authentication) {
        return can(authentication, Permission.MANAGE_FRAMEWORKS);
    }

    @ModelAttribute("canReadFeedbackComments")
    boolean canReadFeedbackComments(Authentication authentication) {
        return can(authentication, Permission.READ_FEEDBACK_COMMENTS);
    }

    @ModelAttribute("canDevelop")
    boolean canDevelop(Authentication authentication) {
        return can(authentication, Permission.MANAGE_OWN_DEVELOPMENT);
    }

    @ModelAttribute("canManageTeams")
    boolean canManageTeams(Authentication authentication) {
        return can(authentication, Permission.MANAGE_TEAM_WORKFORCE);
    }

    @ModelAttribute("canRecordWellbeing")
    boolean canRecordWellbeing(Authentication authentication) {
        return can(authentication, Permission.RECORD_OWN_WELLBEING);
    }

    @ModelAttribute("canViewImports")
    boolean canViewImports(Authentication authentication) {
        return can(authentication, Permission.VIEW_IMPORT_RUNS);
    }

    @ModelAttribute("canViewMeasures")
    boolean canViewMeasures(Authentication authentication) {
        return can(authentication, Permission.VIEW_MEASURES);
    }

    @ModelAttribute("canViewDataQuality")
    boolean canViewDataQuality(Authentication authentication) {
        return can(authentication, Permission.VIEW_DATA_QUALITY);
    }

    @ModelAttribute("canSearchAudit")
    boolean canSearchAudit(Authentication authentication) {
        return can(authentication, Permission.SEARCH_AUDIT_LOG);
    }

    private static boolean can(Authentication authentication, Permission permission) {
        SoteriaUser user = signedIn(authentication);
        return user != null && user.can(permission);
    }

    private static SoteriaUser signedIn(Authentication a) {
        return a != null && a.getPrincipal() instanceof SoteriaUser user && SoteriaUser.fullySignedIn(a) ? user : null;
    }
}
