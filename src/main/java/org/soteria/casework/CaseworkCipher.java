package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.soteria.platform.FieldCipher;

/**
 * Casework's free text at rest: encrypted, bound to its table, crime and column, so a value copied to another crime
 * or column does not decrypt.
 */
@org.springframework.stereotype.Component
class CaseworkCipher {

    /** The encrypted text columns, by table: {@link CaseworkEncryption} re-encrypts them after a key change. */
    static final Map<String, List<String>> ENCRYPTED = Map.of(
            "enquiry_line", List.of("description", "result"),
            "supervisor_review", List.of("directions"),
            "material_request", List.of("holder", "scope", "justification", "least_intrusive", "victim_view_note",
                    "decision_note", "closed_note"),
            "cps_action", List.of("action"),
            "cps_submission", List.of("summary"),
            "cps_review", List.of("note"),
            "cps_engagement", List.of("summary"));

    private final FieldCipher cipher;

    CaseworkCipher(FieldCipher cipher) {
        this.cipher = cipher;
    }

    static String context(String table, long crimeId, String column) {
        return table + "/" + crimeId + "/" + column;
    }

    String seal(String table, long crimeId, String column, String value) {
        return value == null ? null : cipher.encrypt(value, context(table, crimeId, column));
    }

    String open(ResultSet rs, String table, String column) throws SQLException {
        String stored = rs.getString(column);
        return stored == null ? null : cipher.decrypt(stored, context(table, rs.getLong("crime_id"), column));
    }
}
