package org.soteria.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.soteria.reference.Pillar;

/**
 * What a force tells the hub of its own progress (issue 28): each signed-off self-assessment (a cycle) with every
 * section's mean maturity level, and its improvement plan's actions by pillar, as of a day. No person is counted
 * here: maturity levels are the force's judgement of its practice and actions are the force's own tasks, so the
 * small-number rule for counts of crimes and people does not apply (ADR 35); nothing about a case or a person is sent.
 */
public record ProgressBundle(String asOf, List<Cycle> cycles, List<Plan> plan) {

    /** The most cycles one file may carry (a force assessing twice a year for fifteen years). */
    static final int MAX_CYCLES = 30;
    static final int MAX_SECTIONS = 40;
    /** The top of every framework's maturity scale. */
    static final int TOP_LEVEL = 4;
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

    /** A signed-off self-assessment: the force's own number for it, its title, when it was signed off, its framework. */
    public record Cycle(long number, String title, String signedOffOn, String framework, int frameworkVersion,
            List<Section> sections) {
    }

    /** A section's mean level (null when no question was answered), in the framework's words in English and Welsh. */
    public record Section(String code, int position, String name, String nameCy, Double level, int answered,
            int questions) {
    }

    /** A pillar's actions: done, overdue, on track (green) and at risk (amber or red) add up to all of them. */
    public record Plan(int pillar, int actions, int done, int overdue, int onTrack, int atRisk) {
    }

    /**
     * The problems that make a received file unusable, each naming the cycle, section or pillar and the field, in
     * words a force lead can act on. Empty when the file is fit to take.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (asOf == null || !DAY.matcher(asOf).matches()) {
            out.add("asOf \"" + asOf + "\" is not a day in the form 2026-12-06");
        }
        if (cycles == null || plan == null) {
            out.add("the file needs cycles (may be empty) and plan");
            return out;
        }
        if (cycles.size() > MAX_CYCLES) {
            out.add("at most " + MAX_CYCLES + " cycles, not " + cycles.size());
        }
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < cycles.size(); i++) {
            Cycle c = cycles.get(i);
            String at = "cycle " + (i + 1);
            if (c == null) {
                out.add(at + " is empty");
                continue;
            }
            if (!numbers.add(c.number())) {
                out.add(at + ": number " + c.number() + " is given to another cycle too");
            }
            if (blank(c.title(), 200)) {
                out.add(at + ": title is missing or over 200 characters");
            }
            if (c.signedOffOn() == null || !DAY.matcher(c.signedOffOn()).matches()) {
                out.add(at + ": signedOffOn \"" + c.signedOffOn() + "\" is not a day in the form 2026-12-06");
            }
            if (blank(c.framework(), 200) || c.frameworkVersion() < 1) {
                out.add(at + ": the framework's name and version (1 or more) are needed");
            }
            sections(out, at, c.sections());
        }
        if (plan.size() != Pillar.values().length) {
            out.add("plan: one row for each of the " + Pillar.values().length + " pillars, not " + plan.size());
        }
        Set<Integer> pillars = new HashSet<>();
        for (Plan p : plan) {
            if (p == null || p.pillar() < 1 || p.pillar() > Pillar.values().length || !pillars.add(p.pillar())) {
                out.add("plan: pillar " + (p == null ? null : p.pillar()) + " is not one of 1 to 6, or is given twice");
                continue;
            }
            String at = "plan, pillar " + p.pillar();
            if (p.actions() < 0 || p.done() < 0 || p.overdue() < 0 || p.onTrack() < 0 || p.atRisk() < 0) {
                out.add(at + ": counts cannot be negative");
            } else if (p.done() + p.overdue() + p.onTrack() + p.atRisk() != p.actions()) {
                out.add(at + ": done, overdue, on track and at risk (" + (p.done() + p.overdue() + p.onTrack()
                        + p.atRisk()) + ") must add up to the actions (" + p.actions() + ")");
            }
        }
        return out;
    }

    private static void sections(List<String> out, String at, List<Section> sections) {
        if (sections == null || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            out.add(at + ": 1 to " + MAX_SECTIONS + " sections are needed");
            return;
        }
        Set<String> codes = new HashSet<>();
        for (Section s : sections) {
            if (s == null || s.code() == null || !CODE.matcher(s.code()).matches()) {
                out.add(at + ": a section's code must be lower-case letters, digits and _ (up to 40)");
                continue;
            }
            String where = at + ", section " + s.code();
            if (!codes.add(s.code())) {
                out.add(where + ": given twice");
            }
            if (blank(s.name(), 200) || (s.nameCy() != null && s.nameCy().length() > 200)) {
                out.add(where + ": name is missing or over 200 characters");
            }
            if (s.questions() < 0 || s.answered() < 0 || s.answered() > s.questions()) {
                out.add(where + ": answered (" + s.answered() + ") must be between 0 and the questions ("
                        + s.questions() + ")");
            }
            if (s.level() == null ? s.answered() > 0 : s.answered() == 0 || s.level() < 1 || s.level() > TOP_LEVEL
                    || s.level().isNaN()) {
                out.add(where + ": level " + s.level() + " must be from 1 to " + TOP_LEVEL + " when questions are "
                        + "answered, and empty when none is");
            }
        }
    }

    private static boolean blank(String text, int max) {
        return text == null || text.isBlank() || text.length() > max;
    }
}
