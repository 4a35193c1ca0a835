package org.soteria.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.cli.SoteriaCli;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.support.DatabaseReset;
import picocli.CommandLine;

/**
 * Crash safety proven for real (issue 29): {@code import}, {@code relink} and the server run as child processes of
 * the packaged jar and are killed with SIGKILL at random moments during their work; then the data is checked for
 * anything half-applied, duplicated or lost, the work is run again to completion, and the audit chain is verified.
 * The moments come from a seed printed with every failure ({@code -Dsoteria.crash.seed=N} repeats a run's choices;
 * the timing of the processes themselves is the machine's).
 */
class CrashIT {

    private static final Path JAR = Path.of("target/soteria.jar").toAbsolutePath();
    private static final long SEED = Long.getLong("soteria.crash.seed", System.nanoTime());
    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    private final Random random = new Random(SEED);

    @TempDir
    Path dir;

    @BeforeAll
    static void packaged() {
        assertThat(JAR).as("the crash tests run the packaged jar: run them with mvn verify, after package").exists();
    }

    /** The PostgreSQL this JVM started for its checks is stopped before the folder is deleted. */
    @AfterEach
    void stopDatabases() {
        for (String name : List.of("data", "served")) {
            EmbeddedDatabase.stop(dir.resolve(name).toString());
        }
    }

    @Test
    void anImportKilledPartWayAppliesNothingAndItsRerunCompletesIt() throws Exception {
        Path bundle = dir.resolve("bundle");
        assertThat(cli("demo-data", "--crimes", "6000", "--seed", "41", "--out", bundle.toString())).isZero();
        long crimes = Files.readAllLines(bundle.resolve("cases.csv")).size() - 1;
        long events = Files.readAllLines(bundle.resolve("events.csv")).size() - 1;
        String data = dir.resolve("data").toString();

        List<Outcome> outcomes = killPartWay("import", "cases.csv: reading and checking", 5_000, () -> o -> {
            String when = o + " (seed " + SEED + ")";
            long stored = count(data, "crime");
            long completed = count(data, "import_run where status = 'completed'");
            assertThat(stored).as("crimes after " + when).isIn(0L, crimes);
            assertThat(stored == crimes).as("a completed run iff its rows are there, after " + when)
                    .isEqualTo(completed > 0);
            assertThat(count(data, "event")).as("events after " + when).isIn(0L, events);
        }, "import", "--bundle", bundle.toString(), "--data-dir", data);
        System.out.println("CrashIT import (seed " + SEED + "): " + outcomes);
        Outcome last = runToEnd("import-final", "import", "--bundle", bundle.toString(), "--data-dir", data);
        assertThat(last.exit()).as(last.log()).isZero();
        assertThat(count(data, "crime")).isEqualTo(crimes);
        assertThat(count(data, "event")).isEqualTo(events);
        assertThat(count(data, "import_run where status = 'failed'")).isZero();
        assertThat(cli("audit", "verify", "--data-dir", data)).as("audit chain (seed " + SEED + ")").isZero();
    }

    @Test
    void aRelinkKilledPartWayLeavesTheLastRunWholeAndItsRerunLinksEveryone() throws Exception {
        String data = dir.resolve("data").toString();
        assertThat(cli("demo-data", "--crimes", "3000", "--seed", "43", "--out", dir.resolve("bundle").toString(),
                "--load", "--data-dir", data)).isZero();
        long suspects = count(data, "(select distinct person_ref from case_person where role = 'suspect') s");
        assertThat(suspects).isPositive();
        List<Outcome> outcomes = killPartWay("relink", "soteria relink: linking", 1_500, () -> {
            long runsBefore = count(data, "linkage_run");
            return o -> {
                String when = o + " (seed " + SEED + ")";
                assertThat(count(data, "linkage_run")).as("runs after " + when).isIn(runsBefore, runsBefore + 1);
                assertThat(count(data, "(select person_ref from person_cluster group by person_ref having count(*) > 1) d"))
                        .as("people in two clusters after " + when).isZero();
                assertThat(count(data, "linkage_run where finished_at is null")).as(when).isZero();
            };
        }, "relink", "--full", "--data-dir", data);
        System.out.println("CrashIT relink (seed " + SEED + "): " + outcomes);
        Outcome last = runToEnd("relink-final", "relink", "--full", "--data-dir", data);
        assertThat(last.exit()).as(last.log()).isZero();
        assertThat(count(data, "(select distinct cp.person_ref from case_person cp where cp.role = 'suspect' and not "
                + "exists (select 1 from person_cluster pc where pc.person_ref = cp.person_ref)) n")).isZero();
        assertThat(cli("audit", "verify", "--data-dir", data)).as("audit chain (seed " + SEED + ")").isZero();
    }

    /**
     * The server killed during its start-up work and again once serving: each restart succeeds (the PostgreSQL the
     * killed process left running is stopped and recovers), a SIGTERM stops it within seconds and closes its
     * PostgreSQL, and the audit chain verifies.
     */
    @Test
    void aServerKilledStartsAgainAndStopsCleanly() throws Exception {
        String data = dir.resolve("served").toString();
        // made here and closed again, so that the server killed first is killed in its own start-up work
        assertThat(cli("demo-data", "--crimes", "300", "--seed", "47", "--out", dir.resolve("bundle").toString(),
                "--load", "--data-dir", data)).isZero();
        EmbeddedDatabase.stop(data);
        int port = freePort();
        String[] serve = {"serve", "--port", Integer.toString(port), "--data-dir", data};
        Process first = start("serve-1", serve);
        long delay = 3_000 + random.nextInt(12_000);
        Thread.sleep(delay);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process second = start("serve-2", serve);
        awaitHealthy(port, second, "serve-2", "after a kill " + delay + " ms into start-up (seed " + SEED + ")");
        Thread.sleep(random.nextInt(3_000));
        second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process third = start("serve-3", serve);
        awaitHealthy(port, third, "serve-3", "after a kill while serving (seed " + SEED + ")");
        long stopping = System.nanoTime();
        third.destroy();
        assertThat(third.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s of SIGTERM\n" + log("serve-3"))
                .isTrue();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - stopping);
        assertThat(seconds).as("seconds to stop").isLessThan(20);
        assertThat(Path.of(data, "postgres", "postmaster.pid")).as("PostgreSQL stopped with the server").doesNotExist();
        assertThat(cli("audit", "verify", "--data-dir", data)).as("audit chain (seed " + SEED + ")").isZero();
    }

    /**
     * Runs a command at least twice, killing it a random moment after it reports {@code ready}, and checks the data
     * after each try. A machine fast enough to finish the work before the chosen moment does not make the test
     * vacuous: the next moment is drawn below three quarters of the work time just seen, up to five tries, until one
     * was killed part way.
     */
    private List<Outcome> killPartWay(String name, String ready, int firstBound, Supplier<Consumer<Outcome>> checks,
            String... args) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        long bound = firstBound;
        for (int attempt = 1; attempt <= 5 && (attempt <= 2 || outcomes.stream().noneMatch(Outcome::killed)); attempt++) {
            Consumer<Outcome> check = checks.get();
            Outcome o = runAndKill(name + "-" + attempt, ready, random.nextLong(bound), args);
            outcomes.add(o);
            check.accept(o);
            if (!o.killed()) {
                bound = Math.max(20, Math.min(bound, o.workMillis() * 3 / 4));
            }
        }
        return outcomes;
    }

    private record Outcome(String name, long delayMillis, boolean killed, int exit, String log, long workMillis) {

        @Override
        public String toString() {
            return name + (killed ? " killed " + delayMillis + " ms into its work" : " finished before the kill");
        }
    }

    /** Starts a command, waits until its output holds {@code ready} (if given), then kills it after {@code delay}. */
    private Outcome runAndKill(String name, String ready, long delay, String... args) throws Exception {
        Process p = start(name, args);
        if (ready != null) {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (p.isAlive() && !log(name).contains(ready) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        long working = System.nanoTime();
        p.waitFor(delay, TimeUnit.MILLISECONDS);
        long workMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - working);
        boolean killed = p.isAlive();
        if (killed) {
            p.destroyForcibly();
        }
        p.waitFor(30, TimeUnit.SECONDS);
        return new Outcome(name, delay, killed, p.exitValue(), log(name), workMillis);
    }

    private Outcome runToEnd(String name, String... args) throws Exception {
        Process p = start(name, args);
        if (!p.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish within " + START_LIMIT + ":\n" + log(name));
        }
        return new Outcome(name, 0, false, p.exitValue(), log(name), 0);
    }

    private Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SERVER_ADDRESS", "127.0.0.1");
        return pb.start();
    }

    private String log(String name) {
        try {
            Path f = dir.resolve(name + ".log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy(int port, Process p, String name, String context) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail(name + " exited (" + p.exitValue() + ") instead of starting " + context + ":\n" + log(name));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        fail(name + " did not become healthy within " + START_LIMIT + " " + context + ":\n" + log(name));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static long count(String data, String from) {
        return Long.parseLong(DatabaseReset.ownerQuery(data, "select count(*)::text from " + from));
    }

    private static int cli(String... args) {
        return new CommandLine(new SoteriaCli()).execute(args);
    }
}
