package org.soteria.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code soteria pprl encode} and {@code match}: the files they write, and every refusal with its reason. */
class PprlCommandTest extends CommandLineCase {

    private Path secret;

    @BeforeEach
    void files() throws IOException {
        secret = dir.resolve("secret");
        Files.writeString(secret, "# release 2026-12, agreed by the forces\n\nthe release secret, never the hub's\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(dir.resolve("nwp.csv"), """
                person_id,given_name,family_name,date_of_birth,postcode
                N1,Gareth,Llewellyn,1984-03-17,LL57 2DG
                N2,Carys,Pritchard,1991-07-02,SA1 1AA
                N3,Dylan,Price,1979-11-30,CF10 3NQ
                """);
        Files.writeString(dir.resolve("dyf.csv"), """
                person_id,given_name,family_name,date_of_birth,postcode
                D7,Gareth,Llewelyn,1984-03-17,LL57 2DG
                D8,Pritchard,Carys,1991-02-07,SA1 1AA
                D9,Seren,Morgan,2001-05-05,SA31 1AB
                """);
    }

    private Path encode(String people, String force) {
        Path out = dir.resolve(force + "-enc.csv");
        assertThat(run("pprl", "encode", "--people", dir.resolve(people).toString(), "--secret-file", secret.toString(),
                "--force", force, "--out", out.toString())).as(err()).isZero();
        return out;
    }

    @Test
    void encodedForcesMatchTheSamePeopleDespiteTyposSwapsAndMissingFields() throws IOException {
        Path a = encode("nwp.csv", "NWP");
        Path b = encode("dyf.csv", "DYF");
        List<String> rows = Files.readAllLines(a);
        assertThat(rows.get(0)).isEqualTo("force_code,person_id,scheme,key_id,filters");
        assertThat(rows.get(1)).startsWith("NWP,N1,soteria-pprl-2,").doesNotContain("Gareth");
        assertThat(rows).hasSize(4);
        Path pairs = dir.resolve("pairs.csv");
        assertThat(run("pprl", "match", "--encodings", a.toString(), "--encodings", b.toString(), "--out",
                pairs.toString())).as(err()).isZero();
        List<String> found = Files.readAllLines(pairs);
        assertThat(found.get(0)).isEqualTo("force_a,person_id_a,force_b,person_id_b,score");
        assertThat(found.subList(1, found.size())).extracting(l -> l.substring(0, l.lastIndexOf(',')))
                .containsExactlyInAnyOrder("NWP,N1,DYF,D7", "NWP,N2,DYF,D8");
        assertThat(err()).contains("Read 6 records of 2 forces").contains("Wrote 2 pairs");
        assertThat(run("pprl", "match", "--encodings", a.toString(), "--encodings", b.toString(), "--out",
                dir.resolve("no-such-folder/pairs.csv").toString())).isEqualTo(2);
        assertThat(err()).contains("no such file or folder");
    }

    @Test
    void aSecretOfAnotherReleaseIsRefusedWithTheLineThatShowsIt() throws IOException {
        Path a = encode("nwp.csv", "NWP");
        Files.writeString(secret, "the next release's secret, rotated\n");
        Path b = encode("dyf.csv", "DYF");
        assertThat(run("pprl", "match", "--encodings", a.toString(), "--encodings", b.toString(), "--out",
                dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err()).contains("DYF-enc.csv line 2: key_id").contains("made under another secret");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }

    @Test
    void badEncodingsFilesAreRefusedNamingFileLineAndField() throws IOException {
        Path a = encode("nwp.csv", "NWP");
        String good = Files.readAllLines(a).get(1);
        assertThat(refusal("force_code,person_id,filters\n")).contains("bad.csv line 1: the header must be");
        assertThat(refusal("")).contains("bad.csv is empty");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\n")).contains("has a header but no records");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\nDYF,X1,soteria-pprl-1,"
                + good.split(",")[3] + "," + good.split(",")[4] + "\n"))
                .contains("bad.csv line 2: scheme is 'soteria-pprl-1'").contains("encode again");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\nDYF,X1,soteria-pprl-2,"
                + good.split(",")[3] + ",AAAA\n")).contains("bad.csv line 2: filters are expected 5 filters");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\nDYF,X1\n"))
                .contains("bad.csv line 2: expected 5 values");
        String row = "DYF,X1,soteria-pprl-2," + good.split(",")[3] + "," + good.split(",")[4];
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\n" + row + "\n" + row + "\n"))
                .contains("bad.csv line 3: person_id X1 appears again (first on line 2)");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\n" + row + "\n" + row.replace("DYF,X1", "GWE,X2")
                + "\n")).contains("bad.csv line 3: force_code is GWE but the file is DYF's");
        assertThat(refusal("force_code,person_id,scheme,key_id,filters\n" + row.replace("DYF", "NWP") + "\n"))
                .contains("force NWP was already read from");
        assertThat(run("pprl", "match", "--encodings", a.toString(), "--out", dir.resolve("p.csv").toString()))
                .isEqualTo(2);
        assertThat(err()).contains("give at least two --encodings files");
        assertThat(run("pprl", "match", "--encodings", a.toString(), "--encodings", a.toString(), "--threshold", "1.5",
                "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(err()).contains("--threshold must be above 0 and at most 1, not 1.5");
    }

    private String refusal(String content) throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, content);
        err.reset();
        assertThat(run("pprl", "match", "--encodings", dir.resolve("NWP-enc.csv").toString(), "--encodings",
                bad.toString(), "--out", dir.resolve("p.csv").toString())).isEqualTo(2);
        assertThat(dir.resolve("p.csv")).doesNotExist();
        return err();
    }

    @Test
    void encodingRefusesAShortOrMissingSecretABadForceCodeAndWarnsOfAReadableSecret() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(secret, "# only a comment\n");
        assertThat(run("pprl", "encode", "--people", dir.resolve("nwp.csv").toString(), "--secret-file",
                secret.toString(), "--force", "NWP", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("holds no secret");
        Files.writeString(secret, "too short\n");
        assertThat(run("pprl", "encode", "--people", dir.resolve("nwp.csv").toString(), "--secret-file",
                secret.toString(), "--force", "NWP", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("must be at least 16 characters");
        assertThat(run("pprl", "encode", "--people", dir.resolve("nwp.csv").toString(), "--secret-file",
                dir.resolve("nothing").toString(), "--force", "NWP", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("no such file (the secret file)");
        Files.writeString(secret, "a long enough secret for the release\n");
        assertThat(run("pprl", "encode", "--people", dir.resolve("nwp.csv").toString(), "--secret-file",
                secret.toString(), "--force", "N W P", "--out", out.toString())).isEqualTo(2);
        assertThat(err()).contains("--force 'N W P' is not a force code");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(run("pprl", "encode", "--people", dir.resolve("nwp.csv").toString(), "--secret-file",
                secret.toString(), "--force", "NWP", "--out", out.toString())).isZero();
        assertThat(err()).contains("can be read by other users; chmod 600 it");
        assertThat(out).exists();
        Files.writeString(dir.resolve("comma.csv"), "person_id,given_name\n\"A,1\",Gareth\n");
        assertThat(run("pprl", "encode", "--people", dir.resolve("comma.csv").toString(), "--secret-file",
                secret.toString(), "--force", "NWP", "--out", dir.resolve("c.csv").toString())).isEqualTo(2);
        assertThat(err()).contains("person_id 'A,1' holds a comma");
        assertThat(dir.resolve("c.csv")).doesNotExist();
    }
}
