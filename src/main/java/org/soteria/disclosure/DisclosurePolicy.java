package org.soteria.disclosure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one setting of disclosure control (ADR 24): the fewest people (or crimes, for a breakdown a user could not
 * open) any shown figure rests on. {@code soteria.disclosure.minimum}, 5 unless set.
 */
@Component
public class DisclosurePolicy {

    private final int minimum;

    public DisclosurePolicy(@Value("${soteria.disclosure.minimum:5}") int minimum) {
        if (minimum < 2) {
            throw new IllegalArgumentException("soteria.disclosure.minimum must be 2 or more (it is " + minimum + ")");
        }
        this.minimum = minimum;
    }

    /** k: the fewest people or crimes a shown figure rests on. */
    public int minimum() {
        return minimum;
    }

    /** Whether a count is too small to show on its own: more than none and fewer than k. */
    public boolean tooSmall(long count) {
        return count > 0 && count < minimum;
    }
}
