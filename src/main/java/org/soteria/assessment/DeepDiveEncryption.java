package org.soteria.assessment;

import java.util.List;
import org.soteria.platform.EncryptedColumns;
import org.springframework.stereotype.Component;

/** Re-encrypts the deep-dive reviewers' notes and free-text answers under the current key after a key change ({@code encryption rotate}). */
@Component
public class DeepDiveEncryption {

    private final EncryptedColumns columns;

    public DeepDiveEncryption(EncryptedColumns columns) {
        this.columns = columns;
    }

    /** Returns how many reviews and free-text answers changed. */
    public long rotate() {
        return columns.rotate("case_file_review", "sample_id, crime_id", List.of("missed_note", "learning"),
                (keys, column) -> DeepDiveRepository.context(((Number) keys[0]).longValue(), ((Number) keys[1]).longValue(),
                        column))
                + columns.rotate("case_file_answer", "sample_id, crime_id, reviewer, item_code", List.of("note"),
                        (keys, column) -> DeepDiveRepository.answerContext(((Number) keys[0]).longValue(),
                                ((Number) keys[1]).longValue(), (String) keys[2], (String) keys[3]));
    }
}
