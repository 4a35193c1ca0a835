package org.soteria.disclosure;

import java.util.Arrays;

/**
 * The answers of one month for one unit (the force, a team, an officer in the case within a team): how many
 * different people answered, how many answers, how many of those arrived after their own month was published, and
 * for each question the sum of the scores and how many answered it. {@code parent} is the unit this one is part of
 * (null for a unit published on its own).
 */
public record Cell(String unit, String parent, int people, int responses, int late, long[] sums, long[] answered) {

    public Cell {
        if (unit == null || people < 0 || people > responses || late < 0 || late > responses || sums == null
                || answered == null || sums.length != answered.length) {
            throw new IllegalArgumentException("a cell needs a unit, counts of 0 or more and one sum per question");
        }
        sums = sums.clone();
        answered = answered.clone();
    }

    @Override
    public long[] sums() {
        return sums.clone();
    }

    @Override
    public long[] answered() {
        return answered.clone();
    }

    /** The unit of a team, as cells and selectors name it. */
    public static String team(String teamCode) {
        return "team:" + teamCode;
    }

    /** The unit of an officer in the case within a team. */
    public static String officer(String teamCode, String officerCode) {
        return "team:" + teamCode + "/officer:" + officerCode;
    }

    /** The team of a team's or an officer's unit, or null for the force's. */
    public static String teamOf(String unit) {
        if (!unit.startsWith("team:")) {
            return null;
        }
        int slash = unit.indexOf("/officer:");
        return slash < 0 ? unit.substring(5) : unit.substring(5, slash);
    }

    /** The officer of an officer's unit, or null. */
    public static String officerOf(String unit) {
        int slash = unit.indexOf("/officer:");
        return slash < 0 ? null : unit.substring(slash + 9);
    }

    /** The unit of the whole force. */
    public static final String FORCE = "force";

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell c && c.unit.equals(unit) && java.util.Objects.equals(c.parent, parent)
                && c.people == people && c.responses == responses && c.late == late && Arrays.equals(c.sums, sums)
                && Arrays.equals(c.answered, answered);
    }

    @Override
    public int hashCode() {
        return unit.hashCode() * 31 + people;
    }

    @Override
    public String toString() {
        return unit + "(" + people + " people, " + responses + " answers)";
    }
}
