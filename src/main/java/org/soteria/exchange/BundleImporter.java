package org.soteria.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.soteria.reference.EventType;
import org.soteria.reference.OfficerRole;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.investigation.CaseRecordImport;
import org.soteria.investigation.NameIndex;
import org.soteria.investigation.PersonFields;
import org.soteria.reference.PersonRole;
import org.soteria.reference.RecordType;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.reference.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies one exchange bundle inside the caller's transaction: validates every row, stages the
 * valid ones with COPY, checks references in SQL, then upserts each file in one statement so that
 * the counts of inserted, updated and unchanged rows are exact and a second import changes nothing.
 */
final class BundleImporter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BundleImporter.class);

    /** The files of exchange-format.md in the order they are applied (references point backwards). */
    static final List<String> FILES = ExchangeFile.names();

    private static final int PROGRESS_EVERY = 100_000;

    private final Connection connection;
    private final JdbcClient jdbc;
    private final BundleSource source;
    private final ImportProgress progress;
    private final PersonFields personFields;
    private final NameIndex nameIndex;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final java.util.Set<String> forces = new java.util.TreeSet<>();
    private final List<FileCounts> counts = new ArrayList<>();
    private Mappings mappings;
    /** Force codes named in cases.csv; a file without a force_code takes the single one. */
    private final Set<String> bundleForces = new TreeSet<>();

    BundleImporter(Connection connection, JdbcClient jdbc, BundleSource source, ImportProgress progress,
            PersonFields personFields, NameIndex nameIndex) {
        this.nameIndex = nameIndex;
        this.connection = connection;
        this.jdbc = jdbc;
        this.source = source;
        this.progress = progress;
        this.personFields = personFields;
    }

    /** The force codes the bundle's rows named. */
    java.util.Set<String> forces() {
        return forces;
    }

    List<ImportProblem> problems() {
        return problems;
    }

    List<FileCounts> counts() {
        return counts;
    }

    void run() throws SQLException, IOException {
        for (String name : source.names()) {
            boolean known = FILES.contains(name) || (name.startsWith("mappings/") && name.endsWith(".csv"));
            if (!known && !name.contains("/")) {
                problems.add(new ImportProblem(name, 1, null, null,
                        "file ignored: exchange format v1 does not name it", false));
            }
        }
        mappings = Mappings.read(source, problems);
        jdbc.sql("create temp table rejected_key (kind text, force_code text, key text, line int) on commit drop")
                .update();
        // The measures engine reads measure_change within seconds; a day's history is plenty (ADR 9).
        jdbc.sql("delete from measure_change where changed_at < now() - interval '1 day'").update();
        importCases();
        importTeams();
        importOfficers();
        importPeople();
        importCasePeople();
        importEvents();
        importOrders();
        importFeedback();
        progress.phase("all files", "updating the database's statistics");
        // Fresh statistics, so that the case list's plans suit the data just loaded.
        jdbc.sql(org.soteria.investigation.CaseRecordTables.ANALYZE).update();
        problems.sort(Comparator.comparingInt((ImportProblem p) -> fileOrder(p.file())).thenComparingInt(
                ImportProblem::line).thenComparingInt(p -> columnOrder(p.file(), p.column())));
    }

    private static int fileOrder(String file) {
        int i = FILES.indexOf(file);
        return i < 0 ? -1 : i;
    }

    private static int columnOrder(String file, String column) {
        return column == null ? -1 : ExchangeFile.named(file).map(f -> f.columns().indexOf(column)).orElse(-1);
    }

    // ---------------------------------------------------------------- reading

    private interface RowHandler {
        void handle(Row row) throws SQLException;
    }

    /** Reads one file: checks its header, then hands each record to the handler. Returns rows read. */
    private int read(String file, List<String> required, RowHandler handler) throws SQLException, IOException {
        long t0 = System.nanoTime();
        progress.phase(file, "reading and checking");
        try {
            return readRows(file, required, handler);
        } finally {
            LOG.info("{}: read, checked and staged in {} ms", file, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private int readRows(String file, List<String> required, RowHandler handler) throws SQLException, IOException {
        InputStream raw = source.open(file).orElseThrow();
        long total = source.size(file);
        CountingStream counting = new CountingStream(raw);
        int rows = 0;
        try (CsvReader reader = new CsvReader(counting)) {
            String[] header = reader.next();
            if (header == null) {
                problems.add(new ImportProblem(file, 1, null, null, "the file is empty: no header row", false));
                return 0;
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> known = ExchangeFile.named(file).orElseThrow().columns();
            for (int i = 0; i < header.length; i++) {
                String col = header[i].trim().toLowerCase(Locale.ROOT);
                if (!known.contains(col)) {
                    problems.add(new ImportProblem(file, 1, header[i].trim(), null,
                            "unknown column ignored", false));
                } else if (columns.containsKey(col)) {
                    problems.add(new ImportProblem(file, 1, col, null,
                            "column named twice; the first one is read", false));
                } else {
                    columns.put(col, i);
                }
            }
            List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new ImportProblem(file, 1, missing.get(0), null,
                        "required column missing from the header: " + String.join(", ", missing)
                                + "; every row of this file is rejected", false));
            }
            String[] cells;
            while (true) {
                try {
                    cells = reader.next();
                } catch (CsvReader.CsvFormatException e) {
                    problems.add(new ImportProblem(file, e.line(), null, null,
                            "not valid CSV from here on: " + e.getMessage() + "; the rest of the file was not read",
                            true));
                    break;
                } catch (CharacterCodingException e) {
                    problems.add(new ImportProblem(file, reader.recordLine(), null, null,
                            "not valid UTF-8 after this line; the rest of the file was not read", true));
                    break;
                }
                if (cells == null) {
                    break;
                }
                rows++;
                Row row = new Row(file, reader.recordLine(), cells, columns, mappings);
                String force = row.text("force_code");
                if (!force.isEmpty()) {
                    forces.add(force.toUpperCase(java.util.Locale.ROOT));
                }
                handler.handle(row);
                problems.addAll(row.problems);
                if (rows % PROGRESS_EVERY == 0) {
                    progress.rowsRead(file, rows, total > 0 ? Math.min(1.0, counting.count / (double) total) : 0);
                }
            }
        }
        if (rows >= PROGRESS_EVERY) {
            progress.rowsRead(file, rows, 1.0);
        }
        return rows;
    }


    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** The force of a row of a file whose force_code column is optional. */
    private String forceOf(Row row) {
        String own = row.text("force_code");
        if (!own.isEmpty()) {
            return own;
        }
        if (bundleForces.size() == 1) {
            return bundleForces.iterator().next();
        }
        row.reject("force_code", "", bundleForces.isEmpty()
                ? "force_code is required: cases.csv names no force to take it from"
                : "force_code is required: the bundle holds several forces " + bundleForces);
        return null;
    }

    private int rejectedLines(String file) {
        Set<Integer> lines = new HashSet<>();
        for (ImportProblem p : problems) {
            if (p.rejection() && p.file().equals(file)) {
                lines.add(p.line());
            }
        }
        return lines.size();
    }

    // ---------------------------------------------------------------- files without references

    private void importTeams() throws SQLException, IOException {
        String file = ExchangeFile.TEAMS.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_team (line int, force_code text, team_code text, name text) on commit drop")
                .update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_team", "line, force_code, team_code, name")) {
            rows = read(file, ExchangeFile.TEAMS.required(), row -> {
                String team = row.required("team_code");
                String name = row.optional("name");
                String force = forceOf(row);
                if (row.ok()) {
                    out.row(row.line(), force, team, name);
                }
            });
        }
        ensureForces("stage_team", "force_code");
        merge(file, rows, "stage_team", "force_code, team_code",
                "insert into team (force_code, team_code, name) select force_code, team_code, name from src "
                        + "on conflict (force_code, team_code) do update set name = excluded.name "
                        + "where team.name is distinct from excluded.name");
    }

    private void importOfficers() throws SQLException, IOException {
        String file = ExchangeFile.OFFICERS.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_officer (line int, force_code text, officer_code text, display_name text, "
                + "team_code text, role text, accredited_until date) on commit drop").update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_officer",
                "line, force_code, officer_code, display_name, team_code, role, accredited_until")) {
            rows = read(file, ExchangeFile.OFFICERS.required(), row -> {
                String officer = row.required("officer_code");
                String force = forceOf(row);
                String name = row.optional("display_name");
                String team = row.optional("team_code");
                OfficerRole role = row.coded("role", OfficerRole.class, false);
                LocalDate until = row.date("accredited_until", false);
                if (row.ok()) {
                    out.row(row.line(), force, officer, name, team, role == null ? null : role.code(), until);
                }
            });
        }
        ensureForces("stage_officer", "force_code");
        merge(file, rows, "stage_officer", "force_code, officer_code",
                "insert into officer (force_code, officer_code, display_name, team_code, role, accredited_until) "
                        + "select force_code, officer_code, display_name, team_code, role, accredited_until from src "
                        + "on conflict (force_code, officer_code) do update set display_name = excluded.display_name, "
                        + "team_code = excluded.team_code, role = excluded.role, "
                        + "accredited_until = excluded.accredited_until "
                        + "where (officer.display_name, officer.team_code, officer.role, officer.accredited_until) "
                        + "is distinct from (excluded.display_name, excluded.team_code, excluded.role, "
                        + "excluded.accredited_until)");
    }

    private void importCases() throws SQLException, IOException {
        String file = ExchangeFile.CASES.file();
        // First pass over force codes alone, so that later files can take the bundle's single force.
        jdbc.sql("create temp table stage_crime (line int, force_code text, crime_ref text, record_type text, "
                + "n100_code smallint, offence_code text, recorded_date date, offence_date date, report_source text, "
                + "victim_consented boolean, team_code text, officer_code text, outcome_code text, outcome_date date, "
                + "restricted boolean) on commit drop").update();
        Map<String, Integer> rejected = new HashMap<>();
        Set<String> valid = new HashSet<>();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_crime", "line, force_code, crime_ref, record_type, "
                + "n100_code, offence_code, recorded_date, offence_date, report_source, victim_consented, team_code, "
                + "officer_code, outcome_code, outcome_date, restricted")) {
            rows = read(file, ExchangeFile.CASES.required(), row -> {
                String ref = row.required("crime_ref");
                String force = row.required("force_code");
                if (force != null) {
                    bundleForces.add(force);
                }
                RecordType type = row.coded("record_type", RecordType.class, false);
                if (type == null && row.ok()) {
                    type = RecordType.CRIME;
                }
                Integer n100 = null;
                String n100Text = row.text("n100_code");
                if (type == RecordType.N100) {
                    if (n100Text.isEmpty()) {
                        row.reject("n100_code", n100Text, "n100_code is required for an N100 incident (1, 2 or 3)");
                    } else {
                        n100 = row.number("n100_code", 1, 3);
                    }
                } else if (!n100Text.isEmpty() && type != null) {
                    row.reject("n100_code", n100Text, "n100_code is only for record_type n100");
                }
                OffenceCode offence = null;
                String offenceText = row.mapped("offence_code");
                if (offenceText.isEmpty()) {
                    row.reject("offence_code", "", "offence_code is required");
                } else {
                    offence = OffenceCode.parse(offenceText).orElse(null);
                    if (offence == null) {
                        row.reject("offence_code", row.text("offence_code"), "unknown offence_code '" + offenceText
                                + "': not a RASSO offence code and no mapping in mappings/offence_code.csv");
                    }
                }
                LocalDate recorded = row.date("recorded_date", true);
                LocalDate offenceDate = row.date("offence_date", false);
                ReportSource sourceOfReport = row.coded("report_source", ReportSource.class, false);
                Boolean consented = row.bool("victim_consented");
                String team = row.optional("team_code");
                String officer = row.optional("officer_code");
                String outcomeText = row.mapped("outcome_code");
                OutcomeCode outcome = null;
                boolean noOutcome = outcomeText.isEmpty() || outcomeText.equals(OutcomeCode.NONE_YET);
                if (!noOutcome) {
                    outcome = OutcomeCode.parse(outcomeText).orElse(null);
                    if (outcome == null) {
                        row.reject("outcome_code", row.text("outcome_code"), "unknown outcome_code '" + outcomeText
                                + "': not a Home Office outcome code and no mapping in mappings/outcome_code.csv");
                    }
                }
                LocalDate outcomeDate = row.date("outcome_date", false);
                if (outcome != null && outcomeDate == null && row.text("outcome_date").isEmpty()) {
                    row.reject("outcome_date", "", "outcome_date is required when an outcome_code is given");
                } else if (noOutcome && outcomeDate != null) {
                    row.reject("outcome_date", row.text("outcome_date"),
                            "outcome_date given without an outcome_code");
                }
                Boolean restricted = row.bool("restricted");
                String key = force + "\u0000" + ref;
                if (row.ok()) {
                    valid.add(key);
                    out.row(row.line(), force, ref, type.code(), n100, offence.code(), recorded, offenceDate,
                            sourceOfReport == null ? ReportSource.VICTIM.code() : sourceOfReport.code(), consented,
                            team, officer, outcome == null ? null : outcome.code(), outcome == null ? null : outcomeDate,
                            restricted != null && restricted);
                } else if (ref != null) {
                    rejected.putIfAbsent(force == null ? "\u0001" + ref : key, row.line());
                }
            });
        }
        rememberRejected("crime", rejected, valid);
        ensureForces("stage_crime", "force_code");
        merge(file, rows, "stage_crime", "force_code, crime_ref",
                CaseRecordImport.CRIMES, "true", "id");
    }

    private void importPeople() throws SQLException, IOException {
        String file = ExchangeFile.PEOPLE.file();
        if (!source.has(file)) {
            return;
        }
        // Names, contact details and addresses are encrypted here, before they reach the database (ADR 8).
        jdbc.sql("create temp table stage_person (line int, force_code text, person_id text, given_name text, "
                + "middle_names text, family_name text, date_of_birth text, sex text, postcode text, address text, "
                + "birth_place text, pnc_id text, phone text, email text, given_name_index text, "
                + "family_name_index text, name_keys bigint[], name_keys_by text, fields_mac text, key_id text) "
                + "on commit drop").update();
        Map<String, Integer> rejected = new HashMap<>();
        Set<String> valid = new HashSet<>();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_person", "line, force_code, person_id, given_name, "
                + "middle_names, family_name, date_of_birth, sex, postcode, address, birth_place, pnc_id, phone, email, "
                + "given_name_index, family_name_index, name_keys, name_keys_by, fields_mac, key_id")) {
            rows = read(file, ExchangeFile.PEOPLE.required(), row -> {
                String id = row.required("person_id");
                String force = forceOf(row);
                String dob = null;
                String dobText = row.text("date_of_birth");
                if (!dobText.isEmpty()) {
                    try {
                        dob = Values.partialDate(dobText);
                    } catch (Values.Invalid e) {
                        row.reject("date_of_birth", dobText, "date_of_birth is " + e.getMessage());
                    }
                }
                Sex sex = row.coded("sex", Sex.class, false);
                String key = force + "\u0000" + id;
                if (row.ok()) {
                    valid.add(key);
                    PersonFields.Sealed sealed = personFields.seal(force, id, new String[] {row.optional("given_name"),
                        row.optional("middle_names"), row.optional("family_name"), row.optional("postcode"),
                        row.optional("address"), row.optional("phone"), row.optional("email")});
                    String[] v = sealed.values();
                    out.row(row.line(), force, id, v[0], v[1], v[2], dob, sex == null ? null : sex.code(), v[3], v[4],
                            row.optional("birth_place"), row.optional("pnc_id"), v[5], v[6], sealed.givenNameIndex(),
                            sealed.familyNameIndex(), NameIndex.literal(nameIndex.keys(row.optional("given_name"),
                                    row.optional("middle_names"), row.optional("family_name"))), nameIndex.keyId(),
                            sealed.mac(), sealed.keyId());
                } else if (id != null) {
                    rejected.putIfAbsent(force == null ? "\u0001" + id : key, row.line());
                }
            });
        }
        rememberRejected("person", rejected, valid);
        ensureForces("stage_person", "force_code");
        merge(file, rows, "stage_person", "force_code, person_id",
                CaseRecordImport.PEOPLE, "true", "person:id");
    }

    private void rememberRejected(String kind, Map<String, Integer> rejected, Set<String> valid) throws SQLException {
        try (StageWriter out = new StageWriter(connection, "rejected_key", "kind, force_code, key, line")) {
            for (var e : rejected.entrySet()) {
                String k = e.getKey();
                if (k.startsWith("\u0001")) {
                    out.row(kind, null, k.substring(1), e.getValue());
                } else if (!valid.contains(k)) {
                    int sep = k.indexOf('\u0000');
                    out.row(kind, k.substring(0, sep), k.substring(sep + 1), e.getValue());
                }
            }
        }
    }

    private void ensureForces(String stage, String column) {
        jdbc.sql("insert into force (force_code, name) select distinct " + column + ", " + column + " from " + stage
                + " where " + column + " is not null on conflict do nothing").update();
    }

    /**
     * Upserts the staged rows that passed every check, the last row of a repeated key winning, and
     * records the file's counts. {@code upsert} reads from {@code src} and must end in an ON CONFLICT
     * clause whose update only fires when something differs.
     */
    private void merge(String file, int rows, String stage, String key, String upsert) {
        merge(file, rows, stage, key, upsert, "true", null);
    }

    /**
     * As {@link #merge(String, int, String, String, String)}, recording in measure_change the crimes
     * whose facts changed: {@code changedCrime} is an expression over the upserted row naming its
     * crime, or {@code "person:" + expression} for a person, whose crimes are recorded.
     */
    private void merge(String file, int rows, String stage, String key, String upsert, String okCondition,
            String changedCrime) {
        long t0 = System.nanoTime();
        progress.phase(file, String.format("resolving references and applying %,d rows", rows));
        String changed = "";
        String mark = "";
        if (changedCrime != null && changedCrime.startsWith("person:")) {
            changed = ", " + changedCrime.substring(7) + " as changed_person";
            mark = ", mark as (insert into measure_change (crime_id) select distinct cp.crime_id from up "
                    + "join investigation_case_person cp on cp.person_ref = up.changed_person) ";
        } else if (changedCrime != null) {
            changed = ", " + changedCrime + " as changed_crime";
            mark = ", mark as (insert into measure_change (crime_id) select distinct changed_crime from up) ";
        }
        String sql = "with src as (select distinct on (" + key + ") * from " + stage + " where " + okCondition
                + " order by " + key + ", line desc), up as (" + upsert + " returning (xmax = 0) as inserted"
                + changed + ") " + mark
                + "select (select count(*) from " + stage + " where " + okCondition + ") as staged, "
                + "(select count(*) from src) as distinct_rows, "
                + "(select count(*) from up where inserted) as inserted, "
                + "(select count(*) from up where not inserted) as updated";
        Map<String, Object> r = jdbc.sql(sql).query().singleRow();
        int staged = ((Number) r.get("staged")).intValue();
        int distinct = ((Number) r.get("distinct_rows")).intValue();
        int inserted = ((Number) r.get("inserted")).intValue();
        int updated = ((Number) r.get("updated")).intValue();
        counts.add(new FileCounts(file, rows, inserted, updated, distinct - inserted - updated, staged - distinct,
                rejectedLines(file)));
        LOG.info("{}: {} rows applied in {} ms", file, distinct, (System.nanoTime() - t0) / 1_000_000);
    }

    // ---------------------------------------------------------------- files that refer to crimes and people

    /**
     * Resolves the staged rows' crime and person references to stored rows (after the cases and
     * people of this bundle were applied), rejecting those that name a missing, ambiguous or
     * rejected crime or person.
     */
    private void resolve(String file, String stage, boolean hasCrime, boolean personRequired) {
        long t0 = System.nanoTime();
        String forceExpr = hasCrime ? "coalesce(s.force_code, case when u.n = 1 then u.force_code end)" : "s.force_code";
        String sql = "create temp table " + stage + "_r on commit drop as "
                + (hasCrime ? "with u as (select crime_ref, min(force_code) as force_code, count(*) as n from investigation_crime crime "
                + "where crime_ref in (select crime_ref from " + stage + " where force_code is null) "
                + "group by crime_ref) " : "")
                + "select s.*, f.rforce, " + (hasCrime ? "u.n as forces_with_ref, c.id as crime_id, rc.line as crime_rej, "
                : "null::text as crime_ref, null::bigint as forces_with_ref, null::bigint as crime_id, "
                        + "null::int as crime_rej, ")
                + "p.id as person_ref, rp.line as person_rej from " + stage + " s "
                + (hasCrime ? "left join u on s.force_code is null and u.crime_ref = s.crime_ref " : "")
                + "cross join lateral (select " + forceExpr + " as rforce) f "
                + (hasCrime ? "left join investigation_crime c on c.force_code = f.rforce and c.crime_ref = s.crime_ref "
                + "left join (select key, min(line) as line, bool_or(force_code is null) as anyforce, "
                + "array_agg(force_code) as forces from rejected_key where kind = 'crime' group by key) rc "
                + "on rc.key = s.crime_ref and (rc.anyforce or f.rforce is null or f.rforce = any(rc.forces)) " : "")
                + "left join investigation_person p on p.force_code = f.rforce and p.person_id = s.person_id "
                + "left join (select key, min(line) as line, bool_or(force_code is null) as anyforce, "
                + "array_agg(force_code) as forces from rejected_key where kind = 'person' group by key) rp "
                + "on rp.key = s.person_id and (rp.anyforce or f.rforce is null or f.rforce = any(rp.forces))";
        jdbc.sql(sql).update();
        String failing = hasCrime
                ? "crime_rej is not null or crime_id is null or person_rej is not null "
                        + "or (person_id is not null and person_ref is null)"
                : "person_rej is not null or person_ref is null";
        jdbc.sql("select line, force_code, rforce, crime_ref, person_id, forces_with_ref, crime_id, crime_rej, "
                        + "person_ref, person_rej from " + stage + "_r where " + failing)
                .query((rs, n) -> {
                    int line = rs.getInt("line");
                    String crimeRef = rs.getString("crime_ref");
                    String personId = rs.getString("person_id");
                    String force = rs.getString("rforce");
                    String where = force == null ? "" : " in force " + force;
                    if (hasCrime) {
                        long forces = rs.getLong("forces_with_ref");
                        Integer crimeRej = (Integer) rs.getObject("crime_rej");
                        if (crimeRej != null) {
                            return new ImportProblem(file, line, "crime_ref", crimeRef, "crime " + crimeRef
                                    + " was rejected in this import (cases.csv line " + crimeRej + ")", true, force,
                                    crimeRef);
                        }
                        if (rs.getString("force_code") == null && forces > 1) {
                            return new ImportProblem(file, line, "crime_ref", crimeRef, "crime_ref " + crimeRef
                                    + " exists in " + forces + " forces; add a force_code column to say which", true,
                                    force, crimeRef);
                        }
                        if (rs.getObject("crime_id") == null) {
                            return new ImportProblem(file, line, "crime_ref", crimeRef, "no crime " + crimeRef
                                    + where + " in this bundle or already stored", true, force, crimeRef);
                        }
                    }
                    Integer personRej = (Integer) rs.getObject("person_rej");
                    if (personRej != null) {
                        return new ImportProblem(file, line, "person_id", personId, "person " + personId
                                + " was rejected in this import (people.csv line " + personRej + ")", true, force,
                                crimeRef);
                    }
                    return new ImportProblem(file, line, "person_id", personId, "no person " + personId + where
                            + " in this bundle or already stored", true, force, crimeRef);
                }).list().forEach(problems::add);
        ensureForces(stage + "_r", "rforce");
        LOG.info("{}: references resolved in {} ms", file, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String okResolved(boolean hasCrime, boolean personRequired) {
        return "not bad and person_rej is null" + (hasCrime ? " and crime_rej is null and crime_id is not null" : "")
                + (personRequired ? " and person_ref is not null" : " and (person_id is null or person_ref is not null)");
    }

    private void importCasePeople() throws SQLException, IOException {
        String file = ExchangeFile.CASE_PEOPLE.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_cp (line int, bad boolean, force_code text, crime_ref text, person_id text, "
                + "role text, relationship text, age_at_offence int) on commit drop").update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_cp",
                "line, bad, force_code, crime_ref, person_id, role, relationship, age_at_offence")) {
            rows = read(file, ExchangeFile.CASE_PEOPLE.required(), row -> {
                String crimeRef = row.required("crime_ref");
                String personId = row.required("person_id");
                PersonRole role = row.coded("role", PersonRole.class, true);
                Relationship rel = row.coded("relationship", Relationship.class, false);
                Integer age = row.number("age_at_offence", 0, 130);
                if (crimeRef != null && personId != null) {
                    out.row(row.line(), !row.ok(), row.optional("force_code"), crimeRef, personId,
                            role == null ? null : role.code(), rel == null ? null : rel.code(), age);
                }
            });
        }
        resolve(file, "stage_cp", true, true);
        merge(file, rows, "stage_cp_r", "crime_id, person_ref, role",
                CaseRecordImport.CASE_PEOPLE,
                okResolved(true, true), "crime_id");
    }

    private void importEvents() throws SQLException, IOException {
        String file = ExchangeFile.EVENTS.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_event (line int, bad boolean, force_code text, event_key text, event_id text, "
                + "crime_ref text, event_type text, occurred_at timestamptz, occurred_timed boolean, person_id text, "
                + "officer_code text, detail text) on commit drop").update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_event", "line, bad, force_code, event_key, event_id, "
                + "crime_ref, event_type, occurred_at, occurred_timed, person_id, officer_code, detail")) {
            rows = read(file, ExchangeFile.EVENTS.required(), row -> {
                String eventId = row.optional("event_id");
                String crimeRef = row.required("crime_ref");
                EventType type = row.coded("event_type", EventType.class, true);
                Values.When when = null;
                String occurred = row.text("occurred_at");
                if (occurred.isEmpty()) {
                    row.reject("occurred_at", "", "occurred_at is required");
                } else {
                    try {
                        when = Values.when(occurred);
                    } catch (Values.Invalid e) {
                        row.reject("occurred_at", occurred, "occurred_at is " + e.getMessage());
                    }
                }
                String personId = row.optional("person_id");
                String detail = eventDetail(row, type);
                if (crimeRef != null) {
                    String key = eventId != null ? "id:" + eventId
                            : "k:" + crimeRef + "|" + (type == null ? "" : type.code()) + "|"
                                    + (when == null ? "" : when.keyForm()) + "|" + (personId == null ? "" : personId)
                                    + "|" + (detail == null ? "" : detail);
                    out.row(row.line(), !row.ok(), row.optional("force_code"), key, eventId, crimeRef,
                            type == null ? null : type.code(), when == null ? null : when.instant(),
                            when == null ? null : when.timed(), personId, row.optional("officer_code"), detail);
                }
            });
        }
        resolve(file, "stage_event", true, false);
        merge(file, rows, "stage_event_r", "rforce, event_key",
                CaseRecordImport.EVENTS,
                okResolved(true, false), "crime_id");
    }

    /** The detail in canonical form; for event types with listed details an unknown one rejects the row. */
    private String eventDetail(Row row, EventType type) {
        String raw = row.text("detail");
        if (raw.isEmpty()) {
            return null;
        }
        if (type == null || !type.hasListedDetails()) {
            return raw;
        }
        String detailMapped = mappings.apply("detail", raw);
        String mapped = type == EventType.VICTIM_WITHDRAWAL ? mappings.apply("reason", detailMapped) : detailMapped;
        return type.canonicalDetail(mapped).orElseGet(() -> {
            row.reject("detail", raw, "unknown detail '" + mapped + "' for event_type " + type.code()
                    + "; expected one of " + type.listedDetails());
            return null;
        });
    }

    private void importOrders() throws SQLException, IOException {
        String file = ExchangeFile.ORDERS.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_order (line int, bad boolean, force_code text, order_id text, person_id text, "
                + "order_type text, made_date date, expires_date date, prohibitions text, breached_on date) "
                + "on commit drop").update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_order", "line, bad, force_code, order_id, person_id, "
                + "order_type, made_date, expires_date, prohibitions, breached_on")) {
            rows = read(file, ExchangeFile.ORDERS.required(), row -> {
                String orderId = row.required("order_id");
                String force = forceOf(row);
                String personId = row.required("person_id");
                OrderType type = row.coded("order_type", OrderType.class, true);
                LocalDate made = row.date("made_date", false);
                LocalDate expires = row.date("expires_date", false);
                LocalDate breached = row.date("breached_on", false);
                if (orderId != null && personId != null && force != null) {
                    out.row(row.line(), !row.ok(), force, orderId, personId, type == null ? null : type.code(), made,
                            expires, row.optional("prohibitions"), breached);
                }
            });
        }
        resolve(file, "stage_order", false, true);
        merge(file, rows, "stage_order_r", "rforce, order_id",
                "insert into civil_order (force_code, order_id, person_ref, order_type, made_date, expires_date, "
                        + "prohibitions, breached_on) select rforce, order_id, person_ref, order_type, made_date, "
                        + "expires_date, prohibitions, breached_on from src on conflict (force_code, order_id) do update "
                        + "set person_ref = excluded.person_ref, order_type = excluded.order_type, "
                        + "made_date = excluded.made_date, expires_date = excluded.expires_date, "
                        + "prohibitions = excluded.prohibitions, breached_on = excluded.breached_on "
                        + "where (civil_order.person_ref, civil_order.order_type, civil_order.made_date, "
                        + "civil_order.expires_date, civil_order.prohibitions, civil_order.breached_on) is distinct from "
                        + "(excluded.person_ref, excluded.order_type, excluded.made_date, excluded.expires_date, "
                        + "excluded.prohibitions, excluded.breached_on)",
                okResolved(false, true), null);
    }

    private void importFeedback() throws SQLException, IOException {
        String file = ExchangeFile.FEEDBACK.file();
        if (!source.has(file)) {
            return;
        }
        jdbc.sql("create temp table stage_feedback (line int, bad boolean, force_code text, crime_ref text, "
                + "person_id text, returned_date date, dignity smallint, fairness smallint, voice smallint, "
                + "safety smallint, trust smallint) on commit drop").update();
        int rows;
        try (StageWriter out = new StageWriter(connection, "stage_feedback", "line, bad, force_code, crime_ref, "
                + "person_id, returned_date, dignity, fairness, voice, safety, trust")) {
            rows = read(file, ExchangeFile.FEEDBACK.required(), row -> {
                String crimeRef = row.required("crime_ref");
                String personId = row.required("person_id");
                LocalDate returned = row.date("returned_date", true);
                Integer[] scores = new Integer[5];
                String[] dims = {"dignity", "fairness", "voice", "safety", "trust"};
                for (int i = 0; i < dims.length; i++) {
                    scores[i] = row.number(dims[i], 1, 5);
                }
                if (crimeRef != null && personId != null) {
                    out.row(row.line(), !row.ok(), row.optional("force_code"), crimeRef, personId, returned,
                            scores[0], scores[1], scores[2], scores[3], scores[4]);
                }
            });
        }
        resolve(file, "stage_feedback", true, true);
        merge(file, rows, "stage_feedback_r", "crime_id, person_ref, returned_date",
                "insert into victim_feedback (crime_id, person_ref, returned_date, dignity, fairness, voice, safety, "
                        + "trust) select crime_id, person_ref, returned_date, dignity, fairness, voice, safety, trust "
                        + "from src on conflict (crime_id, person_ref, returned_date) do update set "
                        + "dignity = excluded.dignity, fairness = excluded.fairness, voice = excluded.voice, "
                        + "safety = excluded.safety, trust = excluded.trust where (victim_feedback.dignity, "
                        + "victim_feedback.fairness, victim_feedback.voice, victim_feedback.safety, victim_feedback.trust) "
                        + "is distinct from (excluded.dignity, excluded.fairness, excluded.voice, excluded.safety, "
                        + "excluded.trust)",
                okResolved(true, true), "crime_id");
    }
}
