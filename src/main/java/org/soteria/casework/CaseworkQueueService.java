package org.soteria.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Fault;
import org.soteria.platform.WholeForce;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Casework across crimes: what is due for the user (lines, reviews, approvals, bail, CPS actions), and a crime's
 * casework in words for the deep dive.
 */
@Service
public class CaseworkQueueService {

    private final CaseworkSupport support;
    private final CaseworkQueueRepository queueRecords;
    private final NeedToKnow needToKnow;
    private final AuditService audit;
    private final ReviewService supervisorReviews;
    private final BailService bailPeriods;

    CaseworkQueueService(CaseworkSupport support, CaseworkQueueRepository queueRecords, NeedToKnow needToKnow, AuditService audit,
            ReviewService supervisorReviews, BailService bailPeriods) {
        this.support = support;
        this.queueRecords = queueRecords;
        this.needToKnow = needToKnow;
        this.audit = audit;
        this.supervisorReviews = supervisorReviews;
        this.bailPeriods = bailPeriods;
    }

    /** One thing due, for the queue. */
    public record Item(long crimeId, String crimeRef, LocalDate date, String what, boolean overdue, String page) {
    }

    /** What is due for the user, by kind. */
    public record Queue(List<Item> lines, List<Item> reviews, List<Item> approvals, List<Item> bail, List<Item> cps,
            boolean reviewer, LocalDate today) {

        public int total() {
            return lines.size() + reviews.size() + approvals.size() + bail.size() + cps.size();
        }
    }

    /** What is due for the user, with the crimes it names recorded in the audit log as read. */
    public Queue queue(SoteriaUser user) {
        Queue q = due(user);
        List<Item> all = new ArrayList<>();
        for (List<Item> list : List.of(q.lines(), q.reviews(), q.approvals(), q.bail(), q.cps())) {
            all.addAll(list);
        }
        shown(user, all, "casework queue");
        return q;
    }

    /** Whose each crime in the queue is (team and officer in the case), for narrowing it. */
    Map<Long, QueueFilter.Owner> owners(Queue q) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (List<Item> list : List.of(q.lines(), q.reviews(), q.approvals(), q.bail(), q.cps())) {
            list.forEach(i -> ids.add(i.crimeId()));
        }
        return queueRecords.owners(ids);
    }

    /** Records in the audit log that the user was shown these items' crimes (a page of the queue). */
    void shown(SoteriaUser user, List<Item> items, String detail) {
        Set<String> records = new HashSet<>();
        items.forEach(i -> records.add(user.forceCode() + ":" + i.crimeRef()));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(records.stream().sorted().toList())
                .justification("need-to-know: own, team, granted, named or break-glass crimes")
                .detail(detail));
    }

    /** What is due for the user, unread: for counting on the home page, which names no crime. */
    Queue due(SoteriaUser user) {
        LocalDate today = support.today();
        NeedToKnow.Rule rule = needToKnow.rule(user, "c");
        NeedToKnow.UserScope scope = needToKnow.scope(user);
        boolean reviewer = user.can(Permission.REVIEW_INVESTIGATIONS);
        List<Item> lines = new ArrayList<>();
        if (scope.officerCode() != null) {
            for (CaseworkQueueRepository.Due d : queueRecords.linesDue(rule, scope.officerCode(), today.plusDays(CaseworkSupport.DUE_SOON_DAYS))) {
                lines.add(new Item(d.crimeId(), d.crimeRef(), d.date(), d.what(), d.date().isBefore(today), "plan"));
            }
        }
        List<Item> reviews = new ArrayList<>();
        List<CaseworkQueueRepository.OpenCrime> open = queueRecords.openCrimes(rule, reviewer, scope.supervisedTeams());
        for (CaseworkQueueRepository.OpenCrime c : open) {
            if (!reviewer && (scope.officerCode() == null || !scope.officerCode().equals(c.officerCode()))) {
                continue;
            }
            ReviewSchedule.Status s = supervisorReviews.schedule().of(c.recordedDate(), c.reviews(), null, today);
            if (s.next() != null && !s.next().due().isAfter(today.plusDays(CaseworkSupport.REVIEW_SOON_DAYS))) {
                long overdue = s.points().stream().filter(x -> x.state() == ReviewSchedule.State.OVERDUE).count();
                // "Within 24 hours (2 review points overdue)", in the page's language.
                String point = switch (s.next().nameCode()) {
                    case "reviewPoint.day" -> "caseworkQueue.day";
                    case "reviewPoint.days" -> "caseworkQueue.days";
                    case "reviewPoint.monthly" -> "caseworkQueue.monthly";
                    default -> "caseworkQueue.months";
                };
                reviews.add(new Item(c.id(), c.crimeRef(), s.next().due(), Fault.of(point,
                        Fault.count(s.next().nameArg()), Fault.count(overdue)), s.overdue(), "reviews"));
            }
        }
        reviews.sort(Comparator.comparing(Item::date));
        List<Item> approvals = new ArrayList<>();
        if (reviewer) {
            for (CaseworkQueueRepository.Due d : queueRecords.awaitingApproval(rule)) {
                if (!d.ownerCode().equals(user.getUsername())) {
                    approvals.add(new Item(d.crimeId(), d.crimeRef(), d.date(), d.what(), false, "requests"));
                }
            }
        }
        List<Item> bail = new ArrayList<>();
        for (BailRepository.Bail b : queueRecords.openBail(rule)) {
            for (BailAlerts.Alert a : bailPeriods.alerts().of(b.period(), today)) {
                bail.add(new Item(b.crimeId(), b.crimeRef(), a.date(), a.message(),
                        a.kind() == BailAlerts.Kind.LAPSED || a.kind() == BailAlerts.Kind.REVIEW_OVERDUE, "bail"));
            }
        }
        bail.sort(Comparator.comparing(Item::date));
        List<Item> cps = new ArrayList<>();
        for (CpsRecords.Action a : queueRecords.actionsDue(rule, today.plusDays(CaseworkSupport.DUE_SOON_DAYS))) {
            cps.add(new Item(a.crimeId(), a.crimeRef(), a.dueOn(), a.action(), a.overdueOn(today), "cps"));
        }
        return new Queue(lines, reviews, approvals, bail, cps, reviewer, today);
    }

    /**
     * What casework a crime has, in words and without personal data, for a deep-dive reviewer who reads the crime
     * pseudonymised (the caller has reached the crime through its own rules).
     */
    /**
     * A sampled crime's casework, record by record, for deep-dive reviewers (issue 26): the day of each line of
     * enquiry (opened, closed), supervisor review, request for the victim's material and CPS submission, with its
     * coded values and never its free text, which could name people. Ordered by day.
     */
    @WholeForce("deep dive: a sampled crime's casework as days and coded values, for reviewers who read it "
            + "pseudonymised")
    public List<java.util.Map.Entry<Integer, String>> timeline(long crimeId, java.time.LocalDate recorded) {
        return queueRecords.timeline(crimeId, recorded);
    }

    @WholeForce("deep dive: a sampled crime's casework as counts, for reviewers who read it pseudonymised")
    public List<String> summary(long crimeId) {
        CaseworkQueueRepository.Counts c = queueRecords.counts(crimeId);
        List<String> out = new ArrayList<>();
        // Written as a fault is (platform.Fault), so that the page shows it in its language.
        out.add(Fault.of("ddFile.casework", Fault.count(c.lines()), Fault.count(c.reviews()), Fault.count(c.devices())));
        c.requests().forEach((k, n) -> {
            Codes.Material material = Codes.parse(Codes.Material.class, k.substring(0, k.indexOf(':')));
            Codes.RequestStatus status = Codes.parse(Codes.RequestStatus.class, k.substring(k.indexOf(':') + 1));
            out.add(Fault.of(n == 1 ? "ddFile.request" : "ddFile.requests", n, material == null ? k : "~" + material.messageKey(),
                    status == null ? "" : "~" + status.messageKey()));
        });
        return out;
    }
}
