package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.performance.MeasureService;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The improvement plan: actions, progress, overdue, and the linked measure before and after going live. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:plan", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class ImprovementPlanIT {

    @Autowired
    ImprovementService plan;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    MeasureService measures;

    @Autowired
    ActionChartNotes chartNotes;

    @TempDir
    Path dir;

    private SoteriaUser lead;
    private SoteriaUser supervisor;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:plan");
        DatabaseReset.owner(":temporary:plan", "truncate improvement_update, improvement_action restart identity cascade");
        // Before 1 July 2025 one of four outcomes is a charge; after it, three of four.
        new Bundles(dir).file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,outcome_code,outcome_date",
                "P1,NWP,19C,2025-01-05,1,2025-02-01", "P2,NWP,19C,2025-01-06,16,2025-03-01",
                "P3,NWP,19C,2025-01-07,16,2025-04-01", "P4,NWP,19C,2025-01-08,16,2025-05-01",
                "A1,NWP,19C,2025-06-05,1,2025-08-01", "A2,NWP,19C,2025-06-06,1,2025-09-01",
                "A3,NWP,19C,2025-06-07,1,2025-10-01", "A4,NWP,19C,2025-06-08,14,2025-11-01");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
        users.createAccount("test", new UserService.NewAccount("lead", "lead", Role.FORCE_LEAD, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("sup", "sup", Role.SUPERVISOR, "NWP", "O2", List.of(),
                List.of("T1")));
        lead = (SoteriaUser) users.loadUserByUsername("lead");
        supervisor = (SoteriaUser) users.loadUserByUsername("sup");
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.errors();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void anActionsLinkedMeasureIsComparedBeforeAndAfterItWentLive() {
        // issue 26: several measures an action; each compared, in the order the measures are offered
        long id = plan.add(lead, new ImprovementService.ActionForm("Early CPS advice on every rape",
                "Deep dive: advice was sought late", 1, "DCI RASSO lead", LocalDate.of(2025, 9, 30),
                List.of("victim_does_not_support_rate", "charge_rate"), LocalDate.of(2025, 7, 1)), Map.of());
        ImprovementService.Row row = plan.plan(lead).get(0);
        assertThat(row.action().measures()).containsExactly(PlanMeasure.CHARGE_RATE,
                PlanMeasure.VICTIM_DOES_NOT_SUPPORT_RATE);
        ImprovementService.Comparison charge = row.comparisons().get(0);
        assertThat(charge.measure()).isEqualTo(PlanMeasure.CHARGE_RATE);
        assertThat(charge.before().numerator()).isEqualTo(1);
        assertThat(charge.before().denominator()).isEqualTo(4);
        assertThat(charge.after().numerator()).isEqualTo(3);
        assertThat(charge.after().denominator()).isEqualTo(4);
        assertThat(charge.change()).isEqualTo(50.0);
        assertThat(charge.afterTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        ImprovementService.Comparison vdns = row.comparisons().get(1);
        assertThat(vdns.measure()).isEqualTo(PlanMeasure.VICTIM_DOES_NOT_SUPPORT_RATE);
        assertThat(vdns.before().denominator()).as("the same outcomes, read for the other measure").isEqualTo(4);
        assertThat(row.overdue()).as("due last year and not done").isTrue();

        plan.update(lead, id, new ImprovementService.UpdateForm(plan.today(), "green", "Advice now sought within 14 days",
                "Board paper November", null, true), Map.of());
        ImprovementService.ActionPage page = plan.action(lead, id).orElseThrow();
        assertThat(page.effects()).extracting(ActionEffect.Effect::measure).containsExactly(PlanMeasure.CHARGE_RATE,
                PlanMeasure.VICTIM_DOES_NOT_SUPPORT_RATE);
        assertThat(page.effects().get(0).refusal()).as("from February to November 2025, June and July have no outcomes")
                .isEqualTo("{improvement.effect.noData|=2}");
        assertThat(page.row().action().rag()).isEqualTo("green");
        assertThat(page.row().overdue()).isFalse();
        assertThat(page.updates()).singleElement().satisfies(u -> assertThat(u.note()).startsWith("Advice now sought"));
    }

    /**
     * Issue 26: whether an action worked is read month by month by interrupted time series. A charge rate that
     * alternates 25% and 50% for the year before the action and 75% and 100% after it: a rise in level of about 50
     * points, its interval clear of zero.
     */
    @Test
    void whetherAnActionWorkedIsReadByInterruptedTimeSeries() {
        List<String> rows = new java.util.ArrayList<>();
        rows.add("crime_ref,force_code,offence_code,recorded_date,outcome_code,outcome_date");
        java.time.YearMonth change = java.time.YearMonth.of(2025, 7);
        for (java.time.YearMonth m = change.minusMonths(12); m.isBefore(change.plusMonths(12)); m = m.plusMonths(1)) {
            int charged = (m.isBefore(change) ? 1 : 3) + m.getMonthValue() % 2;
            for (int i = 0; i < 4; i++) {
                rows.add("M" + m + "-" + i + ",NWP,19C," + m.atDay(1) + "," + (i < charged ? "1" : "16") + ","
                        + m.atDay(15));
            }
        }
        Path dense = dir.resolve("dense");
        new Bundles(dense).file("cases.csv", rows.toArray(String[]::new));
        assertThat(imports.importBundle(dense, "test", ImportProgress.NONE).rejectedRows()).isZero();
        measures.reloadAll();
        long id = plan.add(lead, new ImprovementService.ActionForm("Early CPS advice", "d", 1, "o",
                LocalDate.of(2025, 9, 30), List.of("charge_rate"), LocalDate.of(2025, 7, 1)), Map.of());
        ActionEffect.Effect e = plan.action(lead, id).orElseThrow().effects().get(0);
        assertThat(e.refusal()).isNull();
        assertThat(e.from()).isEqualTo(java.time.YearMonth.of(2024, 7));
        assertThat(e.to()).isEqualTo(java.time.YearMonth.of(2026, 6));
        assertThat(e.its().changeIndex()).isEqualTo(12);
        assertThat(e.its().levelChange().value()).isBetween(35.0, 65.0);
        assertThat(e.its().levelChange().excludesZero()).isTrue();

        long late = plan.add(lead, new ImprovementService.ActionForm("Late", "d", 1, "o", LocalDate.of(2027, 1, 31),
                List.of("charge_rate"), LocalDate.of(2026, 5, 1)), Map.of());
        assertThat(plan.action(lead, late).orElseThrow().effects().get(0).refusal())
                .as("the months after June 2026 have no outcomes yet: May and June are too few")
                .isEqualTo("{improvement.effect.tooFew|=12|=2|3}");
        long soon = plan.add(lead, new ImprovementService.ActionForm("Too soon", "d", 1, "o", LocalDate.of(2027, 1, 31),
                List.of("charge_rate"), plan.today().minusMonths(1)), Map.of());
        assertThat(plan.action(lead, soon).orElseThrow().effects().get(0).refusal()).startsWith("{improvement.effect.tooSoon|=");
        long unlinked = plan.add(lead, new ImprovementService.ActionForm("No measure", "d", 1, "o",
                LocalDate.of(2027, 1, 31), List.of(), null), Map.of());
        assertThat(plan.action(lead, unlinked).orElseThrow().effects()).isEmpty();
    }

    /** Issue 26: an action linked to a measure marks the day it went live on that measure's charts, and only those. */
    @Test
    void anActionThatWentLiveIsANoteOnItsMeasuresChartsWithItsTitleForThoseWhoMayReadThePlan() {
        plan.add(lead, new ImprovementService.ActionForm("#1 Early CPS advice", "Deep dive: advice was sought late", 1,
                "DCI RASSO lead", LocalDate.of(2025, 9, 30), List.of("charge_rate"), LocalDate.of(2025, 7, 1)), Map.of());
        plan.add(lead, new ImprovementService.ActionForm("Not live yet", "d", 1, "o", LocalDate.of(2025, 9, 30),
                List.of("charge_rate"), null), Map.of());
        plan.add(lead, new ImprovementService.ActionForm("Another measure", "d", 3, "o", LocalDate.of(2025, 9, 30),
                List.of("cps_charge_rate"), LocalDate.of(2025, 8, 1)), Map.of());
        plan.add(lead, new ImprovementService.ActionForm("Two measures", "d", 3, "o", LocalDate.of(2025, 9, 30),
                List.of("cps_charge_rate", "charge_rate"), LocalDate.of(2025, 9, 1)), Map.of());
        assertThat(chartNotes.notes(org.soteria.performance.Measure.CHARGE_RATE, lead))
                .containsExactly(new org.soteria.performance.ChartNotes.Note(LocalDate.of(2025, 7, 1),
                        "{perf.xmr.actionLive|1 Early CPS advice}"), new org.soteria.performance.ChartNotes.Note(
                                LocalDate.of(2025, 9, 1), "{perf.xmr.actionLive|Two measures}"));
        users.createAccount("test", new UserService.NewAccount("inv", "inv", Role.INVESTIGATOR, "NWP", "O1", List.of("T1"),
                List.of()));
        SoteriaUser investigator = (SoteriaUser) users.loadUserByUsername("inv");
        assertThat(chartNotes.notes(org.soteria.performance.Measure.CHARGE_RATE, investigator))
                .as("no title for one who may not read the plan").extracting(org.soteria.performance.ChartNotes.Note::words)
                .containsExactly("{perf.xmr.anActionLive}", "{perf.xmr.anActionLive}");
        assertThat(chartNotes.notes(org.soteria.performance.Measure.RECORDED, lead)).isEmpty();
    }

    @Test
    void anActionLinkedToSurveyStatementsReadsThemInTheClosedWavesBeforeAndSinceItWentLive() {
        assertThat(errors(() -> plan.add(lead, new ImprovementService.ActionForm("x", "y", 4, "z",
                LocalDate.of(2027, 1, 1), List.of(), null, null, List.of("W2", "Z9")), Map.of())))
                .containsEntry("statements", "{assessmentError.selectStatementsFromTheList}");
        // A statement alone is enough to read an action by once it is live.
        long id = plan.add(lead, new ImprovementService.ActionForm("Caseload cap of 12", "Surveys said workloads were "
                + "too high", 4, "Head of RASSO", LocalDate.of(2026, 6, 30), List.of(), LocalDate.of(2026, 3, 1), null,
                List.of("W2", "C1")), Map.of());
        String db = ":temporary:plan";
        // Two closed waves, before and after the action went live (12 officers answered each; W2 3.0 before, 4.0
        // after), and an older one of 3 officers, which is not the newest before.
        long[] waves = new long[3];
        String[][] spec = {{"Autumn 2025", "2025-10-01", "3", "12"}, {"Summer 2025", "2025-06-01", "2", "3"},
            {"Autumn 2026", "2026-10-01", "4", "12"}};
        for (int i = 0; i < 3; i++) {
            waves[i] = Long.parseLong(DatabaseReset.ownerQuery(db, "insert into survey_wave (force_code, title, "
                    + "questionnaire, version, teams, opened_on, closes_on, closed_at, created_by) values ('NWP', '"
                    + spec[i][0] + "', 'soteria-officers', 1, array['T1'], date '" + spec[i][1] + "', date '"
                    + spec[i][1] + "' + 14, now(), 'lead') returning id::text"));
            DatabaseReset.owner(db, "insert into survey_sealed (wave_id, team_code, answers) select " + waves[i]
                    + ", 'T1', array[3, " + spec[i][2] + ", 3, null, 3, 3, 3, 3, 3, 3, 3, 3]::smallint[] "
                    + "from generate_series(1, " + spec[i][3] + ")");
        }
        ImprovementService.ActionPage page = plan.action(lead, id).orElseThrow();
        assertThat(page.statements()).extracting(s -> s.question().code()).containsExactly("W2", "C1");
        org.soteria.survey.SurveyService.StatementAround w2 = page.statements().get(0);
        assertThat(w2.before().wave().title()).isEqualTo("Autumn 2025");
        assertThat(w2.before().item().mean()).isEqualTo(3.0);
        assertThat(w2.after().wave().title()).isEqualTo("Autumn 2026");
        assertThat(w2.after().item().mean()).isEqualTo(4.0);
        assertThat(page.statements().get(1).after().item().withheld()).as("C1: all preferred not to say").isTrue();
    }

    @Test
    void onlyTheForceLeadChangesThePlanAndBadInputIsRefusedField() {
        assertThat(errors(() -> plan.add(supervisor, new ImprovementService.ActionForm("x", "y", 1, "z",
                LocalDate.of(2027, 1, 1), List.of(), null), Map.of()))).containsKey("permission");
        assertThat(errors(() -> plan.add(lead, new ImprovementService.ActionForm(null, null, 9, null, null,
                List.of("charge_rate", "nonsense"), LocalDate.of(2027, 1, 1)), Map.of())).keySet())
                .containsExactly("title", "description", "pillar", "owner", "dueOn", "measures");
        assertThat(errors(() -> plan.add(lead, new ImprovementService.ActionForm("x", "y", 1, "z",
                LocalDate.of(2027, 1, 1), List.of(), LocalDate.of(2026, 1, 1)), Map.of())))
                .as("a date it went live needs a measure to read").containsEntry("measures",
                        "{assessmentError.selectTheMeasureToCompare}");
        long id = plan.add(lead, new ImprovementService.ActionForm("Train every investigator in ABE",
                "Half are not accredited", 4, "Head of learning", LocalDate.of(2027, 6, 30), List.of(), null), Map.of());
        assertThat(errors(() -> plan.update(lead, id, new ImprovementService.UpdateForm(plan.today().plusDays(1), "blue",
                null, null, LocalDate.of(2026, 1, 1), false), Map.of())).keySet())
                .containsExactly("on", "rag", "note", "liveOn");
        assertThat(plan.plan(supervisor)).as("supervisors read the plan").hasSize(1);
        assertThat(plan.plan(lead).get(0).comparisons()).isEmpty();
    }
}
