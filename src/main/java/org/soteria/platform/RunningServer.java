package org.soteria.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an embedded PostgreSQL already running on a data directory means when Soteria starts on it. The Soteria
 * process that starts a server holds a lock on {@code epg-lock} in its folder for as long as it lives, and
 * PostgreSQL writes its process id and port into {@code postmaster.pid}:
 * <ul>
 * <li>lock held: another Soteria (the service, most often) runs it. A command (backup, export, import, audit
 * verify) then connects to that server instead of failing, as it would with an external database;</li>
 * <li>lock free but PostgreSQL still alive: the Soteria that started it was killed (SIGKILL, a crash, the machine's
 * out-of-memory killer) and PostgreSQL, a process of its own, outlived it. Nothing can start on the folder until
 * it stops, so it is asked to stop (SIGTERM, PostgreSQL's "smart" shutdown: it has no clients left) and a new one
 * is started, which recovers from its write-ahead log as after any crash.</li>
 * </ul>
 */
final class RunningServer {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private RunningServer() {
    }

    /** The port of a server another Soteria process keeps on this folder; empty when this process should start one. */
    static OptionalInt useOrClear(Path pgData) {
        Optional<ProcessHandle> postgres = postmaster(pgData);
        if (postgres.isEmpty()) {
            return OptionalInt.empty();
        }
        if (lockedByAnother(pgData.resolve("epg-lock"))) {
            return OptionalInt.of(port(pgData));
        }
        stopOrphan(postgres.get(), pgData);
        return OptionalInt.empty();
    }

    /** The live PostgreSQL that {@code postmaster.pid} names, if any (a process id reused by another program is not it). */
    private static Optional<ProcessHandle> postmaster(Path pgData) {
        List<String> lines = pidFile(pgData);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    private static List<String> pidFile(Path pgData) {
        Path file = pgData.resolve("postmaster.pid");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Line 4 of {@code postmaster.pid} is the port the server listens on. */
    private static int port(Path pgData) {
        List<String> lines = pidFile(pgData);
        try {
            return Integer.parseInt(lines.get(3).trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Another Soteria process runs the database in " + pgData
                    + ", but its port cannot be read from postmaster.pid; try again once it has started", e);
        }
    }

    private static boolean lockedByAnother(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock " + lockFile, e);
        }
    }

    private static void stopOrphan(ProcessHandle postgres, Path pgData) {
        LOG.warn("A PostgreSQL (process {}) was left running on {} by a Soteria that stopped without closing it; "
                + "stopping it before starting again (it recovers from its write-ahead log)", postgres.pid(), pgData);
        postgres.destroy();
        try {
            postgres.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL left running on " + pgData + " (process " + postgres.pid()
                    + ") did not stop within " + STOP_WAIT.toSeconds() + " s; stop it (kill -INT " + postgres.pid()
                    + ") and start Soteria again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for the PostgreSQL left running on " + pgData, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running on " + pgData, e);
        }
    }
}
