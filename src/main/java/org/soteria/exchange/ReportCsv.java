package org.soteria.exchange;

import org.soteria.platform.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The import report as CSV, columns file,line,column,value,reason (warnings say so in the reason). */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(List<ImportProblem> problems, Writer out) throws IOException {
        CsvWriter csv = CsvWriter.forPeople(out, "file", "line", "column", "value", "reason");
        for (ImportProblem p : problems) {
            csv.row(p.file(), p.line(), p.column() == null ? "" : p.column(),
                    p.value() == null ? "" : p.value(), p.rejection() ? p.reason() : "warning: " + p.reason());
        }
        csv.flush();
    }
}
