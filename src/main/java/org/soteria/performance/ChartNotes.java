package org.soteria.performance;

import java.time.LocalDate;
import java.util.List;
import org.soteria.security.SoteriaUser;

/**
 * Dated notes on a measure's charts from the features that set out to change it: an improvement action going live
 * (issue 26). The performance pages draw each as a marked line in its period and list it in the chart's table;
 * they do not know where notes come from, so a feature adds notes without the dashboard depending on it.
 */
public interface ChartNotes {

    /** What happened on a day, in words the viewer may read. */
    record Note(LocalDate on, String words) {
    }

    /** The notes on {@code measure}'s charts for {@code viewer}, oldest first. */
    List<Note> notes(Measure measure, SoteriaUser viewer);
}
