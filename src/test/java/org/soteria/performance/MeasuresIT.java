package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.exchange.SyntheticBundleGenerator;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-memory engine against the plain-SQL reference on a synthetic force, for several periods,
 * as-of dates and filters; a new import reaching the measures through the change log; the XLSX
 * export holding the same numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off",
            "soteria.measures.rebuild-after=3", "soteria.measures.rebuild-in-background=false",
            // The test refreshes by hand, so that nothing races it.
            "soteria.measures.refresh-interval=PT1H"})
class MeasuresIT {

    @Autowired
    MeasureService measures;

    @Autowired
    SqlMeasures sqlMeasures;

    @Autowired
    org.springframework.context.MessageSource messages;

    /** The oracle's answer, shown as the service shows the engine's. */
    private Measures sql(MeasureQuery q) {
        return measures.shown(sqlMeasures.compute(q));
    }

    @Autowired
    MeasureStore store;

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void load() throws Exception {
        DatabaseReset.empty(":temporary:import");
        SyntheticBundleGenerator.generate(new SyntheticBundleGenerator.Settings("NWP", 3000, 7,
                LocalDate.of(2026, 10, 31), 4), dir.resolve("bundle"), n -> { });
        imports.importBundle(dir.resolve("bundle"), "test", ImportProgress.NONE);
        store.reload();
    }

    private static MeasureQuery query(String from, String to, String asOf, String... filters) {
        return new MeasureQuery(LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse(asOf),
                MeasureFilter.parse(List.of(filters)));
    }

    @Test
    void theEngineAgreesWithPlainSqlOnEveryMeasure() {
        List<MeasureQuery> queries = List.of(
                query("2025-01-01", "2025-12-31", "2026-10-31"),
                query("2024-04-01", "2024-06-30", "2024-09-15"),
                query("2023-01-01", "2026-10-31", "2026-10-31", "offence_group=adult_rape", "offence_group=child_rape"),
                query("2025-01-01", "2025-12-31", "2026-10-31", "team=T01", "report_source=third_party"),
                query("2025-01-01", "2025-12-31", "2026-10-31", "relationship=partner", "victim_age_band=18_24"),
                query("2025-06-01", "2025-06-30", "2026-10-31", "officer=nobody"),
                query("2030-01-01", "2030-12-31", "2026-10-31"));
        for (MeasureQuery q : queries) {
            Measures engine = measures.compute(q);
            Measures sql = sql(q);
            assertThat(MeasureJson.of(engine)).as(MeasureService.describe(q)).isEqualTo(MeasureJson.of(sql));
        }
        Measures year = measures.compute(queries.get(0));
        assertThat(year.recorded()).isPositive();
        assertThat(year.victimsCodeCompliance().total().denominator()).isPositive();
        assertThat(year.repeatSuspectShare().numerator()).isPositive();
        assertThat(year.partners().isvaReferrals().numerator()).as("the oracle is asked about ISVA referrals").isPositive();
        assertThat(year.partners().withdrawalsWithIsva().numerator()).isPositive();
        assertThat(year.partners().withdrawalsWithIsva().numerator())
                .isLessThan(year.partners().withdrawalsWithIsva().denominator());
        assertThat(measures.compute(queries.get(6)).chargeRate().value()).isNull();
    }

    @Test
    void cpsTimelinessAgreesWithPlainSql() {
        // The generated force has referrals, decisions and returns but no resubmission: for a spread of crimes,
        // returns, resubmissions (some on the day of a return, some twice on a day) and decisions on the same day as a
        // referral (docs/partner-measures.md).
        List<Long> crimes = jdbc.sql("select c.id from crime c where c.record_type = 'crime' order by c.id limit 150")
                .query(Long.class).list();
        int i = 0;
        for (long crime : crimes) {
            LocalDate start = jdbc.sql("select recorded_date from crime where id = ?").param(crime)
                    .query(LocalDate.class).single().plusDays(3 + i % 11);
            String[][] steps = {
                {"cps_referral", null, "0"}, {"cps_decision", "further_evidence_requested", String.valueOf(5 + i % 9)},
                {"cps_referral", null, String.valueOf(5 + i % 9 + (i % 3 == 0 ? 0 : 4 + i % 13))},
                {"cps_referral", null, String.valueOf(5 + i % 9 + (i % 3 == 0 ? 0 : 4 + i % 13))},
                {"cps_decision", i % 4 == 0 ? "no_charge" : "charge", String.valueOf(30 + i % 40)}};
            int k = 0;
            for (String[] step : steps) {
                if ((i + k) % 5 != 4) {
                    LocalDate on = start.plusDays(Long.parseLong(step[2]));
                    jdbc.sql("insert into event (force_code, event_key, crime_id, event_type, occurred_at, "
                            + "occurred_timed, detail) values ('NWP', ?, ?, ?, ?, false, ?)")
                            .params("cps-test:" + i + ":" + k, crime, step[0],
                                    java.sql.Timestamp.from(on.atStartOfDay(java.time.ZoneId.of("Europe/London"))
                                            .toInstant()), step[1]).update();
                }
                k++;
            }
            i++;
        }
        store.reload();
        for (MeasureQuery q : List.of(query("2020-01-01", "2026-12-31", "2026-10-31"),
                query("2025-01-01", "2025-12-31", "2026-10-31", "team=T01"),
                query("2024-01-01", "2024-06-30", "2024-09-15"))) {
            Measures engine = measures.compute(q);
            Measures sql = sql(q);
            assertThat(MeasureJson.of(engine)).as(MeasureService.describe(q)).isEqualTo(MeasureJson.of(sql));
        }
        Measures.Partners all = measures.compute(query("2020-01-01", "2026-12-31", "2026-10-31")).partners();
        assertThat(all.daysReturnToResubmission().count()).isPositive();
        assertThat(all.daysReferralToDecision().count()).isPositive();
        assertThat(all.filesReturned().numerator()).isPositive();
    }

    @Test
    void partnersRecordsInTheCaseAgreeWithPlainSql() {
        // docs/partner-measures.md: early advice asked in Soteria and its answer (some within 28 days, some exactly at
        // it, some later, some never); actions of the joint plan on both sides (done early, on the day, late, never);
        // referrals to an ISVA with and without a support contact (before, after and long after the referral), and
        // concerns, which are not support.
        jdbc.sql("insert into partner_org (code, force_code, kind, name) values ('CPS-NWP', 'NWP', 'cps', 'CPS Wales'), "
                + "('ISVA-NWP', 'NWP', 'isva', 'ISVA service')").update();
        jdbc.sql("insert into app_user (username, display_name, role, password_hash, force_code, partner_org) values "
                + "('cps-test', 'Prosecutor', 'cps-prosecutor', 'x', 'NWP', 'CPS-NWP'), "
                + "('isva-test', 'Adviser', 'isva', 'x', 'NWP', 'ISVA-NWP')").update();
        List<long[]> crimes = jdbc.sql("select c.id, c.recorded_date - date '1970-01-01' from crime c "
                + "where c.record_type = 'crime' order by c.id limit 240").query((rs, n) -> new long[] {rs.getLong(1),
                        rs.getLong(2)}).list();
        int i = 0;
        for (long[] c : crimes) {
            LocalDate recorded = LocalDate.ofEpochDay(c[1]);
            LocalDate asked = recorded.plusDays(i % 17);
            long submission = jdbc.sql("insert into cps_submission (crime_id, kind, submitted_on, summary, submitted_by) "
                    + "values (?, 'early_advice', ?, 'question', 'test') returning id").params(c[0], asked)
                    .query(Long.class).single();
            if (i % 4 != 0) {
                jdbc.sql("insert into cps_review (crime_id, submission_id, verdict, reviewed_on, note, reviewed_by) "
                        + "values (?, ?, 'advice', ?, 'advice', 'cps-test')").params(c[0], submission,
                                asked.plusDays(i * 7L % 45)).update();
            }
            for (String side : List.of("police", "cps")) {
                LocalDate due = recorded.plusDays(10 + (i + side.length()) % 30);
                LocalDate done = switch (i % 3) {
                    case 0 -> null;
                    case 1 -> due.minusDays(i % 5);
                    default -> due.plusDays(1 + i % 4);
                };
                jdbc.sql("insert into cps_action (crime_id, action, due_on, owner_side, done_on, created_by) "
                        + "values (?, 'do it', ?, ?, ?, 'test')").params(c[0], due, side, done).update();
            }
            LocalDate referred = recorded.plusDays(i % 20);
            if (i % 5 < 2) {
                jdbc.sql("insert into event (force_code, event_key, crime_id, event_type, occurred_at, occurred_timed, "
                        + "detail) values ('NWP', ?, ?, 'victim_withdrawal', ?, false, '')").params("isva-withdrawn:" + i,
                                c[0], java.sql.Timestamp.from(recorded.plusDays(i % 60).atStartOfDay(
                                        java.time.ZoneId.of("Europe/London")).toInstant())).update();
            }
            jdbc.sql("insert into event (force_code, event_key, crime_id, event_type, occurred_at, occurred_timed, "
                    + "detail) values ('NWP', ?, ?, 'support_referral', ?, false, ?)").params("isva-test:" + i, c[0],
                            java.sql.Timestamp.from(referred.atStartOfDay(java.time.ZoneId.of("Europe/London"))
                                    .toInstant()), i % 6 == 5 ? "victim_support" : "isva").update();
            if (i % 4 != 1) {
                LocalDate contact = referred.plusDays(i % 3 == 0 ? -5 : i * 3L % 400);
                jdbc.sql("insert into isva_note (crime_id, partner_org, kind, channel, noted_on, note, recorded_by) "
                        + "values (?, 'ISVA-NWP', 'support', 'phone', ?, 'met', 'isva-test')").params(c[0], contact)
                        .update();
            } else {
                jdbc.sql("insert into isva_note (crime_id, partner_org, kind, concern, noted_on, note, recorded_by) "
                        + "values (?, 'ISVA-NWP', 'concern', 'risk', ?, 'worried', 'isva-test')").params(c[0], referred)
                        .update();
            }
            i++;
        }
        store.reload();
        for (MeasureQuery q : List.of(query("2020-01-01", "2026-12-31", "2026-10-31"),
                query("2025-01-01", "2025-12-31", "2026-10-31", "team=T01"),
                query("2024-01-01", "2024-06-30", "2024-07-10"))) {
            Measures engine = measures.compute(q);
            assertThat(MeasureJson.of(engine)).as(MeasureService.describe(q)).isEqualTo(MeasureJson.of(sql(q)));
        }
        Measures.Partners all = measures.compute(query("2020-01-01", "2026-12-31", "2026-10-31")).partners();
        for (Measures.Rate r : List.of(all.earlyAdviceWithinTarget(), all.policeActionsOverdue(),
                all.cpsActionsOverdue(), all.isvaSupported(), all.withdrawalsAfterIsvaSupport())) {
            assertThat(r.numerator()).as("neither none nor all: " + r).isPositive().isLessThan(r.denominator());
        }
    }

    @Test
    void contactPlanUpdatesAgreeWithPlainSql() {
        // Plans for a spread of victims: frequencies from 7 to 35 days, some ended, some on crimes with outcomes;
        // updates on some of the due days, some a day late, some never.
        List<long[]> victims = jdbc.sql("select cp.crime_id, cp.person_ref from case_person cp join crime c "
                + "on c.id = cp.crime_id where cp.role = 'victim' order by c.id limit 120")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        int i = 0;
        for (long[] v : victims) {
            LocalDate agreed = jdbc.sql("select recorded_date from crime where id = ?").param(v[0])
                    .query(LocalDate.class).single().plusDays(i % 5);
            int every = 7 * (1 + i % 5);
            LocalDate ended = i % 4 == 0 ? agreed.plusDays(every * 3L + 2) : null;
            jdbc.sql("insert into victim_contact_plan (crime_id, person_ref, preferred_channel, update_every_days, "
                    + "agreed_on, ended_on, updated_by) values (?, ?, 'phone', ?, ?, ?, 'test')")
                    .params(v[0], v[1], every, agreed, ended).update();
            for (int k = 1; k <= 6; k++) {
                if ((i + k) % 3 != 0) {
                    LocalDate on = agreed.plusDays((long) every * k + ((i + k) % 2));
                    jdbc.sql("insert into event (force_code, event_key, crime_id, event_type, occurred_at, "
                            + "occurred_timed, person_ref) values ('NWP', ?, ?, 'victim_update', ?, false, ?)")
                            .params("test:" + i + ":" + k, v[0],
                                    java.sql.Timestamp.from(on.atStartOfDay(java.time.ZoneId.of("Europe/London"))
                                            .toInstant()), (i % 7 == 0) ? null : v[1]).update();
                }
            }
            i++;
        }
        store.reload();
        for (MeasureQuery q : List.of(query("2020-01-01", "2026-12-31", "2026-10-31"),
                query("2025-01-01", "2025-12-31", "2026-10-31", "team=T01"),
                query("2024-01-01", "2024-03-31", "2024-02-15"))) {
            Measures engine = measures.compute(q);
            assertThat(MeasureJson.of(engine)).as(MeasureService.describe(q))
                    .isEqualTo(MeasureJson.of(sql(q)));
        }
        Measures.Rate updates = measures.compute(query("2020-01-01", "2026-12-31", "2026-10-31"))
                .victimsCodeCompliance().by().get("contact_plan_update");
        assertThat(updates.denominator()).isPositive();
        assertThat(updates.numerator()).isPositive().isLessThan(updates.denominator());
    }

    @Test
    void trainingAndAbstractionReachTheMeasuresWithoutAnyCrimeChanging() {
        MeasureQuery q = query("2025-01-01", "2025-12-31", "2026-10-31");
        Measures before = measures.compute(q);
        List<String[]> officers = jdbc.sql("select force_code, officer_code from officer where team_code is not null "
                + "and (accredited_until is null or accredited_until < date '2026-10-31') order by officer_code limit 3")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(officers).hasSize(3);
        // One current specialist accreditation, one lapsed, one not yet gained at the as-of date.
        String[][] spans = {{"2025-02-01", "2027-02-01"}, {"2020-01-01", "2023-01-01"}, {"2026-11-01", "2029-11-01"}};
        for (int i = 0; i < 3; i++) {
            jdbc.sql("insert into officer_training (force_code, officer_code, course_code, completed_on, expires_on, "
                    + "recorded_by) values (?, ?, 'ssaidp', ?, ?, 'test')").params(officers.get(i)[0], officers.get(i)[1],
                    LocalDate.parse(spans[i][0]), LocalDate.parse(spans[i][1])).update();
        }
        jdbc.sql("insert into officer_abstraction (force_code, officer_code, duty, starts_on, ends_on, recorded_by) "
                + "values (?, ?, 'Public order', date '2025-12-28', date '2026-01-04', 'test')")
                .params(officers.get(0)[0], officers.get(0)[1]).update();
        jdbc.sql("insert into measure_change (crime_id) values (null)").update();
        store.refresh();
        Measures after = measures.compute(q);
        assertThat(after.accreditedShare().numerator()).isEqualTo(before.accreditedShare().numerator() + 1);
        assertThat(after.abstractionDays()).isEqualTo(before.abstractionDays() + 4);
        assertThat(MeasureJson.of(after)).isEqualTo(MeasureJson.of(sql(q)));
        assertThat(MeasureJson.of(measures.compute(query("2025-12-01", "2026-01-31", "2026-01-02"))))
                .isEqualTo(MeasureJson.of(sql(query("2025-12-01", "2026-01-31", "2026-01-02"))));
    }

    @Test
    void aNewImportShowsInTheMeasuresAtTheNextRefresh() throws Exception {
        MeasureQuery q = query("2020-01-01", "2026-10-31", "2026-10-31");
        long before = measures.compute(q).recorded();
        long changesBefore = jdbc.sql("select count(*) from measure_change").query(Long.class).single();
        String open = jdbc.sql("select crime_ref from crime where record_type = 'crime' and outcome_code is null "
                + "order by id limit 1").query(String.class).single();
        new Bundles(dir.resolve("more")).file("cases.csv",
                "crime_ref,force_code,offence_code,recorded_date,outcome_code,outcome_date",
                "NWP/NEW/1,NWP,19C,2026-10-01,,",
                open + ",NWP,19C," + jdbc.sql("select recorded_date from crime where crime_ref = ?").param(open)
                        .query(LocalDate.class).single() + ",1,2026-10-30");
        imports.importBundle(dir.resolve("more"), "test", ImportProgress.NONE);
        assertThat(jdbc.sql("select count(*) from measure_change").query(Long.class).single() - changesBefore)
                .as("the import logged the two crimes it changed").isEqualTo(2);
        assertThat(measures.compute(q).recorded()).as("not before the refresh").isEqualTo(before);
        store.refresh();
        assertThat(store.deltaSize()).as("a delta over the base, not a rebuild").isEqualTo(2);
        Measures after = measures.compute(q);
        assertThat(after.recorded()).isEqualTo(before + 1);
        assertThat(MeasureJson.of(after)).isEqualTo(MeasureJson.of(sql(q)));

        // Past the rebuild threshold the base is rebuilt (here at once, not in the background).
        new Bundles(dir.resolve("third")).file("cases.csv",
                "crime_ref,force_code,offence_code,recorded_date,outcome_code,outcome_date",
                "NWP/NEW/2,NWP,19F,2026-10-02,,", "NWP/NEW/3,NWP,19C,2026-10-03,,", "NWP/NEW/4,NWP,19C,2026-10-04,,");
        imports.importBundle(dir.resolve("third"), "test", ImportProgress.NONE);
        store.refresh();
        assertThat(store.deltaSize()).as("folded into a new base").isZero();
        assertThat(measures.compute(q).recorded()).isEqualTo(before + 4);
        assertThat(MeasureJson.of(measures.compute(q))).isEqualTo(MeasureJson.of(sql(q)));
    }

    @Test
    void theSpreadsheetHoldsTheSameNumbersAsTheMeasures() throws Exception {
        Measures m = measures.compute(query("2025-01-01", "2025-12-31", "2026-10-31"));
        byte[] xlsx = TableFiles.xlsx(List.of(MeasureTable.of(m), Dashboard.funnel(m, new Words(messages, java.util.Locale.UK)).table()));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet all = book.getSheetAt(0);
            assertThat(all.getRow(0).getCell(0).getStringCellValue()).isEqualTo("measure");
            Row recorded = find(all, "recorded", "");
            assertThat(recorded.getCell(4).getNumericCellValue()).isEqualTo(m.recorded());
            Row charge = find(all, "charge_rate", "");
            assertThat((long) charge.getCell(2).getNumericCellValue()).isEqualTo(m.chargeRate().numerator());
            assertThat((long) charge.getCell(3).getNumericCellValue()).isEqualTo(m.chargeRate().denominator());
            assertThat(charge.getCell(4).getNumericCellValue()).isEqualTo(m.chargeRate().value());
            org.apache.poi.ss.usermodel.DataFormatter shown = new org.apache.poi.ss.usermodel.DataFormatter();
            assertThat(shown.formatCellValue(charge.getCell(4))).as("a rate is a percentage in the workbook")
                    .isEqualTo(String.format(java.util.Locale.UK, "%.1f%%", m.chargeRate().value() * 100));
            assertThat(shown.formatCellValue(recorded.getCell(4))).as("a count stays a whole number")
                    .isEqualTo(String.valueOf(m.recorded()));
            if (m.victimFeedback().dignity() != null) {
                assertThat(shown.formatCellValue(find(all, "victim_feedback", "dignity").getCell(4)))
                        .as("a mean score is no percentage")
                        .isEqualTo(String.format(java.util.Locale.UK, "%.2f", m.victimFeedback().dignity()));
            }
            assertThat(all.getPaneInformation().isFreezePane()).as("the header row stays in view").isTrue();
            Row keyEvents = find(all, "victims_code_compliance", "key_event_notification");
            assertThat(keyEvents.getCell(4).getNumericCellValue())
                    .isEqualTo(m.victimsCodeCompliance().by().get("key_event_notification").value());
            Sheet funnel = book.getSheetAt(1);
            assertThat(book.getSheetName(1)).isEqualTo("2 Attrition funnel");
            for (int s = 0; s < 6; s++) {
                assertThat((long) funnel.getRow(s + 1).getCell(1).getNumericCellValue())
                        .isEqualTo(m.attritionFunnel().get(s).count());
                assertThat(funnel.getRow(s + 1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            }
        }
    }

    private static Row find(Sheet sheet, String measure, String part) {
        for (Row r : sheet) {
            if (r.getCell(0).getStringCellValue().equals(measure)
                    && (r.getCell(1) == null ? "" : r.getCell(1).getStringCellValue()).equals(part)) {
                return r;
            }
        }
        throw new AssertionError("no row " + measure + " " + part);
    }
}
