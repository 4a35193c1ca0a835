package org.soteria.linkage;

import java.util.List;

/**
 * How a pair of records scored: the prior weight, then each field's comparison level and the weight it
 * added (positive for evidence of the same person, negative against, zero when missing).
 */
public record Explanation(double priorWeight, List<Contribution> contributions, double matchWeight, double probability) {

    /** One field's part in a score. */
    public record Contribution(Field field, int level, String levelLabel, double weight) {
    }
}
