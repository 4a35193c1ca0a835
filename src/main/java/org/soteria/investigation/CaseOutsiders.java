package org.soteria.investigation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Who outside the force a crime is shared with, for its access page: the investigation feature asks, the partner
 * feature answers (ADR 32), so that the access page shows partners beside grants without depending on them.
 */
public interface CaseOutsiders {

    /** One act of sharing: the organisation, the parts (their codes), when, and whether it still gives access. */
    record Outsider(String organisation, List<String> parts, OffsetDateTime sharedAt, OffsetDateTime endedAt,
            boolean lasting) {
    }

    /** Every share of the crime, lasting first. */
    List<Outsider> of(long crimeId);
}
