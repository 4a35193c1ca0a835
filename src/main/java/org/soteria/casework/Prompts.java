package org.soteria.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The investigation plan's prompts, drawn from the crime's context. Most look at the suspect: their
 * history and other allegations, intelligence, patterns of behaviour the relationship suggests, other
 * potential victims and the suspect's own devices. The few about the victim ask only what the
 * investigation needs and send any request for their material through approval (pillars 1 and 6).
 */
public final class Prompts {

    private Prompts() {
    }

    /**
     * One prompt: a stable code (a line of enquiry that answers it keeps the code), its focus, what and why, in
     * English; the pages show them from the bundles, {@link #textKey} and {@link #whyKey} (the English when missing).
     */
    public record Prompt(String code, Codes.Focus focus, String text, String why, String whyKey) {

        Prompt(String code, Codes.Focus focus, String text, String why) {
            this(code, focus, text, why, "prompt." + code + ".why");
        }

        public String textKey() {
            return "prompt." + code + ".text";
        }
    }

    /**
     * What the prompts depend on: whether a suspect is named, their relationships to the victim (codes of
     * {@code Relationship}), whether a victim was under 18 at the offence, whether a suspect is a repeat or
     * possible repeat suspect or subject to an order in force, and whether a third party reported the crime
     * without the victim's consent.
     */
    public record Context(boolean suspectNamed, Set<String> relationships, boolean childVictim, boolean repeatSuspect,
            boolean subjectToOrder, boolean thirdPartyWithoutConsent) {
    }

    public static List<Prompt> forCrime(Context c) {
        List<Prompt> out = new ArrayList<>();
        if (!c.suspectNamed()) {
            out.add(new Prompt("suspect_identify", Codes.Focus.SUSPECT, "Identify the suspect: CCTV, forensic "
                    + "submissions from the SARC, phone and online identifiers, witnesses and the scene",
                    "No suspect is named on this crime yet."));
        } else {
            out.add(new Prompt("suspect_history", Codes.Focus.SUSPECT, "Check the suspect's history: previous arrests, "
                    + "convictions, allegations and orders (PNC, PND, local systems)",
                    "Examine the suspect's behaviour and history early, before the victim's credibility is tested."));
            out.add(new Prompt("suspect_intelligence", Codes.Focus.SUSPECT, "Run intelligence checks on the suspect, "
                    + "including ViSOR and partner agencies (children's and adult social care, probation)",
                    "Other agencies may hold concerns about the suspect that were never reported as crimes."));
            out.add(new Prompt("suspect_arrest_plan", Codes.Focus.SUSPECT, "Plan the arrest or voluntary interview, "
                    + "with an interview plan on the suspect's behaviour before, during and after the offence",
                    "An early, planned interview tests the suspect's account rather than the victim's."));
            out.add(new Prompt("suspect_devices", Codes.Focus.SUSPECT, "Seize and examine the suspect's devices and "
                    + "accounts where they may hold evidence of the offence or of other offending",
                    "A suspect-first digital strategy: the suspect's devices before the victim's."));
        }
        if (c.repeatSuspect()) {
            out.add(new Prompt("suspect_other_crimes", Codes.Focus.SUSPECT, "Read the suspect's other crimes for "
                    + "patterns, shared evidence and other victims; consider one investigation strategy",
                    "The suspect is, or may be, a repeat suspect (see the repeat-suspect register)."));
        }
        if (c.subjectToOrder()) {
            out.add(new Prompt("suspect_order_breach", Codes.Focus.SUSPECT, "Check whether this offence breaches the "
                    + "order the suspect is subject to, and tell the officer managing the order",
                    "A breach is an offence in itself and a reason to act quickly."));
        }
        Set<String> r = c.relationships();
        if (r.contains("partner") || r.contains("ex_partner") || r.contains("family")) {
            out.add(new Prompt("pattern_coercive_control", Codes.Focus.SUSPECT, "Look for a pattern of coercive "
                    + "control: previous domestic abuse reports, protection notices and orders, disclosures under the "
                    + "domestic violence disclosure scheme",
                    "The suspect is or was the victim's partner or family member."));
        }
        if (c.childVictim() || r.contains("online_contact")) {
            out.add(new Prompt("pattern_grooming", Codes.Focus.SUSPECT, "Look for grooming: how contact began and "
                    + "grew, gifts, secrecy, online accounts, and other children the suspect has access to",
                    c.childVictim() ? "A victim was under 18 at the time of the offence."
                            : "The suspect is an online contact of the victim.",
                    "prompt.pattern_grooming." + (c.childVictim() ? "why" : "whyOnline")));
        }
        if (r.contains("professional")) {
            out.add(new Prompt("pattern_position_of_trust", Codes.Focus.SUSPECT, "Position of trust: contact the "
                    + "employer or regulator (the local authority designated officer where children are involved) "
                    + "and ask about other complaints", "The suspect met the victim through their work."));
        }
        if (c.suspectNamed() && (c.repeatSuspect() || r.contains("stranger") || r.contains("online_contact")
                || r.contains("professional") || r.contains("acquaintance"))) {
            out.add(new Prompt("other_victims", Codes.Focus.SUSPECT, "Identify other potential victims: the suspect's "
                    + "other partners, online contacts, workplaces and places they frequent",
                    "Suspects of this kind of offence often have other victims who have not reported."));
        }
        out.add(new Prompt("context_record", Codes.Focus.CONTEXT, "Record the context: the relationship, what happened "
                + "before and after, and what the victim wants from the investigation",
                "Investigations are context-led: the victim's wishes and the relationship shape the plan."));
        if (c.thirdPartyWithoutConsent()) {
            out.add(new Prompt("victim_wishes", Codes.Focus.VICTIM, "Find out, sensitively, whether the victim wants "
                    + "an investigation before anything is asked of them",
                    "A third party reported this crime and the victim's consent is not recorded."));
        }
        out.add(new Prompt("victim_account", Codes.Focus.VICTIM, "Plan the victim's account (ABE) with the SOLO or "
                + "SOIT, at the victim's pace and with the interviewer they prefer",
                "Ask the victim only what the investigation needs, once."));
        out.add(new Prompt("victim_material", Codes.Focus.VICTIM, "Ask for the victim's phone or records only for a "
                + "specific line of enquiry, as a request that a supervisor approves",
                "No blanket downloads or record requests: each must be necessary and proportionate."));
        return out;
    }
}
