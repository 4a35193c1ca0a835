package org.soteria.suspect;

import java.time.LocalDate;
import java.util.List;

/**
 * How register entries are prioritised (repeat-suspects.md: pluggable, its components shown). The
 * strategy in use is the bean named by {@code soteria.repeat-suspects.priority} (default {@code rfg}).
 */
public interface PriorityStrategy {

    /** One part of a score, with what it was worked out from. */
    record Component(String name, int points, String basis) {
    }

    /** A score and its parts. */
    record Priority(String strategy, int score, List<Component> components) {
    }

    String name();

    /** What the strategy does, for the register's help text. */
    String description();

    Priority score(List<SuspectRepository.CrimeLink> crimes, LocalDate asOf);
}
