package org.soteria.security;

import java.util.List;

/**
 * Every path Soteria answers and who may use it, in the order they are matched; whatever is not
 * listed is refused (deny by default). Paths under /api are reached with a personal access token only. SecurityConfig applies this list, PermissionsDocTest writes it
 * into docs/security/permissions.md, and EndpointCoverageIT fails when a handler is not covered.
 */
public final class EndpointRules {

    /** Who may use a path: anyone, any signed-in user, or the holders of a permission. */
    public enum Access {
        PUBLIC, SIGNED_IN, PERMISSION, TOKEN,
        /** The learning network's hub API: the request carries a file signed by a registered force (or asks to register). */
        SIGNED_FILE
    }

    /** One path rule; API rules ({@link Access#TOKEN}) need a personal access token with {@code scope} too. */
    public record Rule(String pattern, Access access, Permission permission, ApiScope scope, String purpose) {

        static Rule open(String pattern, String purpose) {
            return new Rule(pattern, Access.PUBLIC, null, null, purpose);
        }

        static Rule signedIn(String pattern, String purpose) {
            return new Rule(pattern, Access.SIGNED_IN, null, null, purpose);
        }

        static Rule needs(String pattern, Permission permission, String purpose) {
            return new Rule(pattern, Access.PERMISSION, permission, null, purpose);
        }

        static Rule api(String pattern, Permission permission, ApiScope scope, String purpose) {
            return new Rule(pattern, Access.TOKEN, permission, scope, purpose);
        }

        static Rule signedFile(String pattern, String purpose) {
            return new Rule(pattern, Access.SIGNED_FILE, null, null, purpose);
        }

        public boolean isApi() {
            return access == Access.TOKEN || access == Access.SIGNED_FILE;
        }
    }

    public static final List<Rule> RULES = List.of(
            Rule.open("/assets/**", "GOV.UK and MoJ Frontend styles, fonts and scripts"),
            Rule.open("/css/**", "Soteria's styles"),
            Rule.open("/js/**", "Soteria's scripts"),
            Rule.open("/favicon.ico", "The site icon"),
            Rule.open("/actuator/health", "Health check for the load balancer"),
            Rule.open("/actuator/health/**", "Liveness and readiness probes"),
            Rule.open("/login", "The sign-in page"),
            Rule.open("/oauth2/authorization/*", "Sign-in through the force's directory (OpenID Connect), when set up"),
            Rule.open("/login/oauth2/code/*", "The directory's answer to a sign-in (OpenID Connect), when set up"),
            Rule.open("/error", "Error pages (they reveal nothing)"),
            Rule.signedIn("/sign-in/**", "The second step of sign-in and setting up the second factor"),
            Rule.signedIn("/", "The home page"),
            Rule.needs("/account/**", Permission.MANAGE_OWN_ACCOUNT, "Your account: second factor, recovery codes, "
                    + "signing out everywhere"),
            Rule.needs("/cases/*/access/grants/**", Permission.GRANT_ACCESS, "Give or withdraw access to a crime"),
            Rule.needs("/cases/*/access", Permission.VIEW_CASE_ACCESS_LOG, "Who can see and who has accessed a crime"),
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
                    "Victims' free-text feedback, by month"),
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
                    "Record training or a learning plan item (your own, or for an officer you manage)"),
            Rule.needs("/repeat-suspects", Permission.VIEW_REPEAT_SUSPECTS, "The repeat-suspect register"),
            Rule.needs("/repeat-suspects.csv", Permission.VIEW_REPEAT_SUSPECTS, "The register as CSV (audited)"),
            Rule.needs("/repeat-suspects/links", Permission.REVIEW_PERSON_LINKS, "Proposed links awaiting review"),
            Rule.needs("/repeat-suspects/links/**", Permission.REVIEW_PERSON_LINKS, "Confirm or reject a proposed link"),
            Rule.needs("/repeat-suspects/*", Permission.VIEW_REPEAT_SUSPECTS,
                    "A register entry: linked records and crimes, why they were linked, priority, disruption"),
            Rule.needs("/disruption", Permission.VIEW_REPEAT_SUSPECTS, "Disruption orders and bail conditions"),
            Rule.needs("/disruption/alerts", Permission.VIEW_REPEAT_SUSPECTS,
                    "Orders expiring or due for review, and new crimes naming someone subject to an order"),
            Rule.needs("/disruption/orders/*/*", Permission.VIEW_REPEAT_SUSPECTS, "One order, its reviews and breaches"),
            Rule.needs("/disruption/**", Permission.MANAGE_DISRUPTION, "Record an order, a review or a breach"),
            Rule.needs("/cases/*/plan", Permission.VIEW_CASES, "A crime's investigation plan: its stage in the "
                    + "investigator's journey, suspect-focused prompts, lines of enquiry (need-to-know applies)"),
            Rule.needs("/cases/*/plan/**", Permission.WORK_INVESTIGATIONS,
                    "Move a crime to a stage; add or close a line of enquiry (need-to-know applies)"),
            Rule.needs("/cases/*/reviews", Permission.VIEW_CASES, "A crime's supervisor reviews and their schedule"),
            Rule.needs("/cases/*/reviews/**", Permission.REVIEW_INVESTIGATIONS, "Record a supervisor review"),
            Rule.needs("/cases/*/requests", Permission.VIEW_CASES, "A crime's requests for the victim's material"),
            Rule.needs("/cases/*/requests/*/decision", Permission.REVIEW_INVESTIGATIONS,
                    "Approve or refuse a request for the victim's material (never your own)"),
            Rule.needs("/cases/*/requests/**", Permission.WORK_INVESTIGATIONS,
                    "Make a request for the victim's material; record it sent, returned or withdrawn"),
            Rule.needs("/cases/*/devices", Permission.VIEW_CASES, "A crime's device exhibits and their examination"),
            Rule.needs("/cases/*/devices/**", Permission.WORK_INVESTIGATIONS,
                    "Submit a device for examination; move it through the queue"),
            Rule.needs("/cases/*/bail", Permission.VIEW_CASES, "A crime's bail and release under investigation"),
            Rule.needs("/cases/*/bail/**", Permission.WORK_INVESTIGATIONS, "Record, extend or end bail or RUI"),
            Rule.needs("/cases/*/cps", Permission.VIEW_CASES, "A crime's CPS liaison: advice, referral, actions, decisions"),
            Rule.needs("/cases/*/cps/**", Permission.WORK_INVESTIGATIONS,
                    "Keep the file readiness checklist; record advice sought, a referral, actions and decisions"),
            Rule.needs("/casework", Permission.VIEW_CASES, "What is due: lines of enquiry, reviews, approvals, bail, "
                    + "CPS actions (need-to-know applies)"),
            Rule.needs("/casework/forensics", Permission.VIEW_FORENSIC_QUEUE,
                    "The force's digital forensics queue and figures for requests for victims' material"),
            Rule.needs("/casework/stages", Permission.MANAGE_JOURNEY, "The stages of the investigator's journey"),
            Rule.needs("/research", Permission.VIEW_RESEARCH_PROJECTS,
                    "Research projects (the force lead: the force's; researchers: their own)"),
            Rule.needs("/research/new", Permission.MANAGE_RESEARCH, "Propose a research project"),
            Rule.needs("/research/*/status", Permission.MANAGE_RESEARCH, "Approve or close a research project"),
            Rule.needs("/research/*/extract.csv", Permission.USE_RESEARCH_EXTRACTS,
                    "A project's pseudonymised, k-anonymous extract (a disclosure, logged)"),
            Rule.needs("/research/*", Permission.VIEW_RESEARCH_PROJECTS,
                    "A research project, its extracts and the evaluation methods on the force's measures"),
            Rule.needs("/deep-dive", Permission.REVIEW_CASE_FILES, "Deep-dive samples of crimes for case file review"),
            Rule.needs("/deep-dive/new", Permission.MANAGE_CASE_REVIEWS, "Draw a stratified random sample"),
            Rule.needs("/deep-dive/*/findings", Permission.MANAGE_CASE_REVIEWS,
                    "A sample's findings by pillar, with reviewers' notes"),
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
            Rule.needs("/assessment/*/sections/*/answers", Permission.MANAGE_ASSESSMENTS, "Answer a section"),
            Rule.needs("/assessment/*/sections/*/evidence", Permission.MANAGE_ASSESSMENTS, "Upload evidence"),
            Rule.needs("/assessment/*/sections/*/comments", Permission.COMMENT_ON_ASSESSMENTS,
                    "Comment on a section as an academic partner"),
            Rule.needs("/assessment/*/sections/*", Permission.VIEW_ASSESSMENTS, "A section: questions, answers, "
                    + "evidence, comments"),
            Rule.needs("/assessment/*/evidence/*", Permission.VIEW_ASSESSMENTS, "Download an evidence file (logged)"),
            Rule.needs("/assessment/*", Permission.VIEW_ASSESSMENTS, "An assessment's task list"),
            Rule.needs("/frameworks", Permission.MANAGE_FRAMEWORKS, "Assessment frameworks and their versions"),
            Rule.needs("/frameworks/**", Permission.MANAGE_FRAMEWORKS,
                    "A framework; make a new version, change its questions, publish it"),
            Rule.needs("/network", Permission.SHARE_WITH_NETWORK, "The force's place in the learning network: its key, "
                    + "the hub, files sent and their outcome"),
            Rule.needs("/network/notices", Permission.VIEW_NETWORK_NOTICES, "Suspects of the force who may also be "
                    + "known to another force (logged)"),
            Rule.needs("/network/notices/**", Permission.VIEW_NETWORK_NOTICES, "Ask the hub for notices, or upload "
                    + "its notices file"),
            Rule.needs("/network/benchmark", Permission.SHARE_WITH_NETWORK, "The benchmark as it would leave the "
                    + "force, suppressed"),
            Rule.needs("/network/**", Permission.SHARE_WITH_NETWORK, "Save the hub's address, register, send or "
                    + "download the benchmark and the encodings"),
            Rule.needs("/hub", Permission.USE_NETWORK, "The learning network hub: the comparison for your force "
                    + "(the national team: every force)"),
            Rule.needs("/hub/practice", Permission.USE_NETWORK, "The practice library: search promising practice"),
            Rule.needs("/hub/practice/moderation", Permission.MODERATE_NETWORK, "Practice and comments awaiting "
                    + "moderation"),
            Rule.needs("/hub/practice/*/moderation", Permission.MODERATE_NETWORK, "Publish or return practice; hide "
                    + "a comment"),
            Rule.needs("/hub/practice/**", Permission.USE_NETWORK, "Publish practice, read it, comment, mark "
                    + "\"we are trying this\", download its attachments"),
            Rule.needs("/hub/upload", Permission.UPLOAD_NETWORK_FILES, "Upload a force's signed file where its "
                    + "network blocks calls out"),
            Rule.needs("/hub/notices/*", Permission.UPLOAD_NETWORK_FILES, "Download a force's signed notices file"),
            Rule.needs("/hub/forces", Permission.MODERATE_NETWORK, "Forces registered with the hub, and requests to "
                    + "join"),
            Rule.needs("/hub/forces/**", Permission.MODERATE_NETWORK, "A force: approve or refuse its registration, "
                    + "set its peer group, see what it has sent"),
            Rule.needs("/hub/receipts", Permission.MODERATE_NETWORK, "Every file received, accepted or refused with "
                    + "the reason"),
            Rule.needs("/cases", Permission.VIEW_CASES, "The case list (need-to-know applies)"),
            Rule.needs("/cases/*", Permission.VIEW_CASES, "A case page (need-to-know applies)"),
            Rule.needs("/break-glass", Permission.BREAK_GLASS, "Emergency access to a crime, with a reason"),
            Rule.needs("/audit/**", Permission.SEARCH_AUDIT_LOG, "Audit log search, break-glass review, subject "
                    + "access export"),
            Rule.needs("/imports", Permission.VIEW_IMPORT_RUNS, "Import runs"),
            Rule.needs("/imports/**", Permission.VIEW_IMPORT_RUNS, "An import run and its problem report"),
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
                    "API: every measure of kpis.md for a period (own force)"),
            Rule.signedFile("/api/v1/network/hub", "Hub API: the hub's public key, for forces to check its files"),
            Rule.signedFile("/api/v1/network/registrations", "Hub API: a force asks to join (waits for the national "
                    + "team's approval)"),
            Rule.signedFile("/api/v1/network/envelopes", "Hub API: a force's signed file (benchmark, encodings, "
                    + "request for notices), checked against its registered key"),
            Rule.api("/api/v1/cases", Permission.VIEW_CASES, ApiScope.CASES_READ,
                    "API: the case list (need-to-know applies)"),
            Rule.api("/api/v1/cases/*", Permission.VIEW_CASES, ApiScope.CASES_READ,
                    "API: one case record (need-to-know applies)"));

    private EndpointRules() {
    }
}
