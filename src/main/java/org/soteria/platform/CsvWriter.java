package org.soteria.platform;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Soteria writes CSV: RFC 4180 with LF line ends, nulls as empty cells. A file meant for people
 * ({@link #forPeople}) neutralises every text cell a spreadsheet would run as a formula: one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with an apostrophe
 * (OWASP CSV injection). A file read back by programs ({@link #exact}: the exchange bundle, linkage input
 * and output) keeps every value as it is, since changing one would change the record; such files are opened by
 * importers, not spreadsheets, and the guides say so.
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final CSVPrinter printer;
    private final boolean guard;
    private long rows;

    private CsvWriter(Writer out, boolean guard, String... header) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
        this.guard = guard;
        if (header.length > 0) {
            printer.printRecord((Object[]) header);
        }
    }

    /** A CSV for people to open, in a spreadsheet most likely: formulas neutralised. */
    public static CsvWriter forPeople(Writer out, String... header) throws IOException {
        return new CsvWriter(out, true, header);
    }

    /** A CSV read back by programs, whose values must survive exactly (exchange-format.md). */
    public static CsvWriter exact(Writer out, String... header) throws IOException {
        return new CsvWriter(out, false, header);
    }

    /** As {@link #exact(Writer, String...)}, into a new file (its folder made when missing). */
    public static CsvWriter exact(Path file, String... header) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new CsvWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16), false,
                header);
    }

    /** Writes one row; numbers and other non-text values are written as they print. */
    public void row(Object... values) throws IOException {
        if (guard) {
            Object[] safe = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                safe[i] = values[i] instanceof CharSequence s ? neutralise(s.toString()) : values[i];
            }
            printer.printRecord(safe);
        } else {
            printer.printRecord(values);
        }
        rows++;
    }

    /** Writes one row from a list of values. */
    public void row(Iterable<?> values) throws IOException {
        java.util.List<Object> list = new java.util.ArrayList<>();
        values.forEach(list::add);
        row(list.toArray());
    }

    /** Rows written after the header. */
    public long rows() {
        return rows;
    }

    /**
     * A text cell that a spreadsheet will not run: one starting with =, +, -, @, a tab or a carriage return
     * is prefixed with an apostrophe.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
