package org.soteria.performance;

import org.soteria.platform.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes tables as CSV (RFC 4180, UTF-8) or as an XLSX workbook with one sheet per table. The XLSX is
 * the minimal Office Open XML package: numbers stay numbers, text is stored inline.
 */
public final class TableFiles {

    private TableFiles() {
    }

    public static byte[] csv(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CsvWriter out = CsvWriter.forPeople(w, table.headers().toArray(String[]::new))) {
            for (List<Object> row : table.rows()) {
                out.row(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] xlsx(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            StringBuilder sheets = new StringBuilder();
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= tables.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                        .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheets.append("<sheet name=\"").append(escape(sheetName(tables.get(i - 1).title(), i)))
                        .append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i)
                        .append(".xml\"/>");
            }
            int styles = tables.size() + 1;
            rels.append("<Relationship Id=\"rId").append(styles).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>");
            types.append("</Types>");
            entry(zip, "[Content_Types].xml", types.toString());
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + sheets + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", rels.toString());
            entry(zip, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Arial\"/></font>"
                    + "<font><b/><sz val=\"11\"/><name val=\"Arial\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                    + "<cellXfs count=\"2\"><xf fontId=\"0\"/><xf fontId=\"1\" applyFont=\"1\"/></cellXfs>"
                    + "</styleSheet>");
            for (int i = 1; i <= tables.size(); i++) {
                entry(zip, "xl/worksheets/sheet" + i + ".xml", sheet(tables.get(i - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sheet(Table t) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        row(x, 1, t.headers().stream().map(h -> (Object) h).toList(), true);
        int r = 2;
        for (List<Object> row : t.rows()) {
            row(x, r++, row, false);
        }
        return x.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder x, int r, List<Object> cells, boolean header) {
        x.append("<row r=\"").append(r).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v == null) {
                continue;
            }
            String ref = column(c) + r;
            String style = header ? " s=\"1\"" : "";
            if (v instanceof Number n) {
                x.append("<c r=\"").append(ref).append('"').append(style).append("><v>").append(n).append("</v></c>");
            } else {
                x.append("<c r=\"").append(ref).append('"').append(style).append(" t=\"inlineStr\"><is><t>")
                        .append(escape(v.toString())).append("</t></is></c>");
            }
        }
        x.append("</row>");
    }

    private static String column(int index) {
        StringBuilder s = new StringBuilder();
        int i = index + 1;
        while (i > 0) {
            int rem = (i - 1) % 26;
            s.insert(0, (char) ('A' + rem));
            i = (i - 1) / 26;
        }
        return s.toString();
    }

    private static String sheetName(String title, int index) {
        String clean = title.replaceAll("[\\[\\]:*?/\\\\']", " ").trim();
        if (clean.isEmpty()) {
            clean = "Sheet " + index;
        }
        String prefix = index + " ";
        return (prefix + clean).length() > 31 ? (prefix + clean).substring(0, 31) : prefix + clean;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch);
                    }
                }
            }
        }
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A download of the tables: the first as CSV, or all as an XLSX workbook. */
    static ResponseEntity<byte[]> download(String name, List<Table> tables, boolean xlsx) {
        String file = name + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file).build().toString())
                .body(xlsx ? xlsx(tables) : csv(tables.get(0)));
    }
}
