package org.soteria.suspect;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.linkage.Explanation;
import org.soteria.linkage.LinkageModel;
import org.soteria.linkage.Linker;
import org.soteria.linkage.Nicknames;
import org.soteria.linkage.PersonRecord;
import org.soteria.investigation.PersonFields;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the linkage engine over every stored suspect record (ADR 12). The first run estimates the model
 * and links all records; later runs, when new suspects arrive, compare only the new records (with the
 * saved model) and re-form clusters with the pairs found before. A person's decision re-forms the
 * clusters too. Pairs the engine proposes go to {@code person_link}; people's decisions there are
 * never overwritten; source records are never changed.
 */
@WholeForce("linkage: compares every suspect record of the force; its pairs reach people only through the register")
@Service
public class LinkageService {

    private static final Logger log = LoggerFactory.getLogger(LinkageService.class);
    /** New records beyond this share of the stored ones re-estimate the model in a full run. */
    private static final double FULL_RUN_GROWTH = 0.5;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PersonFields personFields;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Linker linker = new Linker(Nicknames.standard());
    private final AtomicBoolean reclusterWanted = new AtomicBoolean();
    private final Object running = new Object();

    LinkageService(JdbcClient jdbc, JdbcTemplate batch, PersonFields personFields, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.personFields = personFields;
        this.tx = tx;
        this.clock = clock;
    }

    /** The last run, if any. */
    public record Run(long id, String kind, OffsetDateTime finishedAt, int records, int newRecords, long candidatePairs,
            int matchedPairs, int clusters, double threshold, long maxPersonRef, String model) {

        public double thresholdProbability() {
            return 1 / (1 + Math.pow(2, -threshold));
        }
    }

    public Optional<Run> lastRun() {
        return jdbc.sql("select id, kind, finished_at, records, new_records, candidate_pairs, matched_pairs, clusters, "
                        + "threshold, max_person_ref, model from linkage_run order by id desc limit 1")
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getInt(4), rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getDouble(9),
                        rs.getLong(10), rs.getString(11)))
                .optional();
    }

    /** True once the web server is up: batch commands (an import, say) never link in the background. */
    private volatile boolean serving;

    @org.springframework.context.event.EventListener
    void ready(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        serving = event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext;
    }

    /** After a failed refresh, how long before the next is tried: doubling from a minute, at most an hour. */
    static final java.time.Duration FIRST_WAIT = java.time.Duration.ofMinutes(1);
    static final java.time.Duration LONGEST_WAIT = java.time.Duration.ofHours(1);
    private java.time.Duration wait = java.time.Duration.ZERO;
    private java.time.Instant notBefore = java.time.Instant.MIN;

    /**
     * Picks up new suspects, and decisions that call for new clusters (LinkageSchedule; only when serving). A refresh
     * that fails is tried again later and later (a minute, then two, four, up to an hour), not at every tick: a run
     * that cannot fit in the server's memory would otherwise fill it again every thirty seconds, and the pages users
     * wait for with it. Running out of memory is said as such, with what to do.
     */
    void scheduledRefresh() {
        if (!serving || clock.instant().isBefore(notBefore)) {
            return;
        }
        try {
            refresh(false);
            wait = java.time.Duration.ZERO;
        } catch (RuntimeException e) {
            failed();
            log.error("Linkage refresh failed; it will be tried again in " + wait.toMinutes() + " minutes", e);
        } catch (OutOfMemoryError e) {
            // The run's arrays were its own: with it gone the server has its memory back and goes on serving.
            failed();
            log.error("Linkage refresh ran out of memory (the server's heap, -Xmx, is {} MB): give the server more "
                    + "memory (docs/user-guide/operations.md); it will be tried again in {} minutes",
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), wait.toMinutes());
        }
    }

    private void failed() {
        wait = nextWait(wait);
        notBefore = clock.instant().plus(wait);
    }

    /** The wait after another failure, given the last one (zero after a success). */
    static java.time.Duration nextWait(java.time.Duration last) {
        return last.isZero() ? FIRST_WAIT : last.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT
                : last.multipliedBy(2);
    }

    /** Asks the next refresh to re-form clusters (after a decision). */
    void reclusterSoon() {
        reclusterWanted.set(true);
    }

    /**
     * Links what is new since the last run (all records the first time, or when {@code full}); returns
     * the run, or empty when there was nothing to do.
     */
    public Optional<Run> refresh(boolean full) {
        return refresh(full, m -> log.info("Linkage: {}", m));
    }

    /** As {@link #refresh(boolean)}, telling {@code progress} each phase of the run (the command line shows it). */
    public Optional<Run> refresh(boolean full, java.util.function.Consumer<String> progress) {
        synchronized (running) {
            Optional<Run> last = lastRun();
            long newest = jdbc.sql("select coalesce(max(cp.person_ref), 0) from investigation_case_person cp where cp.role = 'suspect'")
                    .query(Long.class).single();
            boolean recluster = reclusterWanted.getAndSet(false);
            // New: suspect records no run has placed in a cluster yet (new people, or people first named as a suspect).
            boolean anyNew = jdbc.sql("select exists (select 1 from investigation_case_person cp where cp.role = 'suspect' and not exists "
                    + "(select 1 from person_cluster pc where pc.person_ref = cp.person_ref))").query(Boolean.class).single();
            if (!full && last.isPresent() && !anyNew && !recluster) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            OffsetDateTime startedAt = OffsetDateTime.now(clock);
            List<Long> refs = new ArrayList<>();
            List<PersonRecord> people = loadSuspects(refs);
            if (people.isEmpty()) {
                return Optional.empty();
            }
            BitSet focus = new BitSet(people.size());
            int fresh = 0;
            if (last.isPresent()) {
                java.util.Set<Long> clustered = new java.util.HashSet<>(jdbc.sql("select person_ref from person_cluster")
                        .query(Long.class).list());
                for (int i = 0; i < refs.size(); i++) {
                    if (!clustered.contains(refs.get(i))) {
                        focus.set(i);
                        fresh++;
                    }
                }
            }
            // A model saved by an earlier version of the engine (other comparison levels) cannot score new pairs: link all again.
            boolean fullRun = full || last.isEmpty() || fresh > FULL_RUN_GROWTH * (people.size() - fresh)
                    || !LinkageModel.fits(last.get().model());
            List<Linker.Decision> decisions = jdbc.sql("select person_a, person_b, status from person_link "
                            + "where status <> 'proposed'")
                    .query((rs, n) -> new Linker.Decision(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
                            rs.getString(3).equals("confirmed")))
                    .list();
            Linker.Result result;
            if (fullRun) {
                result = linker.link(people, Linker.Options.defaults(), decisions, List.of(), progress);
            } else {
                List<Linker.Match> known = jdbc.sql("select person_a, person_b, match_weight from person_link "
                                + "where status = 'proposed'")
                        .query((rs, n) -> new Linker.Match(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
                                rs.getDouble(3)))
                        .list();
                LinkageModel model = LinkageModel.parse(last.get().model());
                double threshold = last.get().thresholdProbability();
                result = linker.link(people, new Linker.Options(Math.min(0.999999, Math.max(1e-6, threshold)), model, focus,
                        20240101L), decisions, known, progress);
            }
            Linker.Result done = result;
            int newRecords = fullRun ? people.size() : fresh;
            progress.accept("storing the run's links and clusters in one transaction");
            Run run = tx.execute(status -> store(done, refs, fullRun, newRecords, newest, startedAt));
            log.info("Linkage {} run {}: {} records ({} new), {} matched pairs, {} clusters in {} ms", run.kind(), run.id(),
                    run.records(), run.newRecords(), run.matchedPairs(), run.clusters(), (System.nanoTime() - started) / 1_000_000);
            return Optional.of(run);
        }
    }

    /**
     * Every person record that is a suspect in some crime, decrypted, with the record's reference as its person id:
     * for the learning network's encodings, which leave the force only as keyed Bloom filters.
     */
    public List<PersonRecord> suspectRecords() {
        return loadSuspects(new ArrayList<>());
    }

    /** Every person record that is a suspect in some crime, decrypted, in person id order; {@code refs} gets their ids. */
    private List<PersonRecord> loadSuspects(List<Long> refs) {
        List<PersonRecord> out = new ArrayList<>();
        jdbc.sql("select p.id, p.force_code, p.person_id, p.given_name, p.middle_names, p.family_name, p.date_of_birth, "
                        + "p.sex, p.postcode, p.address, p.birth_place, p.pnc_id, p.phone, p.email from investigation_person p "
                        + "where exists (select 1 from investigation_case_person cp where cp.person_ref = p.id and cp.role = 'suspect') "
                        + "order by p.id")
                .query(rs -> {
                    long id = rs.getLong(1);
                    String force = rs.getString(2);
                    String personId = rs.getString(3);
                    String[] plain = personFields.open(force, personId, new String[] {rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(9), rs.getString(10), rs.getString(13), rs.getString(14)});
                    refs.add(id);
                    out.add(new PersonRecord(Long.toString(id), plain[0], plain[1], plain[2], rs.getString(7),
                            rs.getString(8), plain[3], plain[4], rs.getString(11), rs.getString(12), plain[6]));
                });
        return out;
    }

    private Run store(Linker.Result result, List<Long> refs, boolean full, int newRecords, long newest,
            OffsetDateTime startedAt) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long runId = jdbc.sql("insert into linkage_run (kind, started_at, finished_at, records, new_records, candidate_pairs, "
                        + "matched_pairs, clusters, threshold, max_person_ref, model) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "returning id")
                .params(full ? "full" : "incremental", startedAt, now, refs.size(), newRecords,
                        result.stats().candidatePairs(), result.matchedPairs(), result.stats().clusters(),
                        result.thresholdWeight(), newest, result.model().serialise())
                .query(Long.class).single();
        List<Object[]> links = new ArrayList<>();
        for (int k = 0; k < result.matchedPairs(); k++) {
            int a = result.matchedA(k);
            int b = result.matchedB(k);
            Explanation e = result.explain(a, b);
            long ra = refs.get(a);
            long rb = refs.get(b);
            links.add(new Object[] {Math.min(ra, rb), Math.max(ra, rb), e.probability(), e.matchWeight(), encode(e), runId});
        }
        batch.batchUpdate("insert into person_link (person_a, person_b, probability, match_weight, explanation, run_id) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (person_a, person_b) do update set probability = excluded.probability, "
                + "match_weight = excluded.match_weight, explanation = excluded.explanation, run_id = excluded.run_id "
                + "where person_link.status = 'proposed'", links);
        if (full) {
            jdbc.sql("delete from person_link where status = 'proposed' and run_id <> ?").param(runId).update();
        }
        Map<Long, Long> stored = new HashMap<>();
        jdbc.sql("select person_ref, cluster_ref from person_cluster").query(rs -> {
            stored.put(rs.getLong(1), rs.getLong(2));
        });
        List<Object[]> changed = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            long cluster = refs.get(result.clusterOf(i));
            if (!Long.valueOf(cluster).equals(stored.get(refs.get(i)))) {
                changed.add(new Object[] {refs.get(i), cluster});
            }
        }
        batch.batchUpdate("insert into person_cluster (person_ref, cluster_ref) values (?, ?) on conflict (person_ref) "
                + "do update set cluster_ref = excluded.cluster_ref", changed);
        return lastRun().orElseThrow();
    }

    /** field:level:weight;… (the explanation without personal data). */
    static String encode(Explanation e) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "prior::%.3f", e.priorWeight()));
        for (Explanation.Contribution c : e.contributions()) {
            b.append(';').append(c.field().column()).append(':').append(c.level()).append(':')
                    .append(String.format(Locale.ROOT, "%.3f", c.weight()));
        }
        return b.toString();
    }
}
