package org.soteria.casework;

import java.util.List;
import java.util.Map;
import org.soteria.platform.EncryptedColumns;
import org.springframework.stereotype.Component;

/**
 * Re-encrypts casework's free text (lines of enquiry, reviews, requests, CPS actions and submissions) under
 * the current key after a key change, as {@code encryption rotate} does for people. Values already under
 * the current key are left alone, so it is safe to run again.
 */
@Component
public class CaseworkEncryption {

    private final EncryptedColumns columns;

    public CaseworkEncryption(EncryptedColumns columns) {
        this.columns = columns;
    }

    /** Re-encrypts every value under a key other than the current one; returns how many rows changed. */
    public long rotate() {
        long changed = 0;
        for (Map.Entry<String, List<String>> t : CaseworkCipher.ENCRYPTED.entrySet()) {
            changed += columns.rotate(t.getKey(), "crime_id", t.getValue(),
                    (keys, column) -> CaseworkCipher.context(t.getKey(), ((Number) keys[0]).longValue(), column));
        }
        return changed;
    }
}
