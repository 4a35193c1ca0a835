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

    public HomeService(List<WorkSource> sources, List<FigureSource> figures) {
        this.sources = List.copyOf(sources);
        this.figures = List.copyOf(figures);
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
