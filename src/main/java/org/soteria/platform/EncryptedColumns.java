package org.soteria.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts a table's encrypted text columns under the current key after a key change, in one transaction.
 * Each row is read with its id and the keys its context is built from; only values under another key are
 * touched, so it is safe to run again.
 */
@Component
public class EncryptedColumns {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final TransactionTemplate tx;

    public EncryptedColumns(JdbcClient jdbc, FieldCipher cipher, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * @param keys SQL for the columns the context needs, besides id (for example "crime_id")
     * @param context builds a value's context from the row's key values and the column name
     * @return how many rows changed
     */
    public long rotate(String table, String keys, List<String> columns, BiFunction<Object[], String, String> context) {
        Long n = tx.execute(status -> rotateNow(table, keys, columns, context));
        return n == null ? 0 : n;
    }

    private long rotateNow(String table, String keys, List<String> columns, BiFunction<Object[], String, String> context) {
        int nKeys = keys.split(",").length;
        List<Object[]> rows = jdbc.sql("select id, " + keys + ", " + String.join(", ", columns) + " from " + table
                + " for update").query((rs, i) -> {
                    Object[] r = new Object[1 + nKeys + columns.size()];
                    for (int c = 0; c < r.length; c++) {
                        r[c] = rs.getObject(1 + c);
                    }
                    return r;
                }).list();
        long changed = 0;
        for (Object[] r : rows) {
            Object[] keyValues = java.util.Arrays.copyOfRange(r, 1, 1 + nKeys);
            List<Object> values = new ArrayList<>();
            boolean any = false;
            for (int c = 0; c < columns.size(); c++) {
                String stored = (String) r[1 + nKeys + c];
                String fresh = stored;
                if (stored != null && !Objects.equals(FieldCipher.keyIdOf(stored), cipher.currentKeyId())) {
                    String ctx = context.apply(keyValues, columns.get(c));
                    fresh = cipher.encrypt(cipher.decrypt(stored, ctx), ctx);
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
