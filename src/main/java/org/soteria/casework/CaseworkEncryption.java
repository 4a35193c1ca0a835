package org.soteria.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.soteria.platform.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts casework's free text (lines of enquiry, reviews, requests, CPS actions and submissions) under
 * the current key after a key change, as {@code encryption rotate} does for people. Values already under
 * the current key are left alone, so it is safe to run again.
 */
@Component
public class CaseworkEncryption {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    public CaseworkEncryption(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Re-encrypts every value under a key other than the current one; returns how many rows changed. */
    public long rotate() {
        Long n = tx.execute(status -> {
            long changed = 0;
            for (Map.Entry<String, List<String>> t : CaseworkRepository.ENCRYPTED.entrySet()) {
                changed += table(t.getKey(), t.getValue());
            }
            return changed;
        });
        return n == null ? 0 : n;
    }

    private long table(String table, List<String> columns) {
        long changed = 0;
        List<Object[]> rows = jdbc.sql("select id, crime_id, " + String.join(", ", columns) + " from " + table
                + " for update").query((rs, i) -> {
                    Object[] r = new Object[2 + columns.size()];
                    r[0] = rs.getLong(1);
                    r[1] = rs.getLong(2);
                    for (int c = 0; c < columns.size(); c++) {
                        r[2 + c] = rs.getString(3 + c);
                    }
                    return r;
                }).list();
        for (Object[] r : rows) {
            List<Object> values = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                String stored = (String) r[2 + c];
                String fresh = stored;
                if (stored != null && !Objects.equals(FieldCipher.keyIdOf(stored), cipher.currentKeyId())) {
                    String context = CaseworkRepository.context(table, (Long) r[1], columns.get(c));
                    fresh = cipher.encrypt(cipher.decrypt(stored, context), context);
                    any = true;
                }
                values.add(fresh);
            }
            if (any) {
                values.add(r[0]);
                jdbc.sql("update " + table + " set " + String.join(" = ?, ", columns) + " = ? where id = ?")
                        .params(values).update();
                changed++;
            }
        }
        return changed;
    }
}
