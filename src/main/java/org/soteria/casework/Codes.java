package org.soteria.casework;

import java.util.Locale;
import org.soteria.reference.Choice;

/**
 * The coded values of casework, each with the label people see. The code is the constant's name in
 * lower case, as the database stores it.
 */
public final class Codes {

    private Codes() {
    }

    /** A casework choice whose code is its constant's name in lower case. */
    interface Named extends Choice {

        String name();

        @Override
        default String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a line of enquiry looks at. */
    public enum Focus implements Named {
        SUSPECT("The suspect"), CONTEXT("The context"), VICTIM("The victim"), OTHER("Other");

        private final String label;

        Focus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Where a line of enquiry stands. */
    public enum LineStatus implements Named {
        OPEN("Open"), DONE("Done"), NOT_PURSUED("Not pursued");

        private final String label;

        LineStatus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The victim's material an investigator may ask for. */
    public enum Material implements Named {
        PHONE_DOWNLOAD("Download of the victim's phone or other device"),
        COUNSELLING_RECORDS("Counselling or therapy records"),
        MEDICAL_RECORDS("Medical records"),
        SCHOOL_RECORDS("School or college records"),
        SOCIAL_CARE_RECORDS("Social care records"),
        OTHER_RECORDS("Other records held by a third party");

        private final String label;

        Material(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What the victim said when told of a request for their material. */
    public enum VictimView implements Named {
        AGREES("Agrees"), AGREES_WITH_LIMITS("Agrees, with limits"), OBJECTS("Objects"),
        NOT_ABLE_TO_SAY("Could not give a view");

        private final String label;

        VictimView(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A request for the victim's material, from asking to the material's return. */
    public enum RequestStatus implements Named {
        AWAITING_APPROVAL("Awaiting approval"), APPROVED("Approved, not yet sent"), REFUSED("Refused"),
        SENT("Sent"), RETURNED("Returned"), WITHDRAWN("Withdrawn");

        private final String label;

        RequestStatus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        /** Whether the request is still live (withdrawing it is allowed). */
        public boolean live() {
            return this == AWAITING_APPROVAL || this == APPROVED || this == SENT;
        }
    }

    /** A supervisor's decision on a request. */
    public enum Decision implements Named {
        APPROVED("Approve"), REFUSED("Refuse");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A device submitted as an exhibit. */
    public enum DeviceType implements Named {
        PHONE("Phone"), COMPUTER("Computer"), TABLET("Tablet"), STORAGE("Storage (USB, card, disk)"), OTHER("Other");

        private final String label;

        DeviceType(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Whose device it is. */
    public enum DeviceOwner implements Named {
        SUSPECT("The suspect"), VICTIM("The victim"), WITNESS("A witness"), OTHER("Someone else");

        private final String label;

        DeviceOwner(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How soon the digital forensics unit should examine a device. */
    public enum Triage implements Named {
        URGENT("Urgent: risk to life or ongoing offending"), PRIORITY("Priority: suspect in custody or on bail"),
        STANDARD("Standard");

        private final String label;

        Triage(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Where a device is in the digital forensics queue, in order. */
    public enum DeviceStatus implements Named {
        AWAITING_TRIAGE("Awaiting triage"), AWAITING_EXAMINATION("Awaiting examination"),
        IN_EXAMINATION("In examination"), EXAMINED("Examined"), RETURNED("Returned to its owner");

        private final String label;

        DeviceStatus(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }

        /** The status after this one, or null at the end. */
        public DeviceStatus following() {
            return this == RETURNED ? null : values()[ordinal() + 1];
        }
    }

    /** Pre-charge bail or release under investigation. */
    public enum BailKind implements Named {
        BAIL("Pre-charge bail"), RUI("Released under investigation");

        private final String label;

        BailKind(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Why bail or release under investigation ended. */
    public enum BailEnd implements Named {
        CHARGED("Charged"), NO_FURTHER_ACTION("No further action"),
        RELEASED_UNDER_INVESTIGATION("Released under investigation"), BAILED("Bailed"),
        CANCELLED("Bail cancelled"), OTHER("Other");

        private final String label;

        BailEnd(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** A supervisor's answer to a checklist item. */
    public enum Answer implements Named {
        YES("Yes"), NO("No: needs action"), NOT_APPLICABLE("Not applicable");

        private final String label;

        Answer(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What a file needs before it is referred to the CPS for a charging decision. */
    public enum ReadinessItem implements Named {
        MG3("MG3 report to the CPS with a case summary and the proposed charge"),
        SUSPECT_INTERVIEW("The suspect's interview record, or why there is none"),
        SUSPECT_HISTORY("The suspect's history, bad character and other allegations checked and set out"),
        VICTIM_ACCOUNT("The victim's account (ABE recording or statement)"),
        WITNESSES("Key witness statements"),
        FORENSICS("Forensic and medical evidence results"),
        DIGITAL("Digital evidence reviewed, with what was and was not examined"),
        THIRD_PARTY("Third-party material obtained and reviewed, or why it was not sought"),
        UNUSED_MATERIAL("Unused material schedules and disclosure record"),
        VICTIM_NEEDS("The victim's views and needs, including special measures");

        private final String label;

        ReadinessItem(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Who does an action of the joint plan, or started a pre-charge engagement. */
    public enum Side implements Named {
        POLICE("Police"), CPS("CPS"), DEFENCE("The defence");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * A prosecutor's answer to what the police sent: the advice asked for; for a referral, accepted for a decision,
     * returned for further work, or the charging decision.
     */
    public enum Verdict implements Named {
        ADVICE("Advice given", null), ACCEPTED("Accepted for a charging decision", null),
        RETURNED("Returned for further work", "further_evidence_requested"), CHARGE("Charge", "charge"),
        NO_CHARGE("No charge", "no_charge");

        private final String label;
        private final String decision;

        Verdict(String label, String decision) {
            this.label = label;
            this.decision = decision;
        }

        @Override
        public String label() {
            return label;
        }

        /** The detail of the {@code cps_decision} event this verdict records (the exchange format's), or null. */
        public String decision() {
            return decision;
        }

        /** Whether the verdict ends the review of its submission (every one but an acceptance). */
        public boolean last() {
            return this != ACCEPTED;
        }
    }

    /** Whom the police or the CPS engaged with before a charging decision. */
    public enum Party implements Named {
        SUSPECT("The suspect"), REPRESENTATIVE("The suspect's representative");

        private final String label;

        Party(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The value of {@code type} with this code, or null when the code is empty or unknown. */
    static <E extends Enum<E> & Named> E parse(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Choice.fromCode(type, code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
