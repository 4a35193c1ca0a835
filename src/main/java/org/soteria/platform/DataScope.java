package org.soteria.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Whose rows a database connection may see (ADR 17). PostgreSQL's row-level security decides, from
 * three settings this class gives every connection as it is handed out:
 * <ul>
 * <li>in a web request, the signed-in user: {@code soteria.user} and {@code soteria.cases} (whether the
 * user's role may open crimes at all); the policies then return only crimes within need-to-know and the
 * records that hang from them. A request with nobody signed in sees no case record;</li>
 * <li>inside {@link #wholeForce}, the role {@value #WHOLE_FORCE_ROLE}, whose policies return every row,
 * for the named readers whose output leaves only as aggregates, pseudonyms or through need-to-know
 * pages;</li>
 * <li>outside any web request (the command line, schedulers, start-up), the same whole-force role: such
 * work acts for the force, not for a person.</li>
 * </ul>
 * A query that forgets the application's own need-to-know rule therefore still returns only what the
 * user may see.
 */
public final class DataScope extends DelegatingDataSource implements AutoCloseable {

    /** The database role of the whole-force readers; the application's role may switch to it, not inherit it. */
    public static final String WHOLE_FORCE_ROLE = "soteria_whole_force";

    /** The database role of partner users' requests (V48, ADR 32): the partner policies are its alone. */
    public static final String PARTNER_ROLE = "soteria_partner";

    /**
     * How a user may see case records, as row-level security reads {@code soteria.cases}: not at all; within
     * need-to-know (officers); or as a partner user, only what their organisation's shares cover (ADR 32).
     */
    public enum Cases {
        NONE("off"), NEED_TO_KNOW("on"), PARTNER("partner");

        private final String setting;

        Cases(String setting) {
            this.setting = setting;
        }

        /** The value of {@code soteria.cases} for this kind of access. */
        public String setting() {
            return setting;
        }
    }

    /** The user a web request acts for, as the database needs to know them. */
    public record Principal(String username, Cases cases) {
    }

    /** Who is signed in on this thread's web request (implemented by the security feature). */
    public interface SignedIn {
        Optional<Principal> current();
    }

    private sealed interface Scope permits UserScope, WholeForce {
    }

    private record UserScope(Principal principal) implements Scope {
    }

    private record WholeForce(String purpose) implements Scope {
    }

    private static final UserScope NOBODY = new UserScope(new Principal("", Cases.NONE));
    private static final ThreadLocal<Scope> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private final SignedIn signedIn;

    public DataScope(DataSource target, SignedIn signedIn) {
        super(target);
        this.signedIn = signedIn;
    }

    /**
     * Runs work that reads the whole force's records: a named reader of ADR 17 whose result leaves only as
     * aggregates, pseudonyms, or through pages that check need-to-know themselves. The purpose names the reader
     * where it is called (ADR 17 lists them); it is not sent to the database.
     */
    public <T> T wholeForce(String purpose, Supplier<T> work) {
        return within(new WholeForce(purpose), work);
    }

    /** {@link #wholeForce(String, Supplier)} for work with no result. */
    public void wholeForce(String purpose, Runnable work) {
        within(new WholeForce(purpose), () -> {
            work.run();
            return null;
        });
    }

    /**
     * The same pool seen by nobody: no case record is visible through it. For the session store, whose reads come
     * before anyone is known to be signed in (finding who is signed in reads the session) and whose rows hold no case
     * record; it is its own data source so that its transactions never take a user's connection.
     */
    public DataSource forNobody() {
        return new DelegatingDataSource(getTargetDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                return scoped(super.getConnection(), NOBODY);
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return scoped(super.getConnection(username, password), NOBODY);
            }
        };
    }

    /** Runs work as this user would see the records, wherever it runs (tests, and work done for a user off the request thread). */
    public <T> T asUser(String username, boolean caseReader, Supplier<T> work) {
        return asUser(username, caseReader ? Cases.NEED_TO_KNOW : Cases.NONE, work);
    }

    /** As {@link #asUser(String, boolean, Supplier)}, for any kind of case access (a partner user's). */
    public <T> T asUser(String username, Cases cases, Supplier<T> work) {
        return within(new UserScope(new Principal(username, cases)), work);
    }

    private <T> T within(Scope scope, Supplier<T> work) {
        Scope before = EXPLICIT.get();
        EXPLICIT.set(scope);
        Connection bound = boundConnection();
        try {
            if (bound != null) {
                // Set inside a transaction, the scope is undone if it rolls back: the next hand-out sets it afresh.
                forget(bound);
                apply(bound, scope);
            }
            return work.get();
        } finally {
            if (before == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(before);
            }
            if (bound != null) {
                apply(bound, current());
            }
        }
    }

    /** The connection of a transaction already open on this thread, which must change scope now, not at its next checkout. */
    private Connection boundConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object holder = TransactionSynchronizationManager.getResource(this);
        return holder instanceof ConnectionHolder h && h.getConnectionHandle() != null ? h.getConnection() : null;
    }

    private Scope current() {
        Scope explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return new WholeForce("work outside a web request");
        }
        if (RESOLVING.get() != null) {
            // Finding who is signed in may itself read the session from the database: that read is for nobody.
            return NOBODY;
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            return signedIn.current().<Scope>map(UserScope::new).orElse(NOBODY);
        } finally {
            RESOLVING.remove();
        }
    }

    /** The server's own max_parallel_workers_per_gather, read once (from pg_settings, which costs a millisecond). */
    private volatile String serverParallelWorkers;

    private String serverParallelWorkers(Connection connection) throws SQLException {
        String value = serverParallelWorkers;
        if (value == null) {
            try (PreparedStatement s = connection.prepareStatement(
                    "select reset_val from pg_settings where name = 'max_parallel_workers_per_gather'");
                    java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                value = rs.getString(1);
            }
            serverParallelWorkers = value;
        }
        return value;
    }

    /** Closes the pool behind it when the application stops. */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Scope scope = current();
        return scoped(super.getConnection(), scope);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Scope scope = current();
        return scoped(super.getConnection(username, password), scope);
    }

    private Connection scoped(Connection connection, Scope scope) throws SQLException {
        try {
            Settings wanted = settings(scope, connection);
            Connection physical = connection.unwrap(Connection.class);
            // A hand-out in autocommit mode commits its settings at once, so the connection keeps them until they are
            // set again: a connection handed out in the scope it already has needs no round trip.
            boolean lasting = connection.getAutoCommit();
            if (!lasting || !wanted.equals(given.get(physical))) {
                forget(physical);
                apply(connection, wanted);
                if (lasting) {
                    given.put(physical, wanted);
                }
            }
            return connection;
        } catch (RuntimeException | SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The four settings a scope gives a connection. Work for a user runs without parallel query: a page reads a few
     * rows by index, and on a small server parallel workers only add their start-up to every page while taking the
     * cores other users' pages need (docs/benchmarks.md: the case list at 1,000,000 crimes). Whole-force readers keep
     * the server's setting.
     */
    private record Settings(String role, String user, Cases cases, String parallelWorkers) {
    }

    /**
     * The settings each pooled connection was last given, committed, at a hand-out (keyed by the driver's connection,
     * which outlives the pool's wrappers). Every hand-out sets all four unless the connection already has exactly
     * them, so nothing of an earlier borrower's scope survives in the pool; a connection whose scope was changed
     * inside a transaction is forgotten, since a rollback would undo the change.
     */
    private final Map<Connection, Settings> given = Collections.synchronizedMap(new WeakHashMap<>());

    private void forget(Connection connection) {
        try {
            given.remove(connection.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database connection: " + e.getMessage(), e);
        }
    }

    private Settings settings(Scope scope, Connection connection) throws SQLException {
        if (scope instanceof WholeForce) {
            return new Settings(WHOLE_FORCE_ROLE, "", Cases.NONE, serverParallelWorkers(connection));
        }
        Principal p = ((UserScope) scope).principal();
        return new Settings(p.cases() == Cases.PARTNER ? PARTNER_ROLE : "none", p.username(), p.cases(), "0");
    }

    private void apply(Connection connection, Scope scope) {
        try {
            apply(connection, settings(scope, connection));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the database scope of a connection: " + e.getMessage(), e);
        }
    }

    private static void apply(Connection connection, Settings settings) {
        try (PreparedStatement s = connection.prepareStatement(
                "select set_config('role', ?, false), set_config('soteria.user', ?, false), "
                        + "set_config('soteria.cases', ?, false), set_config('max_parallel_workers_per_gather', ?, false)")) {
            s.setString(1, settings.role());
            s.setString(2, settings.user());
            s.setString(3, settings.cases().setting());
            s.setString(4, settings.parallelWorkers());
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the database scope of a connection: " + e.getMessage(), e);
        }
    }
}
