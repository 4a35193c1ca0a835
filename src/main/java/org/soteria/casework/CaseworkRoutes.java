package org.soteria.casework;

import java.util.List;
import org.soteria.platform.ForceMode;
import org.soteria.security.EndpointRules.Rule;
import org.soteria.security.FeatureRoutes;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.springframework.stereotype.Component;

/** A crime's plan, reviews, material requests, devices, bail and CPS liaison, and the casework queues. */
@Component
@ForceMode
class CaseworkRoutes implements FeatureRoutes {

    @Override
    public List<Rule> rules() {
        return List.of(
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
                        "Keep the file readiness checklist; record advice sought, a referral, actions, pre-charge "
                        + "engagement and decisions"),
                Rule.needs("/partner/cases/*/cps", Permission.PROSECUTE_SHARED_FILES, "Prosecutors: a file shared "
                        + "with their CPS unit, what awaits their answer, the joint action plan"),
                Rule.needs("/partner/cases/*/cps/**", Permission.PROSECUTE_SHARED_FILES, "Prosecutors: answer early "
                        + "advice, accept, return or decide on a referral, add and finish actions, record engagement"),
                Rule.needs("/casework", Permission.VIEW_CASES, "What is due: lines of enquiry, reviews, approvals, bail, "
                        + "CPS actions (need-to-know applies)"),
                Rule.needs("/casework/forensics", Permission.VIEW_FORENSIC_QUEUE,
                        "The force's digital forensics queue and figures for requests for victims' material"),
                Rule.needs("/casework/stages", Permission.MANAGE_JOURNEY, "The stages of the investigator's journey"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(
                NavItem.of("casework", "nav.casework", 20, Permission.VIEW_CASES, "/casework")
                .orElse(Permission.VIEW_FORENSIC_QUEUE, "/casework/forensics"));
    }
}
