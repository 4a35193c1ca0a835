package org.soteria.assessment;

import java.util.List;
import org.soteria.performance.ChartNotes;
import org.soteria.performance.Measure;
import org.soteria.platform.Fault;
import org.soteria.platform.ForceMode;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/**
 * Each improvement action linked to a measure marks the day it went live on that measure's charts (issue 26): its
 * title for those who may read the improvement plan, "an improvement action went live" for others.
 */
@ForceMode
@Component
class ActionChartNotes implements ChartNotes {

    private final ImprovementRepository repository;

    ActionChartNotes(ImprovementRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Note> notes(Measure measure, SoteriaUser viewer) {
        if (viewer.forceCode() == null) {
            return List.of();
        }
        boolean titles = viewer.can(Permission.VIEW_IMPROVEMENT_PLAN);
        return repository.live(viewer.forceCode(), measure.key()).stream()
                .map(a -> new Note(a.liveOn(), titles ? Fault.of("perf.xmr.actionLive", words(a.title()))
                        : "{perf.xmr.anActionLive}"))
                .toList();
    }

    /** A title as a message's argument: one that began with ~ or # would be read as a message's code. */
    private static String words(String title) {
        return title.replaceFirst("^[~#]+", "").strip();
    }
}
