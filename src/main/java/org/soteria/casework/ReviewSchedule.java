package org.soteria.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a crime's supervisor reviews fall due and which are met: fixed points a number of days after
 * recording (by default within 24 hours, 7 and 28 days), then one every given number of months after the
 * last fixed point, until the crime has an outcome.
 *
 * <p>Each point has a window: from the point before it (exclusive; the recorded date for the first) to
 * its due date (inclusive). A review in a point's window meets it. A review after a point's due date,
 * when none came in time, covers it late. Two reviews in one window count once, so a supervisor cannot
 * meet next week's review today by reviewing twice.
 */
public final class ReviewSchedule {

    /** Where a point stands on a given day. */
    public enum State {
        MET("Met"), LATE("Done late"), MISSED("Missed"), OVERDUE("Overdue"), DUE("Due");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One review point: its number (from 1), name, due date, the review that covered it and its state. The name is
     * English (for exports and logs); {@code nameCode} with {@code nameArg} says it for a page in either language.
     */
    public record Point(int number, String name, LocalDate due, LocalDate reviewedOn, State state, String nameCode,
            int nameArg) {
    }

    /** A crime's points so far and the next one to do (null when the crime is closed and nothing is owed). */
    public record Status(List<Point> points, Point next) {

        public boolean overdue() {
            return next != null && next.state() == State.OVERDUE;
        }
    }

    private final List<Integer> pointDays;
    private final int everyMonths;

    /** @param pointDays days after recording, increasing, at least one; @param everyMonths 1 or more */
    public ReviewSchedule(List<Integer> pointDays, int everyMonths) {
        if (pointDays.isEmpty() || everyMonths < 1) {
            throw new IllegalArgumentException("A review schedule needs at least one point and a monthly interval of 1 or more");
        }
        for (int i = 0; i < pointDays.size(); i++) {
            if (pointDays.get(i) < 0 || (i > 0 && pointDays.get(i) <= pointDays.get(i - 1))) {
                throw new IllegalArgumentException("Review points must be whole days after recording, increasing: "
                        + pointDays);
            }
        }
        this.pointDays = List.copyOf(pointDays);
        this.everyMonths = everyMonths;
    }

    public List<Integer> pointDays() {
        return pointDays;
    }

    public int everyMonths() {
        return everyMonths;
    }

    LocalDate due(LocalDate recorded, int index) {
        if (index < pointDays.size()) {
            return recorded.plusDays(pointDays.get(index));
        }
        return recorded.plusDays(pointDays.get(pointDays.size() - 1)).plusMonths((long) everyMonths
                * (index - pointDays.size() + 1));
    }

    String name(int index) {
        if (index < pointDays.size()) {
            int d = pointDays.get(index);
            return d == 1 ? "Within 24 hours" : "Within " + d + " days";
        }
        return everyMonths == 1 ? "Monthly review" : "Review every " + everyMonths + " months";
    }

    /** The message code of a point's name: {@code reviewPoint.day}, {@code .days}, {@code .monthly}, {@code .months}. */
    String nameCode(int index) {
        if (index < pointDays.size()) {
            return pointDays.get(index) == 1 ? "reviewPoint.day" : "reviewPoint.days";
        }
        return everyMonths == 1 ? "reviewPoint.monthly" : "reviewPoint.months";
    }

    /** The number a point's name carries: its days, or the months between the later reviews. */
    int nameArg(int index) {
        return index < pointDays.size() ? pointDays.get(index) : everyMonths;
    }

    /**
     * The points of a crime recorded on {@code recorded}, reviewed on {@code reviews} (any order), closed on
     * {@code closedOn} (null while open), as they stand on {@code today}.
     */
    public Status of(LocalDate recorded, List<LocalDate> reviews, LocalDate closedOn, LocalDate today) {
        List<LocalDate> sorted = reviews.stream().filter(r -> !r.isBefore(recorded)).sorted().toList();
        LocalDate[] covered = new LocalDate[sorted.size() * 2 + pointDays.size() + 64];
        int nextIndex = 0;
        for (LocalDate r : sorted) {
            boolean caughtUp = false;
            while (!due(recorded, nextIndex).isAfter(r) && (closedOn == null || !due(recorded, nextIndex).isAfter(closedOn))) {
                covered = ensure(covered, nextIndex);
                covered[nextIndex++] = r;
                caughtUp = true;
            }
            // A review that caught up points already due does not also meet the next one early (issue 24).
            LocalDate windowStart = nextIndex == 0 ? null : due(recorded, nextIndex - 1);
            boolean inWindow = !caughtUp && (windowStart == null || r.isAfter(windowStart));
            if (inWindow && (closedOn == null || !due(recorded, nextIndex).isAfter(closedOn))) {
                covered = ensure(covered, nextIndex);
                covered[nextIndex++] = r;
            }
        }
        LocalDate horizon = closedOn != null ? closedOn : today;
        List<Point> points = new ArrayList<>();
        Point next = null;
        for (int i = 0; ; i++) {
            LocalDate due = due(recorded, i);
            boolean within = !due.isAfter(horizon);
            if (closedOn != null && due.isAfter(closedOn)) {
                break;
            }
            covered = ensure(covered, i);
            LocalDate done = covered[i];
            State state;
            if (done != null) {
                state = done.isAfter(due) ? State.LATE : State.MET;
            } else if (closedOn != null) {
                state = State.MISSED;
            } else {
                state = due.isBefore(today) ? State.OVERDUE : State.DUE;
            }
            Point p = new Point(i + 1, name(i), due, done, state, nameCode(i), nameArg(i));
            if (!within && done == null) {
                // The first point still to come: shown as next, and the list stops there.
                points.add(p);
                next = next == null ? p : next;
                break;
            }
            points.add(p);
            if (done == null && next == null && closedOn == null) {
                next = p;
            }
        }
        return new Status(List.copyOf(points), next);
    }

    private static LocalDate[] ensure(LocalDate[] a, int index) {
        if (index < a.length) {
            return a;
        }
        LocalDate[] b = new LocalDate[Math.max(index + 1, a.length * 2)];
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }
}
