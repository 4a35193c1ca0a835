package org.soteria.reference;

/** Which part of the case an event belongs to, for grouping the timeline. */
public enum EventCategory {
    VICTIM_CONTACT("Contact with the victim"),
    INVESTIGATION("Investigation"),
    COURT("Court");

    private final String label;

    EventCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
