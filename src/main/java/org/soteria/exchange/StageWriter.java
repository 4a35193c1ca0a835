package org.soteria.exchange;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into a staging table with PostgreSQL's COPY, the fastest way in. A null is written
 * as an unquoted empty field (SQL NULL); every other value is quoted, so an empty string stays empty.
 */
final class StageWriter implements AutoCloseable {

    private final CopyIn copy;
    private final StringBuilder sb = new StringBuilder(1 << 17);
    private long rows;

    StageWriter(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.copy = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
    }

    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = values[i];
            if (v != null) {
                String s = v.toString();
                sb.append('"');
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '"') {
                        sb.append('"');
                    }
                    sb.append(c);
                }
                sb.append('"');
            }
        }
        sb.append('\n');
        rows++;
        if (sb.length() > (1 << 16)) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void flush() throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        if (sb.length() > 0) {
            flush();
        }
        copy.endCopy();
    }
}
