package org.soteria.victim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.home.Work;
import org.soteria.home.WorkSource;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Victims' Code duties on the home page: the user's own overdue, today and coming; a supervisor's teams' overdue. */
@ForceMode
@Component
class VictimWork implements WorkSource {

    private final VictimQueueService queues;

    VictimWork(VictimQueueService queues) {
        this.queues = queues;
    }

    @Override
    public List<Work> work(SoteriaUser user) {
        if (!user.can(Permission.VIEW_CASES)) {
            return List.of();
        }
        List<Work> out = new ArrayList<>();
        Map<VictimQueueService.Show, Integer> mine = queues.counts(user, VictimQueueService.Scope.MINE);
        String base = "/victims/due?scope=mine&show=";
        out.add(Work.of(Work.Urgency.OVERDUE, "homeWork.dutiesOverdue", mine.get(VictimQueueService.Show.OVERDUE),
                base + "overdue"));
        out.add(Work.of(Work.Urgency.TODAY, "homeWork.dutiesToday", mine.get(VictimQueueService.Show.TODAY),
                base + "today"));
        out.add(Work.of(Work.Urgency.COMING, "homeWork.dutiesComing", mine.get(VictimQueueService.Show.COMING),
                base + "coming"));
        if (user.can(Permission.VIEW_OVERDUE_BY_TEAM)) {
            Map<VictimQueueService.Show, Integer> teams = queues.counts(user, VictimQueueService.Scope.TEAM);
            out.add(Work.of(Work.Urgency.OVERDUE, "homeWork.teamDutiesOverdue",
                    teams.get(VictimQueueService.Show.OVERDUE),
                    "/victims/due?scope=team&show=overdue"));
        }
        return out;
    }
}
