package org.soteria.performance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.soteria.platform.CsvWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes tables as CSV (RFC 4180, UTF-8, formulas neutralised; rates as fractions) or as an XLSX workbook
 * (fastexcel) with one sheet per table, numbers kept as numbers and formatted by {@link CellFormat.Kind}.
 */
public final class TableFiles {

    private TableFiles() {
    }

    public static byte[] csv(Table table) {
        return csv(table, Words.plain());
    }

    /** The table as CSV, its headings and row labels in {@code words}' language (the figures as they are). */
    public static byte[] csv(Table table, Words words) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CsvWriter out = CsvWriter.forPeople(w, table.headers().stream().map(words::text).toArray(String[]::new))) {
            for (List<Object> row : table.rows()) {
                List<Object> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.size(); c++) {
                    cells.add(row.get(c) == null ? "" : words(row.get(c), c, words));
                }
                out.row(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The tables as an XLSX workbook, one sheet per table: a bold header row frozen in place, counts as
     * whole numbers, rates as percentages to one place, changes of rate in points, means to two places.
     */
    public static byte[] xlsx(List<Table> tables) {
        return xlsx(tables, Words.plain());
    }

    /** A row's label (its first cell) and a withheld figure's words in {@code words}' language; figures as they are. */
    private static Object words(Object value, int column, Words words) {
        return value instanceof String text && (column == 0 || Dashboard.WITHHELD.equals(text)) ? words.text(text) : value;
    }

    /** The tables as an XLSX workbook in {@code words}' language: sheet names, headings and row labels. */
    public static byte[] xlsx(List<Table> tables, Words words) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook book = new Workbook(bytes, "Soteria", "1.0")) {
            for (int i = 0; i < tables.size(); i++) {
                sheet(book.newWorksheet(sheetName(words.text(tables.get(i).title()), i + 1)), tables.get(i), words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void sheet(Worksheet sheet, Table t, Words words) {
        for (int c = 0; c < t.headers().size(); c++) {
            sheet.value(0, c, words.text(t.headers().get(c)));
            sheet.style(0, c).bold().set();
            sheet.width(c, c == 0 ? 40 : 18);
        }
        sheet.freezePane(1, 1);
        int r = 1;
        for (List<Object> row : t.rows()) {
            for (int c = 0; c < row.size(); c++) {
                cell(sheet, r, c, row, t.headers(), words);
            }
            r++;
        }
    }

    /**
     * Points of a percentage, signed, followed by the word for points in the sheet's language; each letter
     * escaped, as fastexcel writes a format without escaping quotes.
     */
    static String pointsFormat(Words words) {
        StringBuilder word = new StringBuilder("\\ ");
        words.text("points").codePoints().forEach(c -> word.append('\\').appendCodePoint(c));
        return "+0.0" + word + ";-0.0" + word + ";0.0" + word;
    }

    private static void cell(Worksheet sheet, int r, int c, List<Object> row, List<String> headers, Words words) {
        Object v = row.get(c);
        // The kind of a cell is read from the English headings; the sheet shows them in the words' language.
        switch (CellFormat.kind(row, c, headers)) {
            case EMPTY -> { }
            case TEXT -> sheet.value(r, c, words(v, c, words).toString());
            case COUNT, COUNT_CHANGE -> sheet.value(r, c, (Number) v);
            case RATE -> {
                sheet.value(r, c, (Number) v);
                sheet.style(r, c).format("0.0%").set();
            }
            case RATE_CHANGE -> {
                sheet.value(r, c, ((Double) v) * 100);
                sheet.style(r, c).format(pointsFormat(words)).set();
            }
            case MEAN -> {
                sheet.value(r, c, (Number) v);
                sheet.style(r, c).format("0.00").set();
            }
        }
    }

    /** A sheet's name: numbered (so names stay unique), without the characters Excel refuses, 31 at most. */
    private static String sheetName(String title, int index) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\']", " ").trim();
        if (clean.isEmpty()) {
            clean = "Sheet " + index;
        }
        String prefix = index + " ";
        return (prefix + clean).length() > 31 ? (prefix + clean).substring(0, 31) : prefix + clean;
    }

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A download of the tables: the first as CSV, or all as an XLSX workbook. */
    public static ResponseEntity<byte[]> download(String name, List<Table> tables, boolean xlsx, Words words) {
        String file = name + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(xlsx ? xlsx(tables, words) : csv(tables.get(0), words));
    }
}
