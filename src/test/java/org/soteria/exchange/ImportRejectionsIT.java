package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every kind of bad row the exchange format names is rejected with its reason; every good row is applied. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class ImportRejectionsIT {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void empty() {
        DatabaseReset.empty(":temporary:import");
    }

    private Bundles badBundle() {
        return new Bundles(dir.resolve("bad"))
                .file("cases.csv",
                        "\uFEFFcrime_ref,force_code,record_type,n100_code,offence_code,recorded_date,outcome_code,"
                                + "outcome_date,report_source,victim_consented,restricted,colour",
                        "C1,NWP,crime,,19c,2024-01-10,16,2024-05-01,victim,yes,no,red",      // 2 ok, lower-case code
                        ",NWP,crime,,19C,2024-01-10,,,,,,",                                  // 3 no crime_ref
                        "C3,NWP,crime,,99Z,2024-01-10,,,,,,",                                // 4 unknown offence
                        "C4,NWP,crime,,R1,2024-02-30,,,,,,",                                 // 5 mapped code, bad date
                        "C5,NWP,crime,,19C,2024-01-11,77,2024-02-01,,,,",                    // 6 unknown outcome
                        "C6,NWP,n100,,19C,2024-01-11,,,,,,",                                 // 7 n100 without code
                        "C7,NWP,crime,,19C,2024-01-11,1,,,,,",                               // 8 outcome without date
                        "C8,NWP,crime,,19C,2024-01-12,,,neighbour,,,",                       // 9 unknown source
                        "C9,NWP,crime,,19C,2024-01-12,,,third_party,perhaps,,",              // 10 bad boolean
                        "\"C10\",NWP,N100,2,R1,2024-01-13,0,,THIRD_PARTY,N",                 // 11 ok: short row
                        "C11,NWP,crime,,20A,2024-01-14,,,,,,",                               // 12 ok
                        "C11,NWP,crime,,20B,2024-01-14,,,,,,")                               // 13 repeated key wins
                .file("mappings/offence_code.csv", "local_value,canonical_value", "r1,19C")
                .file("mappings/sex.csv", "local_value,canonical_value", "F,female")
                .file("people.csv",
                        "person_id,given_name,family_name,date_of_birth,sex,notes",
                        "P1,Ann,\"Smith\nJones\",1990-07,F,x",                               // 2 ok, 2 lines
                        "P2,Bob,Brown,1990-13,male,",                                        // 4 bad month
                        "P3,Cy,Green,,x,",                                                   // 5 unknown sex
                        ",Di,Black,,,",                                                      // 6 no person_id
                        "P5,Ed,White,1985,Male,")                                            // 7 ok
                .file("case_people.csv",
                        "crime_ref,person_id,role,relationship,age_at_offence",
                        "C1,P1,Victim,,34",                                                  // 2 ok
                        "C1,P5,suspect,ex_partner,40",                                       // 3 ok
                        "C3,P1,victim,,",                                                    // 4 crime rejected
                        "C1,P2,suspect,,",                                                   // 5 person rejected
                        "NOPE,P1,victim,,",                                                  // 6 no such crime
                        "C1,NOBODY,witness,,",                                               // 7 no such person
                        "C1,P5,perpetrator,,",                                               // 8 unknown role
                        "C1,P5,suspect,neighbour,",                                          // 9 unknown rel
                        "C1,P1,witness,,old",                                                // 10 bad age
                        "NOPE,P1,pirate,,")                                                  // 11 crime first
                .file("events.csv",
                        "event_id,crime_ref,event_type,occurred_at,person_id,officer_code,detail",
                        "E1,C1,arrest,2024-01-12T10:00,P5,O1,",                              // 2 ok
                        "E2,C1,victim_notified,2024-01-12 16:00:00+00:00,P1,O2,E1",           // 3 ok
                        ",C1,victim_update,2024-02-01,P1,O2,",                               // 4 ok, composite key
                        "E4,C1,support_referral,2024-01-11,P1,O2,police",                    // 5 unknown detail
                        "E5,C1,phone_call,2024-01-11,P1,O2,",                                // 6 unknown type
                        "E6,C1,arrest,last tuesday,P5,O1,",                                  // 7 bad date-time
                        "E7,C1,CPS_DECISION,2024-03-01,,,No_Charge",                         // 8 ok, case folded
                        "E8,C3,arrest,2024-01-12,,,",                                        // 9 crime rejected
                        "E9,C1,arrest,2024-01-12,P2,,",                                      // 10 person rejected
                        "E10,C1,support_referral,2024-01-11,P1,O2,",                         // 11 empty detail ok
                        "E11,C1,victim_withdrawal,2024-04-01,P1,O2,FEAR_OF_SUSPECT")          // 12 ok
                .file("notes.txt", "not part of the format");
    }

    @Test
    void rejectsExactlyTheBadRowsWithTheirReasonsAndAppliesTheRest() {
        ImportResult result = imports.importBundle(badBundle().path(), "test", ImportProgress.NONE);

        assertThat(result.problems()).filteredOn(ImportProblem::rejection)
                .extracting(ImportProblem::file, ImportProblem::line, ImportProblem::column)
                .containsExactly(
                        tuple("cases.csv", 3, "crime_ref"),
                        tuple("cases.csv", 4, "offence_code"),
                        tuple("cases.csv", 5, "recorded_date"),
                        tuple("cases.csv", 6, "outcome_code"),
                        tuple("cases.csv", 7, "n100_code"),
                        tuple("cases.csv", 8, "outcome_date"),
                        tuple("cases.csv", 9, "report_source"),
                        tuple("cases.csv", 10, "victim_consented"),
                        tuple("people.csv", 4, "date_of_birth"),
                        tuple("people.csv", 5, "sex"),
                        tuple("people.csv", 6, "person_id"),
                        tuple("case_people.csv", 4, "crime_ref"),
                        tuple("case_people.csv", 5, "person_id"),
                        tuple("case_people.csv", 6, "crime_ref"),
                        tuple("case_people.csv", 7, "person_id"),
                        tuple("case_people.csv", 8, "role"),
                        tuple("case_people.csv", 9, "relationship"),
                        tuple("case_people.csv", 10, "age_at_offence"),
                        tuple("case_people.csv", 11, "crime_ref"),
                        tuple("case_people.csv", 11, "role"),
                        tuple("events.csv", 5, "detail"),
                        tuple("events.csv", 6, "event_type"),
                        tuple("events.csv", 7, "occurred_at"),
                        tuple("events.csv", 9, "crime_ref"),
                        tuple("events.csv", 10, "person_id"));

        assertThat(imports.problems(result.runId(), "NWP", "test", 1_000, 0)).as("the run keeps every problem, in order")
                .containsExactlyElementsOf(result.problems());
        assertThat(imports.problemCount(result.runId(), "NWP")).isEqualTo(result.problems().size());
        assertThat(imports.counts(result.runId())).containsExactlyElementsOf(result.files());
        assertThat(imports.run("NWP", result.runId()).orElseThrow().status()).isEqualTo("completed");

        assertThat(reason(result, "cases.csv", 4)).isEqualTo(
                "unknown offence_code '99Z': not a RASSO offence code and no mapping in mappings/offence_code.csv");
        assertThat(reason(result, "cases.csv", 5)).isEqualTo("recorded_date is not a real calendar date");
        assertThat(reason(result, "cases.csv", 3)).isEqualTo("crime_ref is required");
        assertThat(reason(result, "people.csv", 4)).isEqualTo("date_of_birth is not a real date: month 13 does not exist");
        assertThat(reason(result, "case_people.csv", 4))
                .isEqualTo("crime C3 was rejected in this import (cases.csv line 4)");
        assertThat(reason(result, "case_people.csv", 5))
                .isEqualTo("person P2 was rejected in this import (people.csv line 4)");
        assertThat(reason(result, "case_people.csv", 6))
                .isEqualTo("no crime NOPE in this bundle or already stored");
        assertThat(reason(result, "events.csv", 5)).startsWith("unknown detail 'police' for event_type support_referral");
        assertThat(value(result, "events.csv", 7)).isEqualTo("last tuesday");

        assertThat(result.problems()).filteredOn(p -> !p.rejection())
                .extracting(ImportProblem::file, ImportProblem::line, ImportProblem::column, ImportProblem::reason)
                .containsExactly(
                        tuple("notes.txt", 1, null, "file ignored: exchange format v1 does not name it"),
                        tuple("cases.csv", 1, "colour", "unknown column ignored"),
                        tuple("people.csv", 1, "notes", "unknown column ignored"));

        assertThat(result.files()).extracting(FileCounts::file, FileCounts::rowsRead, FileCounts::inserted,
                        FileCounts::superseded, FileCounts::rejected)
                .containsExactly(
                        tuple("cases.csv", 12, 3, 1, 8),
                        tuple("people.csv", 5, 2, 0, 3),
                        tuple("case_people.csv", 10, 2, 0, 8),
                        tuple("events.csv", 11, 6, 0, 5));

        assertThat(jdbc.sql("select offence_code from crime where crime_ref = 'C11'").query(String.class).single())
                .as("the last row of a repeated key wins").isEqualTo("20B");
        assertThat(jdbc.sql("select record_type || ':' || n100_code || ':' || offence_code || ':' || report_source "
                + "|| ':' || victim_consented from crime where crime_ref = 'C10'").query(String.class).single())
                .isEqualTo("n100:2:19C:third_party:false");
        var p1 = jdbc.sql("select force_code, family_name, sex, date_of_birth from person where person_id = 'P1'")
                .query().singleRow();
        assertThat((String) p1.get("family_name")).as("encrypted at rest").startsWith("v1.").doesNotContain("Smith");
        assertThat(personFields.open((String) p1.get("force_code"), "P1", "family_name", (String) p1.get("family_name"))
                + "|" + p1.get("sex") + "|" + p1.get("date_of_birth")).isEqualTo("Smith\nJones|female|1990-07");
        assertThat(jdbc.sql("select detail from event where event_id = 'E7'").query(String.class).single())
                .isEqualTo("no_charge");
        assertThat(jdbc.sql("select detail from event where event_id = 'E10'").query(String.class).optional())
                .as("an empty detail is accepted").isEmpty();
        assertThat(jdbc.sql("select count(*) from event where event_id = 'E10'").query(Long.class).single()).isOne();
    }

    @Autowired
    org.soteria.investigation.PersonFields personFields;

    @Test
    void aSecondImportOfTheSameBundleChangesNothing() {
        imports.importBundle(badBundle().path(), "test", ImportProgress.NONE);
        long events = jdbc.sql("select count(*) from event").query(Long.class).single();
        ImportResult again = imports.importBundle(badBundle().path(), "test", ImportProgress.NONE);
        assertThat(again.changedRows()).isZero();
        String checksum = imports.run("NWP", again.runId()).orElseThrow().checksum();
        assertThat(checksum).matches("[0-9a-f]{64}");
        assertThat(imports.runs("NWP", 10, 0)).extracting(ImportRunSummary::checksum).containsOnly(checksum);
        assertThat(imports.runs("NWP", 10, 0)).extracting(ImportRunSummary::runBy).containsOnly("test");
        assertThat(again.files()).allSatisfy(f -> assertThat(f.inserted() + f.updated()).isZero());
        assertThat(again.files()).extracting(FileCounts::unchanged).containsExactly(3, 2, 2, 6);
        assertThat(jdbc.sql("select count(*) from event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void aChangedRowCountsAsUpdated() {
        Bundles b = new Bundles(dir.resolve("v1")).file("cases.csv",
                "crime_ref,force_code,offence_code,recorded_date", "A1,NWP,19C,2024-01-01", "A2,NWP,19C,2024-01-01");
        imports.importBundle(b.path(), "test", ImportProgress.NONE);
        b.file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,outcome_code,outcome_date",
                "A1,NWP,19C,2024-01-01,15,2024-06-01", "A2,NWP,19C,2024-01-01,,", "A3,NWP,19F,2024-01-02,,");
        ImportResult r = imports.importBundle(b.path(), "test", ImportProgress.NONE);
        assertThat(r.files()).extracting(FileCounts::inserted, FileCounts::updated, FileCounts::unchanged)
                .containsExactly(tuple(1, 1, 1));
    }

    @Test
    void rowsWithoutAForceTakeTheBundlesOnlyForceAndAmbiguousCrimeRefsAreRejected() {
        new Bundles(dir.resolve("two")).file("cases.csv",
                "crime_ref,force_code,offence_code,recorded_date", "X1,AAA,19C,2024-01-01", "X1,BBB,19C,2024-01-01",
                "Y1,AAA,19C,2024-01-01")
                .file("people.csv", "person_id,force_code,family_name", "P1,AAA,Jones", "P1,BBB,Jones", "P9,,Nobody")
                .file("case_people.csv", "crime_ref,person_id,role", "X1,P1,victim", "Y1,P1,victim")
                .file("events.csv", "force_code,event_id,crime_ref,event_type,occurred_at", "BBB,E1,X1,arrest,2024-01-02");
        ImportResult r = imports.importBundle(dir.resolve("two"), "test", ImportProgress.NONE);
        assertThat(r.problems()).filteredOn(ImportProblem::rejection)
                .extracting(ImportProblem::file, ImportProblem::line, ImportProblem::column, ImportProblem::reason)
                .containsExactly(
                        tuple("people.csv", 4, "force_code", "force_code is required: the bundle holds several forces "
                                + "[AAA, BBB]"),
                        tuple("case_people.csv", 2, "crime_ref",
                                "crime_ref X1 exists in 2 forces; add a force_code column to say which"));
        assertThat(jdbc.sql("select c.force_code from case_person cp join crime c on c.id = cp.crime_id")
                .query(String.class).list()).containsExactly("AAA");
        assertThat(jdbc.sql("select c.force_code from event e join crime c on c.id = e.crime_id")
                .query(String.class).list()).containsExactly("BBB");
    }

    @Test
    void aZipBundleIsReadFromItsTopFolder() throws Exception {
        Path zip = dir.resolve("bundle.zip");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("export/cases.csv"));
            out.write("crime_ref,force_code,offence_code,recorded_date\nZ1,NWP,19C,2024-01-01\n".getBytes());
            out.closeEntry();
        }
        ImportResult r = imports.importBundle(zip, "test", ImportProgress.NONE);
        assertThat(r.files()).extracting(FileCounts::file, FileCounts::inserted).containsExactly(tuple("cases.csv", 1));
    }

    private static String reason(ImportResult r, String file, int line) {
        return r.problems().stream().filter(p -> p.file().equals(file) && p.line() == line).findFirst().orElseThrow()
                .reason();
    }

    private static String value(ImportResult r, String file, int line) {
        return r.problems().stream().filter(p -> p.file().equals(file) && p.line() == line).findFirst().orElseThrow()
                .value();
    }

}
