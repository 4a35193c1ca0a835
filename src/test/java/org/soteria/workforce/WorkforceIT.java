package org.soteria.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Caseloads against the investigation records and the open_caseload measure; training, readiness and
 * abstraction; and wellbeing privacy: own records only, sharing by choice, team averages only from
 * five people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class WorkforceIT {

    @Autowired
    WorkforceService workforce;

    @Autowired
    WellbeingService wellbeing;

    @Autowired
    MeasureService measures;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private SoteriaUser supervisor;
    private SoteriaUser lead;
    private final List<SoteriaUser> members = new ArrayList<>();

    @Autowired
    org.soteria.disclosure.PublishedAnswers published;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        published.forget();
        LocalDate today = workforce.today();
        List<String> cases = new ArrayList<>(List.of(
                "crime_ref,force_code,record_type,n100_code,offence_code,recorded_date,team_code,officer_code,outcome_code,outcome_date"));
        // O1: 3 open, 1 closed last month (open at the end of the month before), 1 N100 (not counted), 1 cancelled.
        cases.add("A1,NWP,crime,,19C," + today.minusMonths(6) + ",T1,O1,,");
        cases.add("A2,NWP,crime,,19C," + today.minusMonths(3) + ",T1,O1,,");
        cases.add("A3,NWP,crime,,19F," + today.minusDays(2) + ",T1,O1,,");
        cases.add("A4,NWP,crime,,19C," + today.minusMonths(4) + ",T1,O1,16," + today.minusDays(20));
        cases.add("A5,NWP,n100,1,19C," + today.minusMonths(1) + ",T1,O1,,");
        cases.add("A6,NWP,cancelled,,19C," + today.minusMonths(1) + ",T1,O1,,");
        // O2: one open; O3: none.
        cases.add("B1,NWP,crime,,19C," + today.minusMonths(2) + ",T1,O2,,");
        new Bundles(dir).file("cases.csv", cases.toArray(String[]::new))
                .file("officers.csv", "officer_code,display_name,team_code,role,accredited_until",
                        "O1,PC One,T1,investigator," + today.plusYears(1),
                        "O2,PC Two,T1,investigator,",
                        "O3,PC Three,T1,investigator,",
                        "O4,PC Four,T1,solo,",
                        "O5,PC Five,T1,investigator,",
                        "O6,PC Six,T1,investigator,",
                        "O9,PC Nine,T2,investigator,")
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        supervisor = account("sup", Role.SUPERVISOR, null, List.of(), List.of("T1"));
        lead = account("lead", Role.FORCE_LEAD, null, List.of(), List.of());
        members.clear();
        for (int i = 1; i <= 6; i++) {
            members.add(account("o" + i, Role.INVESTIGATOR, "O" + i, List.of("T1"), List.of()));
        }
    }

    private SoteriaUser account(String username, Role role, String officer, List<String> member,
            List<String> supervises) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, "NWP", officer, member,
                supervises));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    @Test
    void caseloadsAgreeWithTheInvestigationRecordsAndTheMeasure() {
        LocalDate today = workforce.today();
        WorkforceService.Teams teams = workforce.teams(supervisor, null, today.minusMonths(1), today);
        Map<String, Long> shown = teams.loads().stream()
                .collect(Collectors.toMap(l -> l.officer().code(), WorkforceService.OfficerLoad::openCrimes));
        Map<String, Long> records = jdbc.sql("select officer_code, count(*) from crime where record_type = 'crime' "
                        + "and team_code = 'T1' and recorded_date <= ? and (outcome_date is null or outcome_date > ?) "
                        + "group by officer_code").params(today, today)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        records.forEach((officer, n) -> assertThat(shown.get(officer)).as(officer).isEqualTo(n));
        assertThat(shown).containsEntry("O1", 3L).containsEntry("O2", 1L).containsEntry("O3", 0L);
        assertThat(teams.loads()).extracting(l -> l.officer().code()).doesNotContain("O9");

        measures.reloadAll();
        Measures m = measures.compute(new MeasureQuery(today.minusYears(1), today, today,
                MeasureFilter.parse(List.of("team=T1"))));
        assertThat(m.openCaseload().officers()).as("officers with open crimes").isEqualTo(2);
        assertThat(m.openCaseload().max()).isEqualTo(3);

        // The month-end history counts A4 while it was open.
        WorkforceService.Record o1 = workforce.record(supervisor, "O1").orElseThrow();
        LocalDate endOfLastMonth = YearMonth.from(today).minusMonths(1).atEndOfMonth();
        long expected = jdbc.sql("select count(*) from crime where officer_code = 'O1' and record_type = 'crime' "
                        + "and recorded_date <= ? and (outcome_date is null or outcome_date > ?)")
                .params(endOfLastMonth, endOfLastMonth).query(Long.class).single();
        assertThat(o1.history().get(o1.history().size() - 2)).isEqualTo(expected);
        assertThat(o1.openCrimes()).isEqualTo(3);
    }

    @Test
    void trainingSetsReadinessAndAllocationAndReachesAccreditedShare() {
        LocalDate today = workforce.today();
        SoteriaUser o2 = members.get(1);
        workforce.addTraining(o2, "O2", "ssaidp", today.minusYears(1), "Certificate 123");
        workforce.addTraining(supervisor, "O3", "rasso_specialist", today.minusMonths(35), null); // lapses in a month
        workforce.addTraining(supervisor, "O3", "abe", today.minusMonths(1), null);
        assertThatThrownBy(() -> workforce.addTraining(o2, "O3", "abe", today, null))
                .as("an officer records only their own training").isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> workforce.addTraining(o2, "O2", "abe", today.plusDays(1), null))
                .isInstanceOf(Invalid.class);
        WorkforceService.Teams teams = workforce.teams(supervisor, "abe", today.minusMonths(1), today);
        WorkforceService.Readiness t1 = teams.readiness().get(0);
        assertThat(t1.officers()).isEqualTo(6);
        assertThat(t1.accredited()).as("O1 by officers.csv, O2 and O3 by training").isEqualTo(3);
        assertThat(t1.expiringSoon()).as("O3's lapses within 90 days").isEqualTo(1);
        // Who can take a crime that needs ABE: only O3 has capacity, a current accreditation and the course.
        assertThat(teams.loads().stream().filter(WorkforceService.OfficerLoad::suitable)
                .map(l -> l.officer().code())).containsExactly("O3");
        measures.reloadAll();
        Measures m = measures.compute(new MeasureQuery(today.minusMonths(3), today, today,
                MeasureFilter.parse(List.of("team=T1"))));
        assertThat(m.accreditedShare()).isEqualTo(new Measures.Rate(3, 6));
    }

    @Test
    void aLearningPlanIsKeptByTheOfficerOrTheirSupervisorOnly() {
        SoteriaUser o2 = members.get(1);
        workforce.addPlanItem(o2, "O2", "ssaidp", "Complete the SSAIDP portfolio", workforce.today().plusMonths(6));
        long id = workforce.record(o2, "O2").orElseThrow().plan().get(0).id();
        workforce.setPlanStatus(supervisor, "O2", id, "in_progress");
        assertThat(workforce.record(o2, "O2").orElseThrow().plan()).extracting(WorkforceRepository.PlanItem::status)
                .containsExactly("in_progress");
        assertThatThrownBy(() -> workforce.setPlanStatus(members.get(2), "O2", id, "done"))
                .as("another officer").isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> workforce.setPlanStatus(o2, "O3", id, "done"))
                .as("the item belongs to O2").isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> workforce.addPlanItem(o2, "O2", "no_such_course", "x", null))
                .isInstanceOf(Invalid.class);
        assertThat(workforce.record(members.get(2), "O2")).as("not another officer's record").isEmpty();
    }

    @Test
    void supervisionAndReferralsAreTheOfficersOwn() {
        wellbeing.recordSupervision(members.get(0), wellbeing.today().minusDays(3), "DS Green");
        wellbeing.recordReferral(members.get(0), wellbeing.today().minusDays(2), "trauma_support");
        assertThat(wellbeing.own(members.get(0)).supervision()).hasSize(1);
        assertThat(wellbeing.own(members.get(0)).referrals()).hasSize(1);
        assertThat(wellbeing.own(supervisor).supervision()).isEmpty();
        assertThat(wellbeing.own(supervisor).referrals()).isEmpty();
        assertThat(wellbeing.own(members.get(0)).remind()).as("no check-in yet").isTrue();
        wellbeing.checkIn(members.get(0), new int[] {3, 3, 3, 3, 3});
        assertThat(wellbeing.own(members.get(0)).remind()).isFalse();
    }

    @Test
    void abstractionIsRecordedForManagedTeamsOnlyAndCounted() {
        LocalDate today = workforce.today();
        workforce.addAbstraction(supervisor, "O4", "Public order", today.minusDays(9), today.minusDays(5));
        assertThatThrownBy(() -> workforce.addAbstraction(supervisor, "O9", "Custody", today, today))
                .as("another team's officer").isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> workforce.addAbstraction(supervisor, "O4", "Custody", today, today.minusDays(1)))
                .isInstanceOf(Invalid.class);
        WorkforceService.Teams teams = workforce.teams(supervisor, null, today.minusDays(6), today);
        assertThat(teams.readiness().get(0).abstractionDays()).as("two of its five days fall in the period")
                .isEqualTo(2);
        measures.reloadAll();
        assertThat(measures.compute(new MeasureQuery(today.minusDays(30), today, today, MeasureFilter.NONE))
                .abstractionDays()).isEqualTo(5);
    }

    /** A check-in as it was made on an earlier day (the page only ever records today's). */
    private void checkInOn(SoteriaUser who, LocalDate on, int... scores) {
        jdbc.sql("insert into wellbeing_checkin (username, checked_on, coping, supported, switch_off, sleep, purpose) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(who.getUsername(), on, scores[0], scores[1], scores[2], scores[3],
                scores[4]).update();
    }

    @Test
    void wellbeingIsPrivateSharedByChoiceAndAveragedOnlyFromFivePeople() {
        YearMonth twoAgo = YearMonth.from(wellbeing.today()).minusMonths(2);
        YearMonth last = twoAgo.plusMonths(1);
        for (int i = 0; i < 4; i++) {
            checkInOn(members.get(i), twoAgo.atDay(10), i + 1, 3, 3, 3, 3);
            checkInOn(members.get(i), last.atDay(10), i + 1, 3, 3, 3, 3);
        }
        // The same person twice is still four people.
        checkInOn(members.get(0), twoAgo.atDay(12), 5, 5, 5, 5, 5);
        checkInOn(members.get(0), last.atDay(12), 5, 5, 5, 5, 5);
        checkInOn(members.get(4), last.atDay(14), 5, 1, 1, 1, 1);
        assertThat(wellbeing.teamMonth(supervisor, twoAgo)).singleElement().satisfies(t -> {
            assertThat(t.shown()).isFalse();
            assertThat(t.people()).isNull();
            assertThat(t.means()).isNull();
        });
        WellbeingService.TeamMonth five = wellbeing.teamMonth(supervisor, last).get(0);
        assertThat(five.people()).isEqualTo(5);
        assertThat(five.means()[0]).isEqualTo((1 + 2 + 3 + 4 + 5 + 5) / 6.0);
        assertThat(wellbeing.teamMonth(lead, last)).as("the force lead sees every team, by the same rule")
                .extracting(WellbeingService.TeamMonth::teamCode).containsExactly("T1", "T2");
        wellbeing.checkIn(members.get(0), new int[] {3, 3, 3, 3, 3});
        wellbeing.checkIn(members.get(0), new int[] {4, 4, 4, 4, 4});

        // Own records only; nothing shared until chosen.
        assertThat(wellbeing.own(supervisor).checkIns()).isEmpty();
        assertThat(wellbeing.own(members.get(0)).checkIns()).hasSize(6);
        assertThat(wellbeing.sharedWithMe(supervisor)).isEmpty();
        assertThat(wellbeing.share(members.get(0), "sup")).isTrue();
        assertThat(wellbeing.share(members.get(0), "nobody-here")).isFalse();
        assertThat(wellbeing.share(members.get(0), "o1")).as("not with oneself").isFalse();
        assertThat(wellbeing.sharedWithMe(supervisor)).containsOnlyKeys("o1");
        assertThat(wellbeing.sharedWithMe(supervisor).get("o1")).hasSize(6);
        wellbeing.unshare(members.get(0), "sup");
        assertThat(wellbeing.sharedWithMe(supervisor)).isEmpty();
        // The officer's development record, which a supervisor sees, carries no wellbeing at all.
        assertThat(WorkforceService.Record.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .noneMatch(n -> n.toLowerCase().contains("wellbeing") || n.toLowerCase().contains("check"));
    }

    /**
     * The attack of issue 23: a manager looks at the team's averages, one officer checks in (or joins the team), the
     * manager looks again. Nothing of the open month is shown, and an ended month is shown as it was first published.
     */
    @Test
    void aManagerLearnsNothingOfOneCheckInByLookingBeforeAndAfter() {
        YearMonth now = YearMonth.from(wellbeing.today());
        YearMonth last = now.minusMonths(1);
        for (int i = 0; i < 5; i++) {
            checkInOn(members.get(i), last.atDay(3), 2, 2, 2, 2, 2);
            wellbeing.checkIn(members.get(i), new int[] {2, 2, 2, 2, 2});
        }
        List<WellbeingService.TeamMonth> before = wellbeing.teamMonth(supervisor, now);
        List<WellbeingService.TeamMonth> lastBefore = wellbeing.teamMonth(supervisor, last);
        wellbeing.checkIn(members.get(5), new int[] {5, 5, 5, 5, 5});
        List<WellbeingService.TeamMonth> after = wellbeing.teamMonth(supervisor, now);
        assertThat(before.get(0).shown()).as("the open month is never shown").isFalse();
        assertThat(after.get(0).shown()).isFalse();

        // Last month's figure was fixed when first shown: someone who checked in then and joins the team now, or a
        // check-in written into it afterwards, leaves it as it was.
        SoteriaUser mover = account("mover", Role.INVESTIGATOR, "O9", List.of(), List.of());
        checkInOn(mover, last.atDay(20), 5, 5, 5, 5, 5);
        jdbc.sql("insert into user_team (username, force_code, team_code, relation) values ('mover', 'NWP', 'T1', 'member')").update();
        checkInOn(members.get(5), last.atDay(21), 5, 5, 5, 5, 5);
        List<WellbeingService.TeamMonth> lastAfter = wellbeing.teamMonth(supervisor, last);
        assertThat(lastAfter.get(0).people()).isEqualTo(lastBefore.get(0).people()).isEqualTo(5);
        assertThat(lastAfter.get(0).means()).containsExactly(lastBefore.get(0).means());
    }
}
