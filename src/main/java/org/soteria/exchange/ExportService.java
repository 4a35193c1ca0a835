package org.soteria.exchange;

import org.soteria.platform.CsvWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.investigation.PersonFields;
import org.soteria.platform.WholeForce;
import org.springframework.stereotype.Service;

/**
 * Writes the stored data as an exchange bundle, in a fixed order so that export → import → export
 * gives the same files. Every key event gets an event_id where it has one; date-times are written in UTC.
 */
@WholeForce("export: the force's whole bundle, written on the server's command line")
@Service
public class ExportService {

    private static final String BOOL = "case when %s then 'true' when not %s then 'false' end";

    /** File name → the query that produces it, with the exchange format's column names. */
    private static final Map<ExchangeFile, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put(ExchangeFile.TEAMS, "select team_code, name, force_code from team order by force_code, team_code");
        QUERIES.put(ExchangeFile.OFFICERS, "select officer_code, force_code, display_name, team_code, role, accredited_until "
                + "from officer order by force_code, officer_code");
        QUERIES.put(ExchangeFile.CASES, "select crime_ref, force_code, record_type, n100_code, offence_code, recorded_date, "
                + "offence_date, report_source, " + bool("victim_consented") + " as victim_consented, team_code, "
                + "officer_code, outcome_code, outcome_date, " + bool("restricted") + " as restricted "
                + "from investigation_crime crime order by force_code, crime_ref");
        // people.csv is written by writePeople: its names, contact details and addresses are decrypted in Java.
        QUERIES.put(ExchangeFile.PEOPLE, null);
        QUERIES.put(ExchangeFile.CASE_PEOPLE, "select c.force_code, c.crime_ref, p.person_id, cp.role, cp.relationship, "
                + "cp.age_at_offence from investigation_case_person cp join investigation_crime c on c.id = cp.crime_id "
                + "join investigation_person p on p.id = cp.person_ref order by c.force_code, c.crime_ref, p.person_id, cp.role");
        QUERIES.put(ExchangeFile.EVENTS, "select e.force_code, e.event_id, c.crime_ref, e.event_type, "
                + "case when not e.occurred_timed then to_char(e.occurred_at at time zone 'Europe/London', 'YYYY-MM-DD') "
                + "when date_trunc('second', e.occurred_at) = e.occurred_at "
                + "then to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                + "else to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') end "
                + "as occurred_at, p.person_id, e.officer_code, e.detail from investigation_event e "
                + "join investigation_crime c on c.id = e.crime_id left join investigation_person p on p.id = e.person_ref "
                + "order by e.force_code, e.event_key");
        QUERIES.put(ExchangeFile.ORDERS, "select o.order_id, o.force_code, p.person_id, o.order_type, o.made_date, "
                + "o.expires_date, o.prohibitions, o.breached_on from civil_order o join investigation_person p on p.id = o.person_ref "
                + "order by o.force_code, o.order_id");
        QUERIES.put(ExchangeFile.FEEDBACK, "select c.force_code, c.crime_ref, p.person_id, f.returned_date, f.dignity, "
                + "f.fairness, f.voice, f.safety, f.trust from victim_feedback f join investigation_crime c on c.id = f.crime_id "
                + "join investigation_person p on p.id = f.person_ref order by c.force_code, c.crime_ref, p.person_id, f.returned_date");
    }

    private final DataSource dataSource;
    private final AuditService audit;
    private final PersonFields personFields;

    public ExportService(DataSource dataSource, AuditService audit, PersonFields personFields) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.personFields = personFields;
    }

    /** people.csv, decrypted, in the same CSV form COPY writes (quoted only where needed). */
    private long writePeople(Connection c, OutputStream file) throws SQLException, IOException {
        Writer w = new OutputStreamWriter(file, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.exact(w, ExchangeFile.PEOPLE.columns().toArray(String[]::new));
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("select person_id, force_code, given_name, middle_names, "
                + "family_name, date_of_birth, sex, postcode, address, birth_place, pnc_id, phone, email from investigation_person person "
                + "order by force_code, person_id")) {
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String force = rs.getString(2);
                    String[] open = personFields.open(force, id, new String[] {rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(8), rs.getString(9), rs.getString(12), rs.getString(13)});
                    csv.row(id, force, open[0], open[1], open[2], rs.getString(6), rs.getString(7), open[3],
                            open[4], rs.getString(10), rs.getString(11), open[5], open[6]);
                    n++;
                }
            }
        }
        csv.flush();
        return n;
    }

    /** A query gives exactly the file's columns, in the schema's order, or the export stops before writing it. */
    private static void checkColumns(Connection c, ExchangeFile file, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            java.sql.ResultSetMetaData meta = ps.getMetaData();
            java.util.List<String> given = new java.util.ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                given.add(meta.getColumnLabel(i));
            }
            if (!given.equals(file.columns())) {
                throw new IllegalStateException("the export of " + file.file() + " gives " + given
                        + ", not the columns of exchange-format.md " + file.columns());
            }
        }
    }

    private static String bool(String column) {
        return "(" + String.format(BOOL, column, column) + ")";
    }

    /** Writes every file of the bundle into {@code out} (created if needed) and returns the rows per file. */
    public Map<String, Long> exportBundle(Path out, String exportedBy) {
        return exportBundle(out, exportedBy, line -> { });
    }

    /** As {@link #exportBundle(Path, String)}, telling {@code progress} each file as it starts and ends. */
    public Map<String, Long> exportBundle(Path out, String exportedBy, java.util.function.Consumer<String> progress) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        try {
            Files.createDirectories(out);
            try (Connection c = dataSource.getConnection()) {
                c.setReadOnly(true);
                c.setAutoCommit(false);
                c.createStatement().execute("set transaction isolation level repeatable read");
                PGConnection pg = c.unwrap(PGConnection.class);
                for (var e : QUERIES.entrySet()) {
                    ExchangeFile f = e.getKey();
                    progress.accept(String.format("%s: writing (%.1f s)", f.file(), (System.nanoTime() - started) / 1e9));
                    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve(f.file())))) {
                        long n;
                        if (e.getValue() == null) {
                            n = writePeople(c, file);
                        } else {
                            checkColumns(c, f, e.getValue());
                            file.write((String.join(",", f.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
                            n = pg.getCopyAPI().copyOut("COPY (" + e.getValue() + ") TO STDOUT (FORMAT csv)", file);
                        }
                        rows.put(f.file(), n);
                        progress.accept(String.format("%s: %,d rows written (%.1f s)", f.file(), n,
                                (System.nanoTime() - started) / 1e9));
                    }
                }
                c.commit();
            }
        } catch (IOException | SQLException e) {
            throw new BundleException("The export to " + out + " failed: " + e.getMessage(), e);
        }
        audit.record(exportedBy, null, AuditAction.EXPORT, "bundle", out.toAbsolutePath().toString(), rows.toString());
        return rows;
    }
}
