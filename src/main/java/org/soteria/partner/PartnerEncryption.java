package org.soteria.partner;

import java.util.List;
import org.soteria.platform.EncryptedColumns;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts what ISVAs record (their notes and officers' answers, V50) and the joint case reviews' notes (V51) under the current key after a key change, as
 * {@code encryption rotate} does for the rest. Values already under the current key are left alone.
 */
@Component
public class PartnerEncryption {

    private final EncryptedColumns columns;

    PartnerEncryption(EncryptedColumns columns) {
        this.columns = columns;
    }

    /** Re-encrypts every value under a key other than the current one; returns how many rows changed. */
    public long rotate() {
        return columns.rotate("isva_note", "crime_id", List.of("note", "answer"),
                (keys, column) -> IsvaRepository.context(((Number) keys[0]).longValue(), column))
                + columns.rotate("joint_review_case", "crime_id", List.of("police_note", "cps_note"),
                (keys, column) -> JointReviewRepository.context(((Number) keys[0]).longValue(), column));
    }
}
