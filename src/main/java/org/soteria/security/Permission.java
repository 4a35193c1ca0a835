package org.soteria.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What each role may do. Case-working roles see crimes only through need-to-know ({@link NeedToKnow});
 * the permission says whether the role may ask at all. docs/security/permissions.md is generated
 * from this enum and {@link EndpointRules} (PermissionsDocTest fails when it is stale).
 */
public enum Permission {
    VIEW_CASES("Open crimes, with their personal data, where need-to-know allows",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.FORCE_LEAD)),
    GRANT_ACCESS("Give and withdraw time-limited access to crimes of a team they supervise",
            EnumSet.of(Role.SUPERVISOR)),
    BREAK_GLASS("Open a crime outside need-to-know for one hour, with a written reason that auditors review",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.FORCE_LEAD)),
    VIEW_CASE_ACCESS_LOG("See who has accessed a crime (supervisors: crimes of their teams)",
            EnumSet.of(Role.SUPERVISOR, Role.AUDITOR)),
    SEARCH_AUDIT_LOG("Search the audit log, review break-glass accesses and export a subject's records",
            EnumSet.of(Role.AUDITOR)),
    VIEW_IMPORT_RUNS("See import runs and download their problem reports",
            EnumSet.of(Role.FORCE_LEAD, Role.ADMIN, Role.AUDITOR)),
    VIEW_MEASURES("See the performance dashboards and measures of their own force, and download them",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.ANALYST, Role.FORCE_LEAD)),
    VIEW_OFFICER_MEASURES("See measures broken down by officer (caseload and outcomes per officer in the case)",
            EnumSet.of(Role.SUPERVISOR, Role.ANALYST, Role.FORCE_LEAD)),
    VIEW_DATA_QUALITY("See the data quality page: missing and invalid values, unmapped local codes",
            EnumSet.of(Role.ANALYST, Role.FORCE_LEAD, Role.ADMIN)),
    RECORD_VICTIM_CONTACT("Keep victims' contact plans and contact log, record withdrawals, re-engagement and reviews, "
            + "and create feedback links, on crimes they have need-to-know of",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON)),
    VIEW_OVERDUE_BY_TEAM("See overdue Victims' Code duties counted by team and officer in the case",
            EnumSet.of(Role.SUPERVISOR, Role.FORCE_LEAD)),
    READ_FEEDBACK_COMMENTS("Read victims' free-text feedback, a month at a time, never tied to a case or a victim",
            EnumSet.of(Role.FORCE_LEAD)),
    MANAGE_OWN_DEVELOPMENT("Keep their own training record and learning plan, and see their own caseload and abstractions",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.FORCE_LEAD)),
    RECORD_OWN_WELLBEING("Keep private wellbeing check-ins, reflective supervision and referrals, and choose whom to "
            + "share check-ins with", EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON, Role.ANALYST,
            Role.FORCE_LEAD)),
    MANAGE_TEAM_WORKFORCE("See team readiness, caseloads and abstraction, record training and abstraction for officers "
            + "of the teams they supervise (the force lead: every team); wellbeing only as averages of five or more",
            EnumSet.of(Role.SUPERVISOR, Role.FORCE_LEAD)),
    MANAGE_GUIDANCE("Add guidance documents to the library and publish new versions",
            EnumSet.of(Role.FORCE_LEAD, Role.NATIONAL_COORDINATOR)),
    VIEW_REPEAT_SUSPECTS("See the repeat-suspect register, disruption orders and their alerts (investigators and "
            + "supervisors: people linked to a crime they have need-to-know of; analysts and the force lead: the force)",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.FORCE_LEAD)),
    REVIEW_PERSON_LINKS("Confirm or reject links the linkage engine proposes between suspects' records",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST)),
    MANAGE_DISRUPTION("Record Sexual Risk Orders, Sexual Harm Prevention Orders and bail conditions, their reviews "
            + "and breaches", EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR)),
    WORK_INVESTIGATIONS("Keep the investigation plan of crimes they have need-to-know of: stage, lines of enquiry, "
            + "requests for the victim's material, device exhibits, bail and RUI, CPS liaison",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR)),
    REVIEW_INVESTIGATIONS("Record supervisor reviews and approve or refuse requests for the victim's material, on crimes "
            + "they have need-to-know of (never their own requests)", EnumSet.of(Role.SUPERVISOR)),
    VIEW_FORENSIC_QUEUE("See the force's digital forensics queue and the figures for requests for victims' material "
            + "(crime references, no personal data)",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.ANALYST, Role.FORCE_LEAD)),
    MANAGE_JOURNEY("Rename, reorder, add and retire the stages of the investigator's journey",
            EnumSet.of(Role.FORCE_LEAD)),
    VIEW_RESEARCH_PROJECTS("See research projects (the force lead: the force's; researchers: their own) and run "
            + "the evaluation methods on a project's measures", EnumSet.of(Role.FORCE_LEAD, Role.RESEARCHER)),
    MANAGE_RESEARCH("Propose, approve and close research projects of the force",
            EnumSet.of(Role.FORCE_LEAD)),
    USE_RESEARCH_EXTRACTS("Download a pseudonymised, k-anonymous extract of a project they belong to while it is "
            + "approved (a disclosure, logged)", EnumSet.of(Role.RESEARCHER)),
    REVIEW_CASE_FILES("Review the crimes of a deep-dive sample on the structured form, pseudonymised (no name, "
            + "reference or date), and see reviewers' agreement", EnumSet.of(Role.FORCE_LEAD, Role.SUPERVISOR,
            Role.RESEARCHER)),
    MANAGE_CASE_REVIEWS("Draw deep-dive samples, add the force's own items to the review form and read the findings "
            + "by pillar, with reviewers' notes", EnumSet.of(Role.FORCE_LEAD)),
    VIEW_REVIEW_TEMPLATES("See the case file review's templates: their versions, items, scales and guidance",
            EnumSet.of(Role.FORCE_LEAD, Role.RESEARCHER, Role.NATIONAL_COORDINATOR)),
    MANAGE_REVIEW_TEMPLATES("Edit the national case file review templates: make a new version, add and remove its "
            + "items, publish it", EnumSet.of(Role.NATIONAL_COORDINATOR)),
    RUN_OFFICER_SURVEYS("Send officer surveys to teams, close them, read their anonymous results (groups of five or "
            + "more, never an answer) and record focus groups' themes", EnumSet.of(Role.FORCE_LEAD)),
    ANSWER_OFFICER_SURVEYS("Answer, anonymously, the officer surveys sent to their teams",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON)),
    VIEW_IMPROVEMENT_PLAN("See the force's improvement plan, the plan on a page and its print-ready report",
            EnumSet.of(Role.FORCE_LEAD, Role.SUPERVISOR, Role.ANALYST)),
    MANAGE_IMPROVEMENT_PLAN("Add actions to the improvement plan and record their progress",
            EnumSet.of(Role.FORCE_LEAD)),
    VIEW_ASSESSMENTS("See the force's self-assessments, their answers, evidence files and comments, and compare them",
            EnumSet.of(Role.FORCE_LEAD, Role.RESEARCHER)),
    MANAGE_ASSESSMENTS("Start a self-assessment, answer its sections, upload evidence and sign it off",
            EnumSet.of(Role.FORCE_LEAD)),
    COMMENT_ON_ASSESSMENTS("Comment on a self-assessment's sections as an academic partner, and mark one as needing review",
            EnumSet.of(Role.RESEARCHER)),
    MANAGE_FRAMEWORKS("Edit the assessment frameworks: make a new version, change its questions and publish it",
            EnumSet.of(Role.NATIONAL_COORDINATOR)),
    MANAGE_TRAINING_CATALOGUE("Keep the force's training catalogue: add and change its own courses and "
            + "accreditations, take the national catalogue from the hub and accept its versions",
            EnumSet.of(Role.FORCE_LEAD)),
    SHARE_WITH_NETWORK("Connect the force to the learning network hub: register its key, send the suppressed "
            + "benchmark and the suspects' encodings (a disclosure, logged)", EnumSet.of(Role.FORCE_LEAD)),
    VIEW_NETWORK_NOTICES("See the hub's notices that a suspect of the force may also be known to another force, "
            + "with the force's own record (logged)", EnumSet.of(Role.FORCE_LEAD, Role.ANALYST)),
    USE_NETWORK("On the hub: see the comparison for your own force, search the practice library, publish practice, "
            + "comment and mark \"we are trying this\"", EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR,
            Role.VICTIM_LIAISON, Role.ANALYST, Role.FORCE_LEAD, Role.RESEARCHER, Role.NATIONAL_COORDINATOR)),
    UPLOAD_NETWORK_FILES("On the hub: upload your force's signed files and download its notices file, where the "
            + "force's network blocks calls out", EnumSet.of(Role.FORCE_LEAD, Role.NATIONAL_COORDINATOR)),
    MODERATE_NETWORK("On the hub: approve forces' registrations and set peer groups, see every file received and "
            + "every force named in the comparisons, moderate the practice library",
            EnumSet.of(Role.NATIONAL_COORDINATOR)),
    ADMINISTER_ACCOUNTS("Administer the force's accounts: disable and enable, role and teams, ask for and approve "
            + "(a second administrator) resets of a password or second factor", EnumSet.of(Role.ADMIN)),
    REVIEW_RETENTION("Review the force's crime records under MoPI: the records due for review (references, offences "
            + "and dates, no one's details) and decisions to retain or delete; deletion removes the record and the people "
            + "in no other crime", EnumSet.of(Role.RECORDS_MANAGER)),
    SHARE_CASES("Share a crime they have need-to-know of with a partner organisation (a CPS unit, an ISVA service, a "
            + "SARC): the parts, the lawful basis and the victim's consent; record the consent's withdrawal; end sharing",
            EnumSet.of(Role.INVESTIGATOR, Role.SUPERVISOR, Role.VICTIM_LIAISON)),
    VIEW_SHARED_CASES("Partner users: see the cases shared with their organisation, only the parts shared, while the "
            + "sharing lasts (every look logged)", EnumSet.of(Role.CPS_PROSECUTOR, Role.ISVA)),
    PROSECUTE_SHARED_FILES("Prosecutors, on files shared with their CPS unit: answer early advice, review a referral "
            + "(accept it, return it with the points to fix, or decide), work the joint action plan, record pre-charge "
            + "engagement", EnumSet.of(Role.CPS_PROSECUTOR)),
    SUPPORT_VICTIMS("ISVAs, in a case shared with their service: record support contacts with the victim, raise "
            + "concerns the officer sees at once, ask the officer questions, pass the case's milestones on to the victim",
            EnumSet.of(Role.ISVA)),
    JOINT_CASE_REVIEWS("Monthly joint case reviews with a CPS unit: open the month's review (a sample of the files "
            + "shared with the unit) and write your side's note on each case you may see",
            EnumSet.of(Role.SUPERVISOR, Role.CPS_PROSECUTOR)),
    MANAGE_PARTNERS("Register the force's partner organisations and retire them", EnumSet.of(Role.ADMIN)),
    MANAGE_OWN_ACCOUNT("Set up the second factor, see recovery codes, change your password, sign out everywhere, "
            + "choose alerts by e-mail",
            EnumSet.allOf(Role.class));

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Set<Role> roles) {
        this.description = description;
        this.roles = roles;
    }

    public String description() {
        return description;
    }

    public String[] roleNames() {
        return roles.stream().map(Enum::name).toArray(String[]::new);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
