package org.soteria.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.audit.AuditVerifier;
import org.soteria.exchange.ExportService;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MoPI review against the database (issue 29): which records fall due, a decision to retain sets the next review,
 * and a deletion removes the crime, everything recorded on it and the people in no other crime (from the tables and
 * from an export), keeps a person who is in another crime, leaves a tombstone without anyone in it, and writes an
 * audit record that names no one, in a chain that still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:retention", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class RetentionIT {

    private static final String DB = ":temporary:retention";

    @Autowired
    RetentionService retention;

    @Autowired
    ImportService imports;

    @Autowired
    ExportService export;

    @Autowired
    UserService users;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private SoteriaUser manager;

    @BeforeEach
    void load() {
        DatabaseReset.empty(DB);
        DatabaseReset.owner(DB, "truncate retention_deletion, retention_decision restart identity cascade");
        new Bundles(dir).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,team_code,officer_code,"
                        + "outcome_code,outcome_date",
                        "OLD/1,NWP,19C,2014-03-01,T1,O1,15,2014-09-01",
                        "OLD/2,NWP,20A,2014-04-01,T1,O1,1,2014-10-01",
                        "NEW/3,NWP,19C,2025-01-01,T1,O1,,")
                .file("people.csv", "person_id,given_name,family_name,date_of_birth,sex",
                        "S1,Kenver,Tregarthen,1990-05-01,male",
                        "V1,Morwenna,Pascoe,1995-02-03,female",
                        "V2,Demelza,Trelawny,1992,female",
                        "V3,Tamsin,Penrose,2001-07-07,female")
                .file("case_people.csv", "crime_ref,person_id,role,relationship,age_at_offence",
                        "OLD/1,S1,suspect,acquaintance,23", "OLD/1,V1,victim,acquaintance,19",
                        "OLD/2,S1,suspect,stranger,23", "OLD/2,V2,victim,stranger,22",
                        "NEW/3,S1,suspect,stranger,34", "NEW/3,V3,victim,stranger,23")
                .file("events.csv", "crime_ref,event_type,occurred_at,person_id,detail",
                        "OLD/1,arrest,2014-03-05,S1,", "OLD/2,arrest,2014-04-05,S1,")
                .file("feedback.csv", "crime_ref,person_id,returned_date,dignity,fairness,voice,safety,trust",
                        "OLD/1,V1,2014-06-01,4,4,3,5,4")
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("records", "Records Manager", Role.RECORDS_MANAGER,
                "NWP", null, List.of(), List.of()));
        manager = (SoteriaUser) users.loadUserByUsername("records");
    }

    private long crime(String ref) {
        return Long.parseLong(DatabaseReset.ownerQuery(DB, "select id::text from crime where crime_ref = '" + ref + "'"));
    }

    @Test
    void recordsOverTenYearsOldFallDueAndARetainedOneWaitsTenYearsMore() {
        RetentionService.Queue q = retention.queue(manager, 1);
        assertThat(q.records()).extracting(RetentionRepository.Due::crimeRef).containsExactly("OLD/1", "OLD/2");
        assertThat(q.records()).allMatch(d -> d.group() == MopiGroup.GROUP_1);
        assertThat(retention.dueNow(manager)).isEqualTo(2);

        RetentionService.Review r = retention.review(manager, crime("OLD/1")).orElseThrow();
        assertThat(r.keepUntil()).contains(java.time.LocalDate.of(2090, 5, 1));
        assertThat(r.exceptional()).isTrue();
        assertThat(r.held().people()).isEqualTo(2);

        assertThatThrownBy(() -> retention.decide(manager, crime("OLD/1"), null, " ", false))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsOnlyKeys("decision", "reason"));
        retention.decide(manager, crime("OLD/1"), "retain", "Suspect still of interest; record complete", false);
        assertThat(retention.queue(manager, 1).records()).extracting(RetentionRepository.Due::crimeRef)
                .containsExactly("OLD/2");
        assertThat(retention.decisions(manager, 1).decisions()).singleElement()
                .satisfies(d -> assertThat(d.nextReview()).isAfter(java.time.LocalDate.now().plusYears(9)));
    }

    @Test
    void aDeletionRemovesTheRecordAndThePeopleInNoOtherCrimeAndTheLogNamesNoOne() throws Exception {
        long old1 = crime("OLD/1");
        // a Group 1 record whose subject would not yet be 100 is deleted only as a confirmed exception
        assertThatThrownBy(() -> retention.decide(manager, old1, "delete", "Made in error: duplicate of OLD/2", false))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsOnlyKeys("exception"));
        DatabaseReset.owner(DB, "insert into enquiry_line (crime_id, focus, description, created_by) select id, 'victim', "
                + "'Speak to Morwenna Pascoe''s neighbour', 'test' from crime where crime_ref = 'OLD/1'");
        RetentionService.Outcome done = retention.decide(manager, old1, "delete", "Made in error: duplicate record",
                true);
        assertThat(done.rowsDeleted()).isGreaterThan(5);

        assertThat(DatabaseReset.ownerQuery(DB, "select count(*)::text from crime where id = " + old1)).isEqualTo("0");
        assertThat(DatabaseReset.ownerQuery(DB, "select count(*)::text from person where person_id = 'V1'")).isEqualTo("0");
        assertThat(DatabaseReset.ownerQuery(DB, "select count(*)::text from person where person_id = 'S1'"))
                .as("a suspect in other crimes stays").isEqualTo("1");
        assertThat(DatabaseReset.ownerQuery(DB, "select count(*)::text from enquiry_line")).isEqualTo("0");
        assertThat(DatabaseReset.ownerQuery(DB, "select count(*)::text from victim_feedback")).isEqualTo("0");
        assertThat(retention.deletedByMonth(manager)).singleElement()
                .satisfies(d -> assertThat(d.month()).isEqualTo(java.time.LocalDate.of(2014, 3, 1)));
        assertThat(DatabaseReset.ownerQuery(DB, "select crime_id::text from measure_change order by seq desc limit 1"))
                .as("the measures drop the crime at their next refresh").isEqualTo(Long.toString(old1));

        Path out = dir.resolve("export");
        export.exportBundle(out, "test");
        String everything;
        try (Stream<Path> files = Files.walk(out)) {
            everything = String.join("\n", files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        assertThat(everything).doesNotContain("OLD/1", "Morwenna", "Pascoe").contains("OLD/2", "Tregarthen");

        String erased = DatabaseReset.ownerQuery(DB, "select object_ref || ' ' || coalesce(detail, '') || ' ' "
                + "|| coalesce(array_to_string(records, ','), '') from audit_event where action = 'ERASE'");
        assertThat(erased).contains("deleted under MoPI group 1 as an exception").doesNotContain("OLD/1", "Morwenna",
                "Pascoe", "Kenver", "V1");
        assertThat(verifier.verify().intact()).isTrue();
    }
}
