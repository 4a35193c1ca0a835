package org.soteria.victim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.soteria.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts the victim records' encrypted fields (contact plans, the contact log, feedback comments)
 * under the current key after a key change, as {@code encryption rotate} does for people. Each value
 * carries the id of its key, so only values under another key are touched; safe to run again.
 */
@Component
public class VictimEncryption {

    private static final List<String> PLAN_COLUMNS = List.of("safe_number", "safe_times", "interpreter_language",
            "communication_needs", "isva_name", "isva_contact");

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    public VictimEncryption(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Re-encrypts every value under a key other than the current one; returns how many rows changed. */
    public long rotate() {
        Long n = tx.execute(status -> plans() + contacts() + comments());
        return n == null ? 0 : n;
    }

    private String again(String stored, String context) {
        if (stored == null || Objects.equals(FieldCipher.keyIdOf(stored), cipher.currentKeyId())) {
            return stored;
        }
        return cipher.encrypt(cipher.decrypt(stored, context), context);
    }

    private long plans() {
        long changed = 0;
        List<Object[]> rows = jdbc.sql("select crime_id, person_ref, " + String.join(", ", PLAN_COLUMNS)
                        + " from victim_contact_plan for update")
                .query((rs, i) -> {
                    Object[] r = new Object[2 + PLAN_COLUMNS.size()];
                    r[0] = rs.getLong(1);
                    r[1] = rs.getLong(2);
                    for (int c = 0; c < PLAN_COLUMNS.size(); c++) {
                        r[2 + c] = rs.getString(3 + c);
                    }
                    return r;
                }).list();
        for (Object[] r : rows) {
            List<Object> values = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < PLAN_COLUMNS.size(); c++) {
                String stored = (String) r[2 + c];
                String fresh = again(stored, "victim_contact_plan/" + r[0] + "/" + r[1] + "/" + PLAN_COLUMNS.get(c));
                any |= !Objects.equals(stored, fresh);
                values.add(fresh);
            }
            if (any) {
                values.add(r[0]);
                values.add(r[1]);
                jdbc.sql("update victim_contact_plan set " + String.join(" = ?, ", PLAN_COLUMNS)
                        + " = ? where crime_id = ? and person_ref = ?").params(values).update();
                changed++;
            }
        }
        return changed;
    }

    private long contacts() {
        long changed = 0;
        for (Object[] r : jdbc.sql("select id, crime_id, person_ref, summary from victim_contact for update")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}).list()) {
            String fresh = again((String) r[3], "victim_contact/" + r[1] + "/" + r[2] + "/summary");
            if (!Objects.equals(fresh, r[3])) {
                jdbc.sql("update victim_contact set summary = ? where id = ?").params(fresh, r[0]).update();
                changed++;
            }
        }
        return changed;
    }

    private long comments() {
        long changed = 0;
        for (Object[] r : jdbc.sql("select id, comment from feedback_comment for update")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).list()) {
            String fresh = again((String) r[1], "feedback_comment/" + r[0]);
            if (!Objects.equals(fresh, r[1])) {
                jdbc.sql("update feedback_comment set comment = ? where id = ?").params(fresh, r[0]).update();
                changed++;
            }
        }
        return changed;
    }
}
