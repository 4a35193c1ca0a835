package org.soteria.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which cells of one period may be shown (ADR 24). A cell of fewer than k people is never shown (primary). Where a
 * shown unit's answers less those of its shown parts would leave fewer than k people (and more than none), more
 * parts are hidden, smallest first, until the hidden rest rests on k or more (secondary). A hidden unit hides its
 * parts too, which would otherwise add back up to it. The same rule then applies inside every shown part.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The units of {@code cells} (one period's) that may be shown at minimum size {@code k}. */
    public static Set<String> published(List<Cell> cells, int k) {
        Map<String, Cell> byUnit = new HashMap<>();
        for (Cell c : cells) {
            byUnit.put(c.unit(), c);
        }
        Map<String, List<Cell>> children = new HashMap<>();
        List<Cell> roots = new ArrayList<>();
        for (Cell c : cells) {
            if (c.parent() == null || !byUnit.containsKey(c.parent())) {
                roots.add(c);
            } else {
                children.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(c);
            }
        }
        Set<String> shown = new LinkedHashSet<>();
        for (Cell root : roots) {
            if (root.people() >= k) {
                shown.add(root.unit());
            }
        }
        List<Cell> open = new ArrayList<>(roots);
        while (!open.isEmpty()) {
            List<Cell> next = new ArrayList<>();
            for (Cell parent : open) {
                List<Cell> parts = children.getOrDefault(parent.unit(), List.of());
                if (shown.contains(parent.unit())) {
                    shown.addAll(partsShown(parent, parts, k));
                }
                next.addAll(parts);
            }
            open = next;
        }
        return shown;
    }

    private static Set<String> partsShown(Cell parent, List<Cell> parts, int k) {
        List<Cell> candidates = new ArrayList<>();
        for (Cell c : parts) {
            if (c.people() >= k) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparingInt(Cell::people).thenComparing(Cell::unit));
        int rest = parent.people() - candidates.stream().mapToInt(Cell::people).sum();
        while (rest > 0 && rest < k && !candidates.isEmpty()) {
            rest += candidates.remove(0).people();
        }
        Set<String> out = new HashSet<>();
        candidates.forEach(c -> out.add(c.unit()));
        return out;
    }
}
