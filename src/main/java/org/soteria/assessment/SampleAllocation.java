package org.soteria.assessment;

import org.soteria.reference.Choice;

/** How a deep-dive sample's crimes are shared between its strata. */
public enum SampleAllocation implements Choice {
    EQUAL("equal", "The same number from each group"),
    PROPORTIONAL("proportional", "A number in all, shared in proportion to each group's crimes");

    private final String code;
    private final String label;

    SampleAllocation(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
