package org.soteria.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one CSV file of a bundle: RFC 4180 quoting where a value needs it, LF line ends, nulls as empty. */
final class CsvOut implements AutoCloseable {

    private final BufferedWriter out;
    private long rows;

    CsvOut(Path file, String... header) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        row((Object[]) header);
        rows = 0;
    }

    void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String s = v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.write('"');
                out.write(s.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(s);
            }
        }
        out.write('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
