package org.soteria.home;

import org.soteria.platform.Fault;

/**
 * One kind of work waiting for a person, counted: how urgent it is, what it is (a message code that takes the
 * count, so that it reads "3 reviews overdue" in English and in Welsh) and the page where it is done. Never a
 * name or a reference: the home page says how much, the page it links to says what. {@code code} is the message
 * code, which with the urgency names the kind (what is new since a person last looked, what an alert tells).
 */
public record Work(Urgency urgency, String code, String words, long count, String href) {

    /** Most urgent first, as the home page lists them. */
    public enum Urgency {
        OVERDUE, TODAY, WAITING, COMING
    }

    /** Work of a kind whose message ({@code code}) takes the count as its only argument. */
    public static Work of(Urgency urgency, String code, long count, String href) {
        return new Work(urgency, code, Fault.of(code, Fault.count(count)), count, href);
    }

    /** The kind of work, the same from one look to the next: its urgency and its message code. */
    public String kind() {
        return urgency.name() + ":" + code;
    }

    /** Overdue or due today: the kinds an alert may send straight away. */
    public boolean urgent() {
        return urgency == Urgency.OVERDUE || urgency == Urgency.TODAY;
    }
}
