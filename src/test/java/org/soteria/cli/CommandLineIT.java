package org.soteria.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.support.DatabaseReset;

/** The subcommands as a user runs them: help, exit codes, the report file. */
class CommandLineIT extends CommandLineCase {

    @Test
    void everySubcommandHasHelpAndADataDirOption() {
        for (String sub : new String[] {"serve", "import", "export", "audit verify", "users add", "report", "relink", "backup", "restore"}) {
            out.reset();
            List<String> args = new java.util.ArrayList<>(List.of(sub.split(" ")));
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(sub).contains("--data-dir");
        }
        out.reset();
        assertThat(run("demo-data", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--seed", "--crimes", "--load", "--data-dir");
    }

    @Test
    void usersAddCreatesAnAccountAndAuditVerifyChecksTheLog() {
        String db = dir.resolve("db-users").toString();
        assertThat(run("users", "add", "--username", "j.smith", "--name", "DC Jo Smith", "--role", "investigator",
                "--force", "NWP", "--team", "T01", "--data-dir", db, "--run-by", "admin1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("First password \\(shown once\\): \\S{20}");
        assertThat(run("users", "add", "--username", "j.smith", "--name", "X", "--role", "investigator", "--force",
                "NWP", "--data-dir", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is already an account called j.smith");
        assertThat(run("users", "add", "--username", "k", "--name", "X", "--role", "constable", "--force", "NWP",
                "--data-dir", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--role must be one of");
        assertThat(run("users", "unlock", "--username", "j.smith", "--data-dir", db)).isZero();

        out.reset();
        assertThat(run("audit", "verify", "--data-dir", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit log intact: 2 records");
        DatabaseReset.owner(db, "alter table audit_event disable trigger user; "
                + "update audit_event set detail = 'nothing happened' where seq = 1; "
                + "alter table audit_event enable trigger user");
        out.reset();
        assertThat(run("audit", "verify", "--data-dir", db)).isOne();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Audit log BROKEN at record 1: record 1 does not match its hash");
    }

    /** Account administration from the command line: disable, role, and a reset that needs a second administrator. */
    @Test
    void usersAreAdministeredAndAResetNeedsASecondAdministrator() {
        String db = dir.resolve("db-admin").toString();
        assertThat(run("users", "add", "--username", "m.jones", "--name", "DC Mo Jones", "--role", "investigator",
                "--force", "NWP", "--data-dir", db, "--run-by", "alice")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("choose their own password");
        assertThat(DatabaseReset.ownerQuery(db, "select must_change_password::text from app_user "
                + "where username = 'm.jones'")).isEqualTo("true");
        assertThat(run("users", "disable", "--username", "m.jones", "--data-dir", db, "--run-by", "alice")).isZero();
        assertThat(DatabaseReset.ownerQuery(db, "select enabled::text from app_user where username = 'm.jones'"))
                .isEqualTo("false");
        assertThat(run("users", "set-role", "--username", "m.jones", "--role", "auditor", "--data-dir", db,
                "--run-by", "alice")).isZero();
        err.reset();
        assertThat(run("users", "set-teams", "--username", "m.jones", "--team", "NOPE", "--data-dir", db,
                "--run-by", "alice")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("There is no team NOPE in NWP");
        out.reset();
        assertThat(run("users", "request-reset", "--username", "m.jones", "--kind", "password", "--reason",
                "forgot it; checked by phone", "--data-dir", db, "--run-by", "alice")).isZero();
        String request = out.toString(StandardCharsets.UTF_8).replaceAll("(?s).*Request (\\d+) made.*", "$1");
        err.reset();
        assertThat(run("users", "approve-reset", "--request", request, "--data-dir", db, "--run-by", "alice"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("another administrator must approve it");
        out.reset();
        assertThat(run("users", "approve-reset", "--request", request, "--data-dir", db, "--run-by", "bob")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("New first password \\(shown once; they "
                + "change it at sign-in\\): \\S{20}");
        // Kept as a message code, so that they read it in their own language at their next sign-in.
        assertThat(DatabaseReset.ownerQuery(db, "select text from account_notice where username = 'm.jones'"))
                .contains("{notice.passwordReset|cli:alice|", "|cli:bob}");
    }

    /** Demo accounts have a known password: demo mode never starts on a data directory with real accounts. */
    @Test
    void serveDemoIsRefusedWhereRealAccountsLive() {
        String db = dir.resolve("db-real").toString();
        assertThat(run("users", "add", "--username", "investigator", "--name", "DC Real Person", "--role",
                "investigator", "--force", "NWP", "--data-dir", db)).isZero();
        String before = DatabaseReset.ownerQuery(db, "select password_hash || demo from app_user "
                + "where username = 'investigator'");
        err.reset();
        assertThat(run("serve", "--demo", "--port", "0", "--data-dir", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds 1 account of real users",
                "will not run beside them");
        assertThat(DatabaseReset.ownerQuery(db, "select password_hash || demo from app_user "
                + "where username = 'investigator'")).as("the real account is untouched").isEqualTo(before);
    }

    /**
     * A check changes nothing. It once ran the start-up work of every command: on a demo data directory it disabled
     * the demo accounts, and at its end it signed a new audit checkpoint.
     */
    @Test
    void auditVerifyChangesNothing() {
        String db = dir.resolve("db-check").toString();
        assertThat(run("users", "add", "--username", "k.jones", "--name", "DC Kay Jones", "--role", "investigator",
                "--force", "NWP", "--data-dir", db)).isZero();
        DatabaseReset.owner(db, "update app_user set demo = true, enabled = true where username = 'k.jones'");
        String state = "select (select count(*) from audit_event) || '/' || (select count(*) from audit_checkpoint) "
                + "|| '/' || (select string_agg(username || ':' || enabled, ',' order by username) from app_user) "
                + "|| '/' || (select count(*) from flyway_schema_history)";
        String before = DatabaseReset.ownerQuery(db, state);
        out.reset();
        assertThat(run("audit", "verify", "--data-dir", db)).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Audit log intact");
        assertThat(DatabaseReset.ownerQuery(db, state)).isEqualTo(before).contains("k.jones:true");
    }

    @Test
    void importRefusesABundleItCannotRunWithExitCodeTwo() throws Exception {
        assertThat(run("import", "--bundle", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No such bundle");
        Files.createDirectories(dir.resolve("nocases"));
        assertThat(run("import", "--bundle", dir.resolve("nocases").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no cases.csv");
    }

    @Test
    void importWritesTheReportAndExitsZeroWithRejections() throws Exception {
        Path bundle = dir.resolve("b");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("cases.csv"), "crime_ref,force_code,offence_code,recorded_date\n"
                + "A1,NWP,19C,2024-01-01\nA2,NWP,XX,2024-01-01\n");
        Path report = dir.resolve("report.csv");
        int code = run("import", "--bundle", bundle.toString(), "--report", report.toString(), "--data-dir",
                dir.resolve("db").toString());
        assertThat(code).isZero();
        assertThat(Files.readAllLines(report)).containsExactly("file,line,column,value,reason",
                "cases.csv,3,offence_code,XX,unknown offence_code 'XX': not a RASSO offence code and no mapping in "
                        + "mappings/offence_code.csv");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 rows rejected");
    }

    @Test
    void relinkLinksStoredSuspectsThenOnlyWhatIsNew() throws Exception {
        Path bundle = dir.resolve("r");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("cases.csv"), "crime_ref,force_code,offence_code,recorded_date\n"
                + "R1,NWP,19C,2025-01-10\nR2,NWP,19C,2025-02-10\n");
        Files.writeString(bundle.resolve("people.csv"), "person_id,given_name,family_name,date_of_birth\n"
                + "P1,Arthur,Penhaligon,1980-02-03\nP2,Artie,Penhaligon,1980-02-03\n");
        Files.writeString(bundle.resolve("case_people.csv"), "crime_ref,person_id,role\nR1,P1,suspect\nR2,P2,suspect\n");
        String db = dir.resolve("db").toString();
        assertThat(run("import", "--bundle", bundle.toString(), "--data-dir", db)).isZero();
        out.reset();
        assertThat(run("relink", "--data-dir", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Linkage run 1 (full): 2 suspect records, 2 new");
        out.reset();
        assertThat(run("relink", "--data-dir", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Nothing to link");
        out.reset();
        assertThat(run("relink", "--full", "--data-dir", db)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Linkage run 2 (full)");
    }

    @Test
    void reportWritesEveryMeasureAsJsonCsvOrXlsxAndRefusesBadFilters() throws Exception {
        Path bundle = dir.resolve("m");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("cases.csv"), "crime_ref,force_code,offence_code,recorded_date,"
                + "outcome_code,outcome_date\nM1,NWP,19C,2025-01-10,1,2025-03-11\nM2,NWP,20A,2025-02-10,16,2025-04-01\n"
                + "M3,NWP,19C,2025-03-10,,\n");
        String db = dir.resolve("db").toString();
        assertThat(run("import", "--bundle", bundle.toString(), "--data-dir", db)).isZero();
        out.reset();
        assertThat(run("report", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-01-31",
                "--filter", "offence_group=adult_rape", "--format", "json", "--data-dir", db)).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"recorded\" : 2,", "\"outcomes_assigned\" : 1,",
                "\"days_to_charge\" : {\n    \"count\" : 1,\n    \"median\" : 60,",
                "\"filters\" : {\n    \"offence_group\" : [ \"adult_rape\" ]");
        Path csv = dir.resolve("measures.csv");
        assertThat(run("report", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-01-31",
                "--format", "csv", "--out", csv.toString(), "--data-dir", db)).isZero();
        assertThat(Files.readAllLines(csv)).first().isEqualTo("measure,part,numerator,denominator,value,unit,basis");
        assertThat(Files.readAllLines(csv)).contains("recorded,,,,3,crime,crimes recorded in the period",
                "charge_rate,,1,2,0.5,crime,of outcomes assigned in the period: outcome 1 or 1A");
        Path xlsx = dir.resolve("measures.xlsx");
        assertThat(run("report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "xlsx", "--out",
                xlsx.toString(), "--data-dir", db)).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K');

        err.reset();
        assertThat(run("report", "--from", "2025-01-01", "--to", "2025-12-31", "--filter", "offence_group=burglary",
                "--format", "json", "--data-dir", db)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("soteria report: filter offence_group: 'burglary' "
                + "is not one of adult_rape, child_rape, sexual_assault, other_sexual");
        err.reset();
        assertThat(run("report", "--from", "31/01/2025", "--to", "2025-12-31", "--format", "json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from: '31/01/2025' is not a date (YYYY-MM-DD)");
    }

    @Test
    void aLargeImportReportsRowsRateAndShareReadOnStderr() throws Exception {
        Path bundle = dir.resolve("large");
        Files.createDirectories(bundle);
        StringBuilder csv = new StringBuilder("crime_ref,force_code,offence_code,recorded_date\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("L").append(i).append(",NWP,19C,2024-01-01\n");
        }
        Files.writeString(bundle.resolve("cases.csv"), csv);
        assertThat(run("import", "--bundle", bundle.toString(), "--data-dir", dir.resolve("db").toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .containsPattern("cases\\.csv: 100,000 rows, [0-9,]+ rows/s, 100%");
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("cases\\.csv +100000 +100000 ");
    }

    @Test
    void demoDataRefusesBadSettings() {
        assertThat(run("demo-data", "--crimes", "0", "--out", dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 1");
    }
}
