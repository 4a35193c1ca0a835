package org.soteria.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** soteria link from file to file: a row out for every row in, warnings counted, bad input refused with where and why. */
class LinkCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private Run run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new LinkCommand()).execute(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void writesAClusterForEveryRowAndExplainsMatches() throws Exception {
        Path people = dir.resolve("people.csv");
        Files.write(people, List.of("person_id,given_name,family_name,date_of_birth,postcode,sex",
                "a,Arthur,Penhaligon,1980-02-03,LL57 2DG,male",
                "b,Artie,Penhaligon,1980-02-03,LL572DG,male",
                "c,Bronwen,Quayle,1991-07-30,CH1 1AA,female",
                "d,Ceri,Rowlands,1975-13-40,,robot",
                "e,Dilys,Rowlands,31st May,,"));
        Path truth = dir.resolve("truth.csv");
        Files.write(truth, List.of("person_id,identity_id", "a,1", "b,1"));
        Path out = dir.resolve("clusters.csv");
        Path pairs = dir.resolve("pairs.csv");
        Run r = run("--people", people.toString(), "--out", out.toString(), "--explain", pairs.toString(), "--threshold",
                "0.5", "--truth", truth.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("person_id,cluster_id", "a,a", "b,a", "c,c", "d,d", "e,e");
        assertThat(r.err()).contains("Warning: 1 date of birth could not be read as a date and was treated as missing")
                .contains("Note: 1 date of birth is no calendar date (a month above 12, a day the month does not have); "
                        + "it is compared digit by digit")
                .contains("Warning: 1 sex value was not female, male, other or unknown")
                .contains("Pairwise: precision 1.0000, recall 1.0000, F1 1.0000");
        List<String> explained = Files.readAllLines(pairs);
        assertThat(explained.get(0)).startsWith("person_id_a,person_id_b,match_probability,match_weight,same_cluster")
                .contains("given_name_level,given_name_weight");
        assertThat(explained).anySatisfy(l -> assertThat(l).startsWith("a,b,").contains("nickname or diminutive"));
    }

    @Test
    void badInputIsRefusedWithTheFileLineAndReason() throws Exception {
        Path people = dir.resolve("people.csv");
        Files.write(people, List.of("person_id,given_name", "a,Ann", "b,Bob", "a,Ann"));
        Run dup = run("--people", people.toString(), "--out", dir.resolve("x.csv").toString());
        assertThat(dup.code()).isEqualTo(2);
        assertThat(dup.err()).contains("people.csv line 4: person_id a appears again (first on line 2)");
        Files.write(people, List.of("given_name", "Ann"));
        assertThat(run("--people", people.toString(), "--out", dir.resolve("x.csv").toString()).err())
                .contains("people.csv line 1: the header has no person_id column");
        assertThat(run("--people", dir.resolve("none.csv").toString(), "--out", dir.resolve("x.csv").toString()).err())
                .contains("no such file");
        Run threshold = run("--people", people.toString(), "--out", dir.resolve("x.csv").toString(), "--threshold", "1");
        assertThat(threshold.code()).isEqualTo(2);
        assertThat(threshold.err()).contains("--threshold is a probability between 0 and 1");
    }
}
