package org.soteria.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The import report as CSV, columns file,line,column,value,reason (warnings say so in the reason). */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(List<ImportProblem> problems, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader("file", "line", "column", "value", "reason").setRecordSeparator("\n").get());
        for (ImportProblem p : problems) {
            csv.printRecord(p.file(), p.line(), p.column() == null ? "" : p.column(),
                    p.value() == null ? "" : p.value(), p.rejection() ? p.reason() : "warning: " + p.reason());
        }
        csv.flush();
    }
}
