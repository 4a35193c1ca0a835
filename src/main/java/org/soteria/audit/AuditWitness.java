package org.soteria.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.soteria.platform.EmbeddedDatabase;
import org.soteria.platform.SecretFiles;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A copy of every signed checkpoint kept where the database cannot rewrite it: a file that is only ever appended
 * to, in a directory of its own ({@code soteria.audit.witness-file}; by default a folder beside the data directory
 * named after it, or beside the audit signing key when the database is external). Someone who deletes the newest
 * records together with their checkpoints leaves the witness holding a checkpoint the log no longer reaches, and
 * {@code audit verify} names the records cut off (ADR 5). The folder belongs on storage the database's
 * administrators cannot write, ideally append-only (for example {@code chattr +a}) or shipped to a log server.
 *
 * <p>Each line: {@code v1 <seq> <hash hex> <epoch seconds>.<microseconds> <key id> <signature base64>}.
 */
@Component
public class AuditWitness {

    private static final String VERSION = "v1";

    private final Path file;

    public AuditWitness(Environment env) {
        String configured = env.getProperty("soteria.audit.witness-file");
        if (configured != null && !configured.isBlank()) {
            this.file = Path.of(configured).toAbsolutePath();
        } else if (isExternal(env)) {
            Path key = Path.of(env.getProperty("soteria.audit.signing-key-file", "audit-signing-key.pem"))
                    .toAbsolutePath();
            this.file = key.getParent().resolve("audit-witness").resolve("checkpoints.log");
        } else {
            Path data = EmbeddedDatabase.directory(env.getProperty("soteria.data-dir", "data"));
            this.file = data.resolveSibling(data.getFileName() + "-audit-witness").resolve("checkpoints.log");
        }
    }

    private static boolean isExternal(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url != null && !url.isBlank();
    }

    public Path file() {
        return file;
    }

    /** Appends a checkpoint the database has committed, unless the witness already holds it or a later one. */
    synchronized void witness(AuditRepository.Checkpoint c) {
        if (c.seq() <= lastSeq()) {
            return;
        }
        Instant t = AuditChain.storedPrecision(c.at());
        String line = VERSION + " " + c.seq() + " " + HexFormat.of().formatHex(c.hash()) + " " + t.getEpochSecond()
                + "." + String.format("%06d", t.getNano() / 1000) + " " + c.keyId() + " "
                + Base64.getEncoder().encodeToString(c.signature()) + "\n";
        try {
            SecretFiles.createPrivate(file);
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit witness " + file, e);
        }
    }

    /** The sequence number of the last checkpoint in the file (read from its end), 0 when there is none. */
    private long lastSeq() {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 2048));
            in.read(tail, size - tail.capacity());
            String text = new String(tail.array(), 0, tail.position(), StandardCharsets.US_ASCII).stripTrailing();
            String last = text.substring(text.lastIndexOf('\n') + 1);
            return last.isBlank() ? 0 : parse(last).seq();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit witness " + file, e);
        } catch (RuntimeException unreadable) {
            return 0; // verify names the bad line; keep witnessing meanwhile
        }
    }

    /** What the witness holds: whether it exists, its checkpoints in file order, and the first unreadable line. */
    record Read(boolean exists, List<AuditRepository.Checkpoint> checkpoints, String problem) {
    }

    Read read() {
        if (!Files.exists(file)) {
            return new Read(false, List.of(), null);
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit witness " + file, e);
        }
        List<AuditRepository.Checkpoint> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(line));
            } catch (RuntimeException e) {
                return new Read(true, out, "line " + (i + 1) + " of the audit witness " + file
                        + " is not a checkpoint (" + e.getMessage() + ")");
            }
        }
        return new Read(true, out, null);
    }

    private static AuditRepository.Checkpoint parse(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 6 || !VERSION.equals(f[0])) {
            throw new IllegalArgumentException("expected 6 fields starting " + VERSION);
        }
        String[] time = f[3].split("\\.");
        if (time.length != 2) {
            throw new IllegalArgumentException("the time is not seconds.microseconds");
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1]) * 1000);
        return new AuditRepository.Checkpoint(Long.parseLong(f[1]), HexFormat.of().parseHex(f[2]), at, f[4],
                Base64.getDecoder().decode(f[5]));
    }
}
