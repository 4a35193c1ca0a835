package org.soteria.victim;

import org.soteria.reference.Choice;

/** How a victim prefers to be contacted, and how a contact was made. */
public enum ContactChannel implements Choice {
    PHONE("phone", "Phone call"),
    TEXT_MESSAGE("text_message", "Text message"),
    EMAIL("email", "Email"),
    LETTER("letter", "Letter"),
    IN_PERSON("in_person", "In person"),
    THROUGH_ISVA("through_isva", "Through their ISVA");

    private final String code;
    private final String label;

    ContactChannel(String code, String label) {
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

    /** The label of a stored channel code. */
    public static String labelOf(String code) {
        return org.soteria.reference.Coded.parse(ContactChannel.class, code).map(ContactChannel::label).orElse(code);
    }
}
