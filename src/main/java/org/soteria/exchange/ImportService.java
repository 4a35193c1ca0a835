package org.soteria.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.investigation.NameIndex;
import org.soteria.investigation.PersonFields;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports exchange bundles. All the rows of a run are applied in one transaction, so a run killed
 * half-way applies nothing and running it again completes it; the run record itself is kept apart
 * so that a failed run is still listed with its reason.
 */
@Service
public class ImportService {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ImportRunRepository runs;
    private final AuditService audit;
    private final PersonFields personFields;
    private final NameIndex nameIndex;
    private final Clock clock;

    public ImportService(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions,
            ImportRunRepository runs, AuditService audit, PersonFields personFields, NameIndex nameIndex, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.runs = runs;
        this.audit = audit;
        this.personFields = personFields;
        this.nameIndex = nameIndex;
        this.clock = clock;
    }

    /**
     * Imports the bundle at {@code path} (a folder or a zip). Rejected rows are part of a completed
     * run; a {@link BundleException} means the run could not take place at all.
     */
    public ImportResult importBundle(Path path, String runBy, ImportProgress progress) {
        try (BundleSource source = BundleSource.open(path)) {
            long runId = runs.start(clock.instant(), runBy, path.toAbsolutePath().toString(), source.checksum());
            BundleImporter importer;
            try {
                importer = transactions.execute(status -> {
                    Connection c = DataSourceUtils.getConnection(dataSource);
                    BundleImporter i = new BundleImporter(c, jdbc, source, progress, personFields, nameIndex);
                    try {
                        i.run();
                    } catch (SQLException | IOException e) {
                        throw new BundleException("The import stopped and applied nothing: " + e.getMessage(), e);
                    }
                    // In the rows' own transaction: a run killed at any moment is either completed with its rows or
                    // still "running" with none of them ("stopped before it finished", as its page says).
                    runs.finish(runId, clock.instant(), "completed", null, i.counts(), i.problems(), i.forces());
                    return i;
                });
            } catch (RuntimeException e) {
                String message = e instanceof BundleException ? e.getMessage()
                        : "The import stopped and applied nothing: " + e.getMessage();
                finish(runId, "failed", message, List.of(), List.of(), java.util.Set.of());
                throw e instanceof BundleException b ? b : new BundleException(message, e);
            }
            ImportResult result = new ImportResult(runId, importer.counts(), importer.problems());
            audit.record(runBy, null, AuditAction.IMPORT, "import_run", Long.toString(runId),
                    result.changedRows() + " rows changed, " + result.rejectedRows() + " rejected, from " + path);
            return result;
        }
    }

    /** Writes a failed run's outcome, so a run is never listed half-finished. */
    private void finish(long runId, String status, String message, List<FileCounts> counts,
            List<ImportProblem> problems, java.util.Set<String> forces) {
        transactions.executeWithoutResult(s -> runs.finish(runId, clock.instant(), status, message, counts, problems,
                forces));
    }

    /**
     * Checks that a bundle can be read at all (it exists, is a folder or a readable zip, and has
     * cases.csv), so that a command can refuse it before starting anything else.
     */
    public static void checkBundle(Path path) {
        BundleSource.open(path).close();
    }

    /** Import runs a user of {@code force} may see (see {@link ImportRunRepository}), newest first. */
    public List<ImportRunSummary> runs(String force, int limit, int offset) {
        return runs.list(force, limit, offset);
    }

    public long runCount(String force) {
        return runs.count(force);
    }

    public Optional<ImportRunSummary> run(String force, long id) {
        return runs.find(force, id);
    }

    /** The run's counts per file, in the order the files are applied. */
    public List<FileCounts> counts(long runId) {
        return runs.counts(runId).stream()
                .sorted(java.util.Comparator.comparingInt(c -> BundleImporter.FILES.indexOf(c.file())))
                .toList();
    }

    /** The run's problems as this user may read them: their force's rows, restricted crimes' only if named. */
    public List<ImportProblem> problems(long runId, String force, String username, int limit, int offset) {
        return runs.problems(runId, force, username, limit, offset);
    }

    public long problemCount(long runId, String force) {
        return runs.problemCount(runId, force);
    }
}
