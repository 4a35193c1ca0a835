package org.soteria.casework;

import java.util.ArrayList;
import java.util.List;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Casework on the home page: lines of enquiry, reviews, approvals, bail and CPS actions, overdue and due. */
@ForceMode
@Component
class CaseworkWork implements WorkSource {

    private final CaseworkQueueService queues;

    CaseworkWork(CaseworkQueueService queues) {
        this.queues = queues;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.VIEW_CASES)) {
            return List.of();
        }
        CaseworkQueueService.Queue q = queues.due(user);
        List<Work> out = new ArrayList<>();
        split(out, q, q.lines(), "homeWork.linesOverdue", "homeWork.linesDue", "lines");
        split(out, q, q.reviews(), "homeWork.reviewsOverdue", "homeWork.reviewsDue", "reviews");
        out.add(Work.of(Work.Urgency.WAITING, "homeWork.approvals", q.approvals().size(), "/casework?tab=approvals"));
        split(out, q, q.bail(), "homeWork.bailOverdue", "homeWork.bailDue", "bail");
        split(out, q, q.cps(), "homeWork.cpsOverdue", "homeWork.cpsDue", "cps");
        return out;
    }

    /** A list's items: those overdue, those due today, the rest coming up; each links to its tab. */
    private static void split(List<Work> out, CaseworkQueueService.Queue q, List<CaseworkQueueService.Item> items,
            String overdueCode, String dueCode, String tab) {
        String href = "/casework?tab=" + tab;
        long overdue = items.stream().filter(CaseworkQueueService.Item::overdue).count();
        long today = items.stream().filter(i -> !i.overdue() && q.today().equals(i.date())).count();
        out.add(Work.of(Work.Urgency.OVERDUE, overdueCode, overdue, href));
        out.add(Work.of(Work.Urgency.TODAY, dueCode, today, href));
        out.add(Work.of(Work.Urgency.COMING, dueCode, items.size() - overdue - today, href));
    }
}
