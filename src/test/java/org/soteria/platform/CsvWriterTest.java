package org.soteria.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Every CSV for people defuses what a spreadsheet would run; files read back by programs keep their values. */
class CsvWriterTest {

    private static String forPeople(Object... row) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.forPeople(out, "a", "b", "c")) {
            csv.row(row);
        }
        return out.toString();
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(CsvWriter.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvWriter.neutralise("+44 1234")).isEqualTo("'+44 1234");
        assertThat(CsvWriter.neutralise("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(CsvWriter.neutralise("Ann Hughes")).isEqualTo("Ann Hughes");
        assertThat(CsvWriter.neutralise("")).isEmpty();
        assertThat(CsvWriter.neutralise(null)).isNull();
    }

    @Test
    void aFileForPeopleDefusesTextButNotNumbers() throws IOException {
        assertThat(forPeople("=1+2", -3, null)).isEqualTo("a,b,c\n'=1+2,-3,\n");
        assertThat(forPeople("@evil", "a,b", "say \"hi\"")).isEqualTo("a,b,c\n'@evil,\"a,b\",\"say \"\"hi\"\"\"\n");
    }

    @Test
    void aFileReadByProgramsKeepsItsValuesExactly() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.exact(out, "crime_ref", "detail")) {
            csv.row("-A1", "=x");
            csv.row(null, "");
            assertThat(csv.rows()).isEqualTo(2);
        }
        assertThat(out.toString()).isEqualTo("crime_ref,detail\n-A1,=x\n,\n");
    }
}
