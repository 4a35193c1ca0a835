package org.soteria.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People's own answers as they may be shown (ADR 24): over whole calendar months that have ended, each month fixed
 * the first time it is needed, and every figure a sum of the shown cells of those months (see {@link Suppression}).
 * A figure over several months is the union of their shown cells, so no two figures anyone can obtain differ by a
 * hidden cell: any difference is itself a shown cell, or a hidden rest of k people or more.
 */
@Service
public class PublishedAnswers {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** How long the months fixed so far are taken as known before the database is asked again. */
    private static final Duration RECHECK = Duration.ofSeconds(60);

    /** Where a series' answers come from: the feature that owns them. */
    public interface Source {

        /** The series' name in the published tables: {@code victim_feedback} or {@code wellbeing}. */
        String series();

        /**
         * The months before {@code before} in which the force has answers (it may name more: a month without the
         * force's answers is fixed empty, which is what was shown for it).
         */
        List<YearMonth> monthsWithAnswers(String force, YearMonth before);

        /** The cells of one month, read as the month is fixed. */
        List<Cell> cells(String force, YearMonth month);

        /**
         * Holds back new answers until the transaction that fixes months ends, so that an answer arriving meanwhile
         * sees its month fixed and counts in the month it arrived. Nothing to hold when answers are always dated
         * the day they are given.
         */
        void holdWriters();
    }

    /**
     * A figure as shown: the answers and people (summed month by month) of the shown cells, the mean score per
     * question (null when nothing is shown), the months it covers, how many months of the range had answers left
     * out because they were too few, and whether it includes answers that arrived after their own month.
     */
    public record Figure(int responses, int people, Double[] means, List<YearMonth> months, int monthsWithheld,
            boolean includesLate) {

        public boolean shown() {
            return responses > 0;
        }
    }

    private record Published(Instant checkedAt, YearMonth current, Map<YearMonth, List<Cell>> cells,
            Map<YearMonth, Set<String>> shown) {
    }

    private final PublishedMonthsRepository repository;
    private final TransactionTemplate transactions;
    private final DisclosurePolicy policy;
    private final Clock clock;
    private final Map<String, Published> known = new ConcurrentHashMap<>();

    PublishedAnswers(PublishedMonthsRepository repository, TransactionTemplate transactions, DisclosurePolicy policy,
            Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    /** The current month: never published until it has ended. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(LONDON));
    }

    /** The whole months inside [from, to]: a month counts only when the period covers all of it. */
    public static YearMonth[] wholeMonths(LocalDate from, LocalDate to) {
        YearMonth first = from.getDayOfMonth() == 1 ? YearMonth.from(from) : YearMonth.from(from).plusMonths(1);
        YearMonth last = to.equals(YearMonth.from(to).atEndOfMonth()) ? YearMonth.from(to) : YearMonth.from(to).minusMonths(1);
        return new YearMonth[] {first, last};
    }

    /**
     * The figure of the cells {@code counted} selects, over the whole ended months from {@code first} to
     * {@code last}. The cells selected must not overlap (the force, or some teams, or some officers).
     */
    public Figure figure(Source source, List<String> forces, YearMonth first, YearMonth last, Predicate<Cell> counted) {
        List<Published> all = new ArrayList<>();
        for (String force : forces) {
            all.add(published(source, force));
        }
        YearMonth current = currentMonth();
        YearMonth end = last.isBefore(current) ? last : current.minusMonths(1);
        Sum sum = new Sum();
        for (YearMonth m = first; !m.isAfter(end); m = m.plusMonths(1)) {
            boolean any = false;
            boolean hidden = false;
            for (Published p : all) {
                Set<String> shown = p.shown().getOrDefault(m, Set.of());
                for (Cell c : p.cells().getOrDefault(m, List.of())) {
                    if (!counted.test(c)) {
                        continue;
                    }
                    if (shown.contains(c.unit())) {
                        sum.add(c);
                        any = true;
                    } else {
                        hidden |= c.responses() > 0;
                    }
                }
            }
            if (any) {
                sum.months.add(m);
            }
            if (hidden) {
                sum.withheld++;
            }
        }
        return sum.figure();
    }

    /** Shown cells added up, month by month. */
    private static final class Sum {
        private int responses;
        private int people;
        private long[] sums;
        private long[] answered;
        private final List<YearMonth> months = new ArrayList<>();
        private int withheld;
        private boolean late;

        void add(Cell c) {
            responses += c.responses();
            people += c.people();
            late |= c.late() > 0;
            long[] s = c.sums();
            long[] a = c.answered();
            if (sums == null) {
                sums = new long[s.length];
                answered = new long[a.length];
            }
            for (int q = 0; q < s.length; q++) {
                sums[q] += s[q];
                answered[q] += a[q];
            }
        }

        Figure figure() {
            Double[] means = null;
            if (sums != null) {
                means = new Double[sums.length];
                for (int q = 0; q < sums.length; q++) {
                    means[q] = answered[q] == 0 ? null : (double) sums[q] / answered[q];
                }
            }
            return new Figure(responses, people, means, months, withheld, late);
        }
    }

    /** Drops what is known of the published months (after the database was emptied or restored). */
    public void forget() {
        known.clear();
    }

    /** Fixes every ended month with answers not yet fixed, now (the scheduler's and tests' way in). */
    public void publishEndedMonths(Source source, String force) {
        known.remove(source.series() + "|" + force);
        published(source, force);
    }

    private Published published(Source source, String force) {
        String key = source.series() + "|" + force;
        YearMonth current = currentMonth();
        Published p = known.get(key);
        if (p != null && p.current().equals(current) && p.checkedAt().plus(RECHECK).isAfter(clock.instant())) {
            return p;
        }
        List<YearMonth> fixed = repository.published(force, source.series());
        List<YearMonth> missing = new ArrayList<>(source.monthsWithAnswers(force, current));
        missing.removeAll(fixed);
        if (!missing.isEmpty()) {
            transactions.executeWithoutResult(t -> {
                source.holdWriters();
                for (YearMonth m : missing) {
                    repository.publish(force, source.series(), m, source.cells(force, m));
                }
            });
        }
        Map<YearMonth, List<Cell>> cells = repository.cells(force, source.series());
        Map<YearMonth, Set<String>> shown = new HashMap<>();
        cells.forEach((m, c) -> shown.put(m, Suppression.published(c, policy.minimum())));
        p = new Published(clock.instant(), current, cells, shown);
        known.put(key, p);
        return p;
    }
}
