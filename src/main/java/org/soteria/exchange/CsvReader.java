package org.soteria.exchange;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader that knows the physical line on which each record starts (a quoted value with
 * line breaks moves later records down), tolerates a UTF-8 byte-order mark and skips blank lines.
 * Written for the exchange format's line-exact error reports and for streaming millions of rows.
 */
final class CsvReader implements Closeable {

    private static final int EOF = -1;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private int line = 1;
    private int recordLine;
    private final StringBuilder cell = new StringBuilder(64);
    private final List<String> cells = new ArrayList<>(32);

    CsvReader(InputStream input) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new InputStreamReader(input, decoder);
    }

    /** The physical line (1-based) on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /** The next record's cells, untrimmed; null at the end of the file. Blank lines are skipped. */
    String[] next() throws IOException {
        while (true) {
            int c = peek();
            if (c == EOF) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
                continue;
            }
            if (pos == 0 && len > 0 && line == 1 && buf[0] == '\uFEFF' && recordLine == 0) {
                pos++;
                continue;
            }
            break;
        }
        recordLine = line;
        cells.clear();
        while (true) {
            readCell();
            int c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                consumeLineBreak();
            }
            break;
        }
        return cells.toArray(new String[0]);
    }

    private void readCell() throws IOException {
        cell.setLength(0);
        int c = peek();
        if (c == '"') {
            pos++;
            while (true) {
                c = read();
                if (c == EOF) {
                    throw new CsvFormatException(recordLine, "a quoted value that starts on line " + recordLine
                            + " is never closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        cell.append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\r') {
                    if (peek() == '\n') {
                        pos++;
                    }
                    line++;
                    cell.append('\n');
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                cell.append((char) c);
            }
            // Characters between a closing quote and the next separator are kept, as lenient readers do.
            while ((c = peek()) != EOF && c != ',' && c != '\n' && c != '\r') {
                cell.append((char) c);
                pos++;
            }
        } else {
            while ((c = peek()) != EOF && c != ',' && c != '\n' && c != '\r') {
                cell.append((char) c);
                pos++;
            }
        }
        cells.add(cell.toString());
    }

    private void consumeLineBreak() throws IOException {
        int c = read();
        if (c == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos >= len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return EOF;
            }
        }
        return buf[pos];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != EOF) {
            pos++;
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A file that is not CSV at all from some point on. */
    static final class CsvFormatException extends IOException {
        private final int line;

        CsvFormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
