package org.soteria.partner;

import org.soteria.reference.Choice;

/** The coded values of what an ISVA records beside the victim (V50). */
public final class IsvaNotes {

    private IsvaNotes() {
    }

    /** What an adviser records: a support contact with the victim, a concern for the officer, a question to them. */
    public enum Kind implements Choice {
        SUPPORT("support", "Support contact with the victim"),
        CONCERN("concern", "A concern for the officer"),
        QUESTION("question", "A question to the officer");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What an adviser's concern is about: the officer sees it at once. */
    public enum Concern implements Choice {
        RISK("risk", "A risk to the victim or someone else"),
        SAFEGUARDING("safeguarding", "Safeguarding: a child or an adult at risk"),
        CONSIDERING_WITHDRAWAL("considering_withdrawal", "The victim is considering withdrawing from the investigation");

        private final String code;
        private final String label;

        Concern(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How a support contact took place. */
    public enum Channel implements Choice {
        PHONE("phone", "Phone"), IN_PERSON("in_person", "In person"), VIDEO("video", "Video call"),
        MESSAGE("message", "Message (text, e-mail, letter)");

        private final String code;
        private final String label;

        Channel(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
