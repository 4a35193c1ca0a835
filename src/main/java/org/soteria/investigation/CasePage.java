package org.soteria.investigation;

import java.util.List;

/**
 * One page of the case list. {@code total} is exact up to {@link #COUNT_CAP}; beyond that the list
 * says "more than" so that a broad filter over a million records stays fast.
 */
public record CasePage(List<CaseSummary> rows, long total, boolean totalCapped, int page, int pages) {

    public static final int COUNT_CAP = 10_000;
}
