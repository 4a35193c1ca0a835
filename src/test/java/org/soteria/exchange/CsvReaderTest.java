package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private record Rec(int line, List<String> cells) {
    }

    private static List<Rec> read(String text) throws Exception {
        List<Rec> out = new ArrayList<>();
        try (CsvReader r = new CsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            String[] cells;
            while ((cells = r.next()) != null) {
                out.add(new Rec(r.recordLine(), List.of(cells)));
            }
        }
        return out;
    }

    @Test
    void aQuotedLineBreakMovesLaterRecordsDown() throws Exception {
        List<Rec> recs = read("a,b\n1,\"two\nlines\"\n3,x\n");
        assertThat(recs).containsExactly(new Rec(1, List.of("a", "b")), new Rec(2, List.of("1", "two\nlines")),
                new Rec(4, List.of("3", "x")));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws Exception {
        List<Rec> recs = read("a\r\n\r\n1\r\n\n2");
        assertThat(recs).containsExactly(new Rec(1, List.of("a")), new Rec(3, List.of("1")), new Rec(5, List.of("2")));
    }

    @Test
    void aByteOrderMarkIsTolerated() throws Exception {
        assertThat(read("\uFEFFcrime_ref\nX\n").get(0).cells()).containsExactly("crime_ref");
    }

    @Test
    void doubledQuotesAndEmptyCells() throws Exception {
        assertThat(read("\"say \"\"hi\"\"\",,\"\"\n").get(0).cells()).containsExactly("say \"hi\"", "", "");
    }

    @Test
    void anUnclosedQuoteIsAFormatErrorNamingItsLine() {
        assertThatThrownBy(() -> read("a\n1\n\"open\n")).isInstanceOf(CsvReader.CsvFormatException.class)
                .hasMessageContaining("starts on line 3");
    }
}
