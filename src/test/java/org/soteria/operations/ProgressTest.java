package org.soteria.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What long commands print on standard error: plain lines in a log, one redrawn line with a bar on a terminal. */
class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inALogEachStepAndFigureIsALineWithTheRateAndTheTimeLeft() {
        Progress p = Progress.lines(out, "soteria import");
        p.step("events.csv: reading and checking");
        p.share("events.csv", 250_000, 0.25, 10_000_000_000L);
        p.during("crime", 1_000_000, 50_000_000, 5_000_000_000L);
        assertThat(text().lines()).containsExactly("soteria import: events.csv: reading and checking",
                "soteria import:   events.csv: 250,000 rows, 25,000 rows/s, 25%, about 30 s left",
                "soteria import:   crime: 1,000,000 rows, 50.0 MB so far (10.0 MB/s)");
    }

    @Test
    void onATerminalTheFiguresRedrawOneLineWithABarAndAStepStartsAFreshLine() {
        Progress p = new Progress.Lines(out, "soteria import", true);
        p.share("events.csv", 500_000, 0.5, 10_000_000_000L);
        p.share("events.csv", 1_000_000, 1.0, 20_000_000_000L);
        p.step("events.csv: resolving references and applying 1,000,000 rows");
        assertThat(text()).startsWith("\r\033[2K[############            ] events.csv: 500,000 rows")
                .contains("\r\033[2K[########################] events.csv: 1,000,000 rows, 50,000 rows/s, 100%\n")
                .endsWith("soteria import: events.csv: resolving references and applying 1,000,000 rows\n");
    }

    @Test
    void timeLeftIsSaidInUnitsAPersonReads() {
        assertThat(Progress.Lines.duration(42)).isEqualTo("42 s");
        assertThat(Progress.Lines.duration(600)).isEqualTo("10 min");
        assertThat(Progress.Lines.duration(9000)).isEqualTo("2.5 h");
    }
}
