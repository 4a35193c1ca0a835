package org.soteria.exchange;

import java.time.Instant;

/** One import run as the import runs page lists it. */
public record ImportRunSummary(long id, Instant startedAt, Instant finishedAt, String runBy, String source,
        String checksum, String status, String message, long rowsRead, long inserted, long updated, long unchanged, long rejected) {
}
