package org.soteria.suspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
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
 * Linkage over stored suspects, review decisions that later runs respect, the register's repeat and
 * possible repeat suspects, the identities the measures use, and disruption alerts and prompts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class RepeatSuspectIT {

    @Autowired
    LinkageService linkage;

    @Autowired
    RepeatSuspectService register;

    @Autowired
    SuspectService suspects;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    MeasureService measures;

    private long activeDisruptions() {
        LocalDate today = register.today();
        measures.reloadAll();
        return measures.compute(new MeasureQuery(today.minusYears(1), today, today, MeasureFilter.NONE)).activeDisruptions()
                .total();
    }

    private Measures.Rate repeatShare() {
        LocalDate today = register.today();
        measures.reloadAll();
        return measures.compute(new MeasureQuery(today.minusYears(5), today, today, MeasureFilter.NONE)).repeatSuspectShare();
    }

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private SoteriaUser investigator;
    private SoteriaUser outsider;

    private static final String[] GIVEN = {"Aled", "Bryn", "Cai", "Dewi", "Emyr", "Ffred", "Geraint", "Hywel", "Idris", "Jac",
        "Llion", "Meirion", "Nedw", "Osian", "Pryderi", "Rhodri", "Sion", "Tudur", "Urien", "Wyn"};
    private static final String[] FAMILY = {"Abraham", "Bevan", "Charles", "Daniel", "Edmunds", "Gwynne", "Howells", "Isaac",
        "James", "Kemble", "Lake", "Meredith", "Nash", "Oliver", "Powell", "Quick", "Rowe", "Stephens", "Tanner", "Upton"};

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        LocalDate today = register.today();
        List<String> cases = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code,officer_code"));
        List<String> people = new ArrayList<>(List.of("person_id,given_name,family_name,date_of_birth,sex,postcode,pnc_id"));
        List<String> links = new ArrayList<>(List.of("crime_ref,person_id,role"));
        cases.add("C1,NWP,19C," + today.minusYears(2) + ",T1,O1");
        cases.add("C2,NWP,19C," + today.minusMonths(3) + ",T1,O1");
        cases.add("C3,NWP,20A," + today.minusYears(1) + ",T1,O1");
        cases.add("C4,NWP,19C," + today.minusDays(5) + ",T2,O9");
        people.add("S1,Arthur,Pendleton,1980-02-03,male,LL57 2DG,");
        people.add("S2,Artie,Pendleton,1980-02-03,male,LL57 2DG,");
        people.add("S3,Gwen,Rowlands,1975-06-07,female,,01/234567X");
        people.add("S4,G,Rowlands,,female,,01/234567X");
        people.add("V1,Arthur,Pendleton,1980-02-03,male,LL57 2DG,");
        links.add("C1,S1,suspect");
        links.add("C2,S2,suspect");
        links.add("C3,S3,suspect");
        links.add("C4,S4,suspect");
        links.add("F0,V1,victim");
        for (int i = 0; i < 40; i++) {
            String ref = "F" + i;
            cases.add(ref + ",NWP,17A," + today.minusDays(30 + i) + ",T1,O1");
            people.add("P" + i + "," + GIVEN[i % 20] + "," + FAMILY[i < 20 ? i : (i + 5) % 20] + "," + (1960 + i) + "-0" + (1 + i % 9)
                    + "-1" + (i % 9) + ",male,CH" + (i + 1) + " 1AB,");
            links.add(ref + ",P" + i + ",suspect");
        }
        new Bundles(dir).file("cases.csv", cases.toArray(String[]::new)).file("people.csv", people.toArray(String[]::new))
                .file("case_people.csv", links.toArray(String[]::new))
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("inv", "inv", Role.INVESTIGATOR, "NWP", "O1", List.of("T1"),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("other", "other", Role.INVESTIGATOR, "NWP", "O7",
                List.of("T3"), List.of()));
        investigator = (SoteriaUser) users.loadUserByUsername("inv");
        outsider = (SoteriaUser) users.loadUserByUsername("other");
    }

    private long ref(String personId) {
        return jdbc.sql("select id from person where person_id = ?").param(personId).query(Long.class).single();
    }

    private RepeatSuspectService.Entry entryOf(String personId) {
        RepeatSuspectService.Register reg = register.register();
        Long id = reg.entryOfPerson().get(ref(personId));
        return id == null ? null : reg.entries().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aProposedLinkMakesAPossibleRepeatSuspectAndAPncIdentifierARepeatSuspect() {
        assertThat(linkage.refresh(false)).isPresent();
        assertThat(linkage.refresh(false)).as("nothing new, nothing to do").isEmpty();
        long a = ref("S1");
        long b = ref("S2");
        assertThat(jdbc.sql("select status from person_link where person_a = ? and person_b = ?").params(a, b)
                .query(String.class).single()).isEqualTo("proposed");
        assertThat(entryOf("S1").confirmed()).isFalse();
        assertThat(entryOf("S1").status()).isEqualTo("Possible repeat suspect");
        RepeatSuspectService.Entry pnc = entryOf("S3");
        assertThat(pnc.confirmed()).isTrue();
        assertThat(pnc.records()).hasSize(2);
        assertThat(pnc.joins()).extracting(RepeatSuspectService.Join::basis).contains("Same PNC identifier");
        assertThat(pnc.priority().components()).extracting(PriorityStrategy.Component::name)
                .containsExactly("Recency", "Frequency", "Gravity");
        assertThat(entryOf("P1")).as("one crime is no repeat").isNull();
        assertThat(register.visible(investigator, register.register())).extracting(RepeatSuspectService.Entry::id)
                .contains(entryOf("S1").id(), pnc.id());
        assertThat(register.visible(outsider, register.register())).as("no crime of theirs, no entry").isEmpty();
        assertThat(suspects.awaiting(outsider)).isEmpty();
        assertThat(suspects.awaiting(investigator)).extracting(r -> r.link().personA()).contains(a);
    }

    @Test
    void aNewSuspectIsComparedIncrementallyWithTheSavedModel() throws Exception {
        LinkageService.Run first = linkage.refresh(false).orElseThrow();
        assertThat(first.kind()).isEqualTo("full");
        LocalDate today = register.today();
        Path more = dir.resolve("more");
        java.nio.file.Files.createDirectories(more);
        new Bundles(more).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,team_code,officer_code",
                        "C5,NWP,19C," + today.minusDays(1) + ",T1,O1")
                .file("people.csv", "person_id,given_name,family_name,date_of_birth,sex,postcode",
                        "S5,Art,Pendleton,1980-02-03,male,LL57 2DG")
                .file("case_people.csv", "crime_ref,person_id,role", "C5,S5,suspect", "C5,V1,suspect");
        assertThat(imports.importBundle(more, "test", ImportProgress.NONE).rejectedRows()).isZero();
        LinkageService.Run second = linkage.refresh(false).orElseThrow();
        assertThat(second.kind()).isEqualTo("incremental");
        assertThat(second.newRecords()).as("S5, and V1, stored before as a victim and now named as a suspect").isEqualTo(2);
        long v1 = ref("V1");
        assertThat(jdbc.sql("select count(*) from person_link where person_a = ? or person_b = ?").params(v1, v1)
                .query(Long.class).single()).isPositive();
        assertThat(second.model()).as("the saved model, not a new estimate").isEqualTo(first.model());
        long s5 = ref("S5");
        assertThat(jdbc.sql("select count(*) from person_link where (person_a = ? or person_b = ?) and status = 'proposed'")
                .params(s5, s5).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(distinct cluster_ref) from person_cluster where person_ref in (?, ?, ?)")
                .params(ref("S1"), ref("S2"), s5).query(Long.class).single()).isEqualTo(1);
        assertThat(entryOf("S5").crimes()).hasSize(3);
    }

    @Test
    void aRejectedLinkStaysRejectedAfterEveryRun() {
        linkage.refresh(false);
        long a = ref("S1");
        long b = ref("S2");
        SuspectService.Review review = suspects.review(investigator, a, b).orElseThrow();
        assertThatThrownBy(() -> suspects.decide(investigator, review, null, ""))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors()).containsKeys("decision", "reason"));
        suspects.decide(investigator, review, false, "Custody photographs show two different men");
        assertThat(entryOf("S1")).as("the rejection takes effect at once").isNull();
        for (int run = 0; run < 2; run++) {
            assertThat(linkage.refresh(true)).isPresent();
            assertThat(jdbc.sql("select status from person_link where person_a = ? and person_b = ?").params(a, b)
                    .query(String.class).single()).isEqualTo("rejected");
            assertThat(jdbc.sql("select count(distinct cluster_ref) from person_cluster where person_ref in (?, ?)")
                    .params(a, b).query(Long.class).single()).isEqualTo(2);
            assertThat(entryOf("S1")).isNull();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'person-link' and action = 'CHANGE'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aConfirmedLinkMakesARepeatSuspectTheMeasuresCount() {
        linkage.refresh(false);
        long a = ref("S1");
        long b = ref("S2");
        Measures.Rate before = repeatShare();
        assertThat(before.numerator()).as("C3 and C4, one person by PNC; a proposed link does not count").isEqualTo(2);
        suspects.decide(investigator, suspects.review(investigator, a, b).orElseThrow(), true, "Same PNC photo");
        assertThat(repeatShare().numerator()).as("C1 and C2 count once the link is confirmed").isEqualTo(4);
        assertThat(repeatShare().denominator()).isEqualTo(before.denominator());
        assertThat(entryOf("S1").confirmed()).isTrue();
        List<String> keys = jdbc.sql("select identity_key from person_identity where person_ref in (?, ?)").params(a, b)
                .query(String.class).list();
        assertThat(keys).hasSize(2).containsOnly("link:" + a);
        linkage.refresh(false);
        assertThat(jdbc.sql("select count(distinct cluster_ref) from person_cluster where person_ref in (?, ?)")
                .params(a, b).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void ordersRaiseAlertsAndPrompts() {
        linkage.refresh(false);
        LocalDate today = register.today();
        SuspectRepository.Person s3 = suspects.person(ref("S3")).orElseThrow();
        long disruptionsBefore = activeDisruptions();
        assertThatThrownBy(() -> suspects.recordOrder(investigator, s3, "interim_SHPO", today.minusDays(30), null, null,
                "x")).isInstanceOf(Invalid.class).hasMessage("{suspectError.enterTheExpiryDateInterim}");
        assertThatThrownBy(() -> suspects.recordOrder(investigator, s3, "SRO", today.plusDays(1), null, null, " "))
                .isInstanceOf(Invalid.class).satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsKeys("madeDate", "prohibitions"));
        String id = suspects.recordOrder(investigator, s3, "interim_SHPO", today.minusDays(30), today.plusDays(10),
                today.plusDays(3), "Not to contact any person under 18");
        assertThat(activeDisruptions()).as("an order recorded in Soteria is in force").isEqualTo(disruptionsBefore + 1);
        SuspectService.Alerts alerts = suspects.alerts(investigator);
        assertThat(alerts.expiring()).extracting(r -> r.order().orderId()).containsExactly(id);
        assertThat(alerts.reviewDue()).extracting(r -> r.order().orderId()).containsExactly(id);
        assertThat(alerts.newCrimes()).as("C4 names S4, the same PNC as S3, while the order binds")
                .extracting(c -> c.crime().crimeRef()).containsExactly("C4");
        assertThat(alerts.newCrimes().get(0).canOpen()).as("C4 is another team's crime").isFalse();
        long c3 = jdbc.sql("select id from crime where crime_ref = 'C3'").query(Long.class).single();
        assertThat(suspects.prompts(investigator, c3)).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo("Repeat suspect");
            assertThat(p.activeOrders()).hasSize(1);
        });
        SuspectService.OrderRow row = suspects.order(investigator, "NWP", id).orElseThrow();
        assertThatThrownBy(() -> suspects.recordBreach(investigator, row, today.plusDays(1), null, "x"))
                .isInstanceOf(Invalid.class).hasMessage("{suspectError.dateOfTheBreachMust}");
        suspects.recordBreach(investigator, row, today.minusDays(1), "C4", "Contacted a child online");
        assertThat(suspects.breaches(row)).hasSize(1);
        assertThat(jdbc.sql("select breached_on from civil_order where order_id = ?").param(id).query(LocalDate.class)
                .single()).isEqualTo(today.minusDays(1));
        assertThat(suspects.orders(outsider)).isEmpty();
    }
}
