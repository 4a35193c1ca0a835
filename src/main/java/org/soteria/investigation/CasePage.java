package org.soteria.investigation;

import java.util.List;

/**
 * One page of the case list. {@code total} is exact up to {@link #COUNT_CAP}; beyond that the list
 * says "more than": counting every match of a broad filter over a million records
 * would cost more than the page itself, and 40 pages are more than anyone reads. {@code why}: for a search, why
 * each row matched (message codes with the typed words, never a person's name); {@code namesCappedAt}: when
 * the search's names match more people than a search considers, the most it considers (the page asks for more of the name);
 * otherwise 0.
 */
public record CasePage(List<CaseSummary> rows, long total, boolean totalCapped, int page, int pages,
        java.util.Map<Long, List<String>> why, int namesCappedAt) {

    /** The search's names match more people than a search considers. */
    public boolean namesTooCommon() {
        return namesCappedAt > 0;
    }

    public static final int COUNT_CAP = 1_000;
}
