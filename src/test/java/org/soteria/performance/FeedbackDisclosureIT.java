package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 23, victims' feedback: the attacks an investigator or supervisor could make on the measures, each written as
 * the attacker would, and each recovering nothing of one victim's answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class FeedbackDisclosureIT {

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

    private int crimes;
    private final List<String> cases = new ArrayList<>();
    private final List<String> people = new ArrayList<>();
    private final List<String> victims = new ArrayList<>();
    private final List<String> forms = new ArrayList<>();

    /** {@code n} victims of {@code officer}'s crimes in team T1, each returning one form on {@code day}. */
    private void forms(String officer, LocalDate day, int n, int score) {
        for (int i = 0; i < n; i++) {
            crimes++;
            String ref = "C" + crimes;
            cases.add(ref + ",NWP,19C," + day.minusDays(20) + ",T1," + officer);
            people.add("V" + crimes + ",Given" + crimes + ",Family" + crimes);
            victims.add(ref + ",V" + crimes + ",victim");
            forms.add(ref + ",V" + crimes + "," + day + "," + score + "," + score + "," + score + "," + score + "," + score);
        }
    }

    private void load(Path where) {
        new Bundles(where).file("cases.csv", header("crime_ref,force_code,offence_code,recorded_date,team_code,officer_code", cases))
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP")
                .file("people.csv", header("person_id,given_name,family_name", people))
                .file("case_people.csv", header("crime_ref,person_id,role", victims))
                .file("feedback.csv", header("crime_ref,person_id,returned_date,dignity,fairness,voice,safety,trust", forms));
        assertThat(imports.importBundle(where, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
    }

    private static String[] header(String header, List<String> rows) {
        List<String> all = new ArrayList<>(List.of(header));
        all.addAll(rows);
        return all.toArray(String[]::new);
    }

    @BeforeEach
    void data() {
        DatabaseReset.empty(":temporary:import");
        crimes = 0;
        // O1: six forms in January, six in February, and one victim's in March. O2: six a month.
        forms("O1", LocalDate.of(2025, 1, 15), 6, 4);
        forms("O1", LocalDate.of(2025, 2, 15), 6, 4);
        forms("O1", LocalDate.of(2025, 3, 31), 1, 1);
        forms("O2", LocalDate.of(2025, 1, 10), 6, 3);
        forms("O2", LocalDate.of(2025, 2, 10), 6, 3);
        forms("O2", LocalDate.of(2025, 3, 10), 6, 3);
        load(dir.resolve("first"));
    }

    private Measures.Feedback feedback(String from, String to, String... filters) {
        return measures.compute(new MeasureQuery(LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse("2026-11-30"),
                MeasureFilter.parse(List.of(filters)))).victimFeedback();
    }

    @Test
    void twoOverlappingPeriodsForOneOfficerDifferByNothing() {
        Measures.Feedback toEnd = feedback("2025-01-01", "2025-03-31", "officer=O1");
        Measures.Feedback dayShort = feedback("2025-01-01", "2025-03-30", "officer=O1");
        assertThat(toEnd.responses()).isEqualTo(dayShort.responses()).isEqualTo(12);
        assertThat(toEnd.dignity()).isEqualTo(dayShort.dignity()).isEqualTo(4.0);
        assertThat(toEnd.monthsWithheld()).as("March, with one victim's form, is left out, and said so").isOne();
        // March alone, and any range ending in it, give nothing of it either.
        assertThat(feedback("2025-03-01", "2025-03-31", "officer=O1").responses()).isZero();
        assertThat(feedback("2025-02-01", "2025-03-31", "officer=O1").responses())
                .isEqualTo(feedback("2025-02-01", "2025-02-28", "officer=O1").responses());
    }

    @Test
    void aTeamLessItsOtherOfficersDoesNotGiveBackTheHiddenOne() {
        // Team T1 in March: O1's one victim and O2's six. Shown whole, O2's six would give O1's one back.
        Measures.Feedback team = feedback("2025-03-01", "2025-03-31", "team=T1");
        Measures.Feedback o2 = feedback("2025-03-01", "2025-03-31", "officer=O2");
        assertThat(team.responses()).isEqualTo(7);
        assertThat(o2.responses()).as("O2 is hidden with O1, so the difference rests on seven").isZero();
        Measures.Feedback force = feedback("2025-03-01", "2025-03-31");
        assertThat(force.responses()).isEqualTo(7);
        // Every figure obtainable for March: the team and the force less the shown officers leave 0 or k and more.
        long shownOfficers = feedback("2025-03-01", "2025-03-31", "officer=O1").responses() + o2.responses();
        long rest = team.responses() - shownOfficers;
        assertThat(rest == 0 || rest >= 5).as("the team less its shown officers: " + rest).isTrue();
    }

    @Test
    void aLateFormCountsInTheMonthItArrivedAndNeverChangesAPublishedMonth() {
        Measures.Feedback february = feedback("2025-02-01", "2025-02-28", "team=T1");
        assertThat(february.responses()).isEqualTo(12);
        forms.clear();
        cases.clear();
        people.clear();
        victims.clear();
        forms("O2", LocalDate.of(2025, 2, 20), 1, 1);
        load(dir.resolve("late"));
        Measures.Feedback again = feedback("2025-02-01", "2025-02-28", "team=T1");
        assertThat(again.responses()).isEqualTo(12);
        assertThat(again.dignity()).isEqualTo(february.dignity());
        LocalDate counted = jdbc.sql("select counted_month from victim_feedback where returned_date = '2025-02-20'")
                .query(LocalDate.class).single();
        assertThat(YearMonth.from(counted)).isEqualTo(YearMonth.from(measures.today()));
        assertThat(feedback(measures.today().withDayOfMonth(1).toString(), measures.today().toString()).responses())
                .as("the month it arrived in is still open, and open months are never shown").isZero();
    }

    @Test
    void otherFiltersPublishNoFeedbackAndOfficersNeedThePermission() {
        assertThat(feedback("2025-01-01", "2025-03-31", "offence_code=19C").notPublished()).contains("offence_code");
        users.createAccount("test", new UserService.NewAccount("inv", "inv", Role.INVESTIGATOR, "NWP", "O1",
                List.of("T1"), List.of()));
        SoteriaUser investigator = (SoteriaUser) users.loadUserByUsername("inv");
        MeasureQuery byOfficer = new MeasureQuery(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"),
                LocalDate.parse("2026-11-30"), MeasureFilter.parse(List.of("officer=O2")));
        assertThatThrownBy(() -> measures.scope(byOfficer, investigator)).isInstanceOf(MeasureFilter.Invalid.class)
                .hasMessageContaining("officer");
    }

    @Test
    void aNarrowFilterShowsNothingOfTheOneCrimeItFindsButTheForceLevelStaysExact() {
        MeasureQuery narrow = new MeasureQuery(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"),
                LocalDate.parse("2026-11-30"), MeasureFilter.parse(List.of("offence_code=19C", "team=T1")));
        assertThat(measures.compute(narrow).recorded()).as("the attacker's filter finds one crime").isOne();
        Measures shown = measures.publish(narrow);
        assertThat(shown.recorded()).isZero();
        assertThat(shown.isWithheld(Measure.RECORDED)).isTrue();
        assertThat(shown.attritionFunnel()).allSatisfy(s -> assertThat(s.count()).isZero());
        assertThat(MeasureJson.of(shown).get("recorded")).isEqualTo(java.util.Map.of("withheld", MeasureJson.WITHHELD));
        assertThat(Dashboard.headline(shown, shown, shown).table().rows().get(0).get(1)).isEqualTo(Dashboard.WITHHELD);

        MeasureQuery force = narrow.withFilter(MeasureFilter.parse(List.of("force=NWP")));
        assertThat(measures.publish(force)).as("force level: exactly the report's figures")
                .isEqualTo(measures.compute(force));
        assertThat(measures.publish(force).recorded()).isOne();
    }

    @Autowired
    org.soteria.platform.DataScope scope;

    @Test
    void theKeptCellsAreReadByTheDisclosureLayerAloneNotByAConnectionActingForAUser() {
        assertThat(feedback("2025-01-01", "2025-03-31", "team=T1").responses()).isPositive();
        long seenByTheLayer = scope.wholeForce("test", () -> jdbc.sql("select count(*) from disclosure_published_cell")
                .query(Long.class).single());
        long seenByAUser = scope.asUser("inv", true, () -> jdbc.sql("select count(*) from disclosure_published_cell")
                .query(Long.class).single());
        assertThat(seenByTheLayer).isPositive();
        assertThat(seenByAUser).as("small cells are as revealing as the answers they sum").isZero();
    }

    @Test
    void aBreakdownWithholdsASecondRowSoThatTheForceTotalCannotGiveTheSmallOneBack() {
        List<String> more = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code,officer_code"));
        for (int i = 0; i < 2; i++) {
            more.add("T2C" + i + ",NWP,19C,2025-01-0" + (i + 2) + ",T2,O3");
        }
        for (int i = 0; i < 7; i++) {
            more.add("T3C" + i + ",NWP,19C,2025-01-1" + i + ",T3,O4");
        }
        Path where = dir.resolve("teams");
        new Bundles(where).file("cases.csv", more.toArray(String[]::new))
                .file("teams.csv", "team_code,name,force_code", "T2,Team two,NWP", "T3,Team three,NWP");
        assertThat(imports.importBundle(where, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
        MeasureQuery january = new MeasureQuery(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"),
                LocalDate.parse("2026-11-30"), MeasureFilter.parse(List.of("force=NWP")));
        java.util.Map<String, Measures> rows = new java.util.HashMap<>();
        measures.breakdown(january, MeasureFilter.Key.TEAM).forEach(b -> rows.put(b.code(), b.measures()));
        assertThat(rows.get("T2").isWithheld(Measure.RECORDED)).as("two crimes: withheld").isTrue();
        assertThat(rows.get("T3").isWithheld(Measure.RECORDED)).as("seven, withheld too: the force's total less T1 "
                + "would otherwise give T2's two").isTrue();
        assertThat(rows.get("T1").isWithheld(Measure.RECORDED)).isFalse();
        long force = measures.publish(january).recorded();
        assertThat(force - rows.get("T1").recorded()).isEqualTo(9);
    }
}
