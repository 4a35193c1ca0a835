package org.soteria.victim;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days of England and Wales: Monday to Friday, not a bank holiday. Bank holidays follow the
 * statutory rules, with weekend holidays moved to the next weekday not already a holiday, plus the
 * one-off changes in {@link Change}, kept as data that can be extended (table bank_holiday_change,
 * victims-code.md).
 */
public final class WorkingDays {

    /** A one-off change to a year's bank holidays: a rule-made holiday moved or cancelled, or an extra one. */
    public record Change(LocalDate removed, LocalDate added, String why) {
    }

    private final List<Change> changes;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new HashMap<>();

    public WorkingDays(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    /** The N-th working day after the calendar date of the trigger; the trigger's own day never counts. */
    public LocalDate addWorkingDays(LocalDate trigger, int n) {
        LocalDate d = trigger;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    public boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !bankHolidays(d.getYear()).contains(d);
    }

    /** The bank holidays of England and Wales in a year. */
    public synchronized Set<LocalDate> bankHolidays(int year) {
        return holidaysByYear.computeIfAbsent(year, this::compute);
    }

    private Set<LocalDate> compute(int year) {
        TreeSet<LocalDate> days = new TreeSet<>();
        LocalDate easter = easterSunday(year);
        // Fixed-date holidays move to the next weekday not already a holiday; the others fall on weekdays.
        addSubstituted(days, LocalDate.of(year, 1, 1));
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, 8, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        addSubstituted(days, LocalDate.of(year, Month.DECEMBER, 25));
        addSubstituted(days, LocalDate.of(year, Month.DECEMBER, 26));
        for (Change c : changes) {
            if (c.removed() != null && c.removed().getYear() == year) {
                days.remove(c.removed());
            }
            if (c.added() != null && c.added().getYear() == year) {
                days.add(c.added());
            }
        }
        return Set.copyOf(days);
    }

    private static void addSubstituted(TreeSet<LocalDate> days, LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || days.contains(d)) {
            d = d.plusDays(1);
        }
        days.add(d);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
