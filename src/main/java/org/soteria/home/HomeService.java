package org.soteria.home;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/** A person's work from every feature, most urgent first (kinds with nothing in them left out), and their figures. */
@ForceMode
@Service
public class HomeService {

    private final List<WorkSource> sources;
    private final List<FigureSource> figures;
    private final AlertRepository seen;
    private final java.time.Clock clock;

    public HomeService(List<WorkSource> sources, List<FigureSource> figures, AlertRepository seen,
            java.time.Clock clock) {
        this.sources = List.copyOf(sources);
        this.figures = List.copyOf(figures);
        this.seen = seen;
        this.clock = clock;
    }

    /**
     * The in-app notice: the kinds of {@code work} (as {@link #work} gave it) that have grown since the person last
     * opened their home page, most urgent first; none on their first visit. Remembers what they see now.
     */
    public List<Work> newSinceLastLook(SoteriaUser user, Map<Work.Urgency, List<Work>> work) {
        Map<String, Long> now = new java.util.LinkedHashMap<>();
        work.values().forEach(l -> l.forEach(w -> now.put(w.kind(), w.count())));
        List<Work> grown = seen.seen(user.getUsername())
                .map(before -> work.values().stream().flatMap(List::stream)
                        .filter(w -> w.urgency() != Work.Urgency.COMING && w.count() > before.getOrDefault(w.kind(), 0L))
                        .toList())
                .orElse(List.of());
        seen.saw(user.getUsername(), now, clock.instant());
        return grown;
    }

    /** The figures the user's role steers by, from every feature that has some for them. */
    public List<Figure> figures(SoteriaUser user) {
        return figures.stream().flatMap(f -> f.figures(user).stream()).toList();
    }

    /** The user's work by urgency, in order (overdue, today, waiting, coming); an urgency with none is absent. */
    public Map<Work.Urgency, List<Work>> work(SoteriaUser user) {
        return grouped(sources.stream().flatMap(s -> s.work(user).stream()).toList());
    }

    static Map<Work.Urgency, List<Work>> grouped(List<Work> all) {
        Map<Work.Urgency, List<Work>> out = new EnumMap<>(Work.Urgency.class);
        for (Work w : all) {
            if (w.count() > 0) {
                out.computeIfAbsent(w.urgency(), k -> new ArrayList<>()).add(w);
            }
        }
        // Within an urgency, the larger piles first: what holds most people up.
        out.values().forEach(l -> l.sort(Comparator.comparingLong(Work::count).reversed()));
        return out;
    }
}
