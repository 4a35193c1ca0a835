package org.soteria.operations;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.postgresql.PGConnection;

/**
 * The tables a backup holds and their rows moved with PostgreSQL's COPY (text format: one line a row, so the
 * lines counted are the rows). Every table of the schema is held except what a restored instance must not
 * inherit or rebuilds itself: signed-in sessions (everyone signs in again) and Flyway's history (the restore's
 * migrations write it).
 */
final class TableData {

    static final Set<String> LEFT_OUT = Set.of("flyway_schema_history", "spring_session", "spring_session_attributes");

    /** How often a long table's progress is told. */
    private static final long TELL_EVERY_NANOS = 5_000_000_000L;

    private TableData() {
    }

    /** The schema's tables, by name, each with its stored (not generated) columns in their order. */
    static Map<String, List<String>> tables(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("select c.relname, a.attname from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid "
                + "where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped "
                + "and a.attgenerated = '' order by c.relname, a.attnum");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (!LEFT_OUT.contains(r.getString(1))) {
                    tables.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(2));
                }
            }
        }
        return tables;
    }

    /** PostgreSQL's estimate of a table's rows (for progress only). */
    static long estimate(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select greatest(reltuples, 0)::bigint from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relname = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    static void copyOut(Connection c, String table, List<String> columns, OutputStream out) throws SQLException,
            IOException {
        c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select " + columnList(columns) + " from "
                + quote(table) + ") to stdout", out);
    }

    static void copyIn(Connection c, String table, List<String> columns, InputStream in) throws SQLException,
            IOException {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + quote(table) + " (" + columnList(columns)
                + ") from stdin", in);
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(TableData::quote).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Rows and SHA-256 of the bytes that pass, telling progress every few seconds. */
    static final class Tally {

        private final MessageDigest digest = DigestUtils.getSha256Digest();
        private final String what;
        private final Progress progress;
        private long rows;
        private long bytes;
        private final long started = System.nanoTime();
        private long lastTold = started;

        Tally(String what, Progress progress) {
            this.what = what;
            this.progress = progress;
        }

        void add(byte[] b, int off, int len) {
            digest.update(b, off, len);
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    rows++;
                }
            }
            long now = System.nanoTime();
            if (now - lastTold > TELL_EVERY_NANOS) {
                lastTold = now;
                progress.during(what, rows, bytes, now - started);
            }
        }

        long rows() {
            return rows;
        }

        String sha256() {
            return Hex.encodeHexString(digest.digest());
        }

        /** An output stream that tallies what passes into {@code out}, leaving {@code out} open at close. */
        OutputStream into(OutputStream out) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    add(b, off, len);
                }
            };
        }

        /** An input stream that tallies what is read from {@code in}. */
        InputStream from(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        add(b, off, n);
                    }
                    return n;
                }
            };
        }
    }
}
