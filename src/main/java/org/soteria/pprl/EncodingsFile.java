package org.soteria.pprl;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The files of {@code soteria pprl}: an encodings file (one row per record: {@code force_code, person_id, scheme,
 * key_id, filters}, the filters Base64) and a pairs file ({@code force_a, person_id_a, force_b, person_id_b,
 * score}). Identifiers are plain values (no commas, quotes or line breaks), so the rows are read without a
 * general CSV parser: a national run reads millions of them.
 */
public final class EncodingsFile {

    public static final String HEADER = "force_code,person_id,scheme,key_id,filters";
    public static final String PAIRS_HEADER = "force_a,person_id_a,force_b,person_id_b,score";
    private static final String FORCE_CODE = "[A-Za-z0-9_-]{1,16}";

    /** A file that cannot be used, with which file, which line and why. */
    public static final class Unusable extends Exception {
        public Unusable(String message) {
            super(message);
        }
    }

    private EncodingsFile() {
    }

    /** Whether a force code is one the files accept. */
    public static boolean validForceCode(String code) {
        return code != null && code.matches(FORCE_CODE);
    }

    /** Whether an identifier can stand in a row as it is. */
    public static boolean plainValue(String value) {
        return !value.isEmpty() && value.length() <= 200 && value.chars().noneMatch(c -> c == ',' || c == '"'
                || c == '\n' || c == '\r');
    }

    /** Writes rows through a temporary file moved into place, so that a failed run leaves no half file. */
    public interface Rows {
        void write(BufferedWriter out) throws IOException;
    }

    public static void write(Path file, String header, Rows rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write(header);
                out.write('\n');
                rows.write(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Adds the records of one encodings file to {@code into}. Every row must follow this scheme, carry
     * {@code keyId} (the first file's, when null: returned) and name one force throughout; a person_id appears
     * once. {@code forcesSeen} holds the forces already read, so that two files of one force are refused.
     */
    public static String read(Path file, String keyId, EncodedRecords into, Map<String, Path> forcesSeen,
            LongConsumer progress) throws IOException, Unusable {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new Unusable(name + ": no such file");
        }
        String key = keyId;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new Unusable(name + " is empty: expected the header " + HEADER);
            }
            if (!header.replace("\uFEFF", "").strip().equals(HEADER)) {
                throw new Unusable(name + " line 1: the header must be " + HEADER + " (it is " + header.strip() + ")");
            }
            String force = null;
            int forceNumber = -1;
            Map<String, Long> ids = new HashMap<>();
            String line;
            long number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                String where = name + " line " + number + ": ";
                if (cells.length != 5) {
                    throw new Unusable(where + "expected 5 values (" + HEADER + "), found " + cells.length);
                }
                String rowForce = cells[0].strip();
                String id = cells[1].strip();
                if (!validForceCode(rowForce)) {
                    throw new Unusable(where + "force_code '" + rowForce + "' is not a force code (1 to 16 letters, "
                            + "digits, - or _)");
                }
                if (force == null) {
                    force = rowForce;
                    Path earlier = forcesSeen.putIfAbsent(force, file);
                    if (earlier != null) {
                        throw new Unusable(where + "force " + force + " was already read from " + earlier
                                + "; give each force's encodings once, in one file");
                    }
                    forceNumber = into.force(force);
                } else if (!force.equals(rowForce)) {
                    throw new Unusable(where + "force_code is " + rowForce + " but the file is " + force
                            + "'s (line 2); one file holds one force's encodings");
                }
                if (id.isEmpty()) {
                    throw new Unusable(where + "person_id is empty");
                }
                Long first = ids.put(id, number);
                if (first != null) {
                    throw new Unusable(where + "person_id " + id + " appears again (first on line " + first + ")");
                }
                if (!BloomEncoder.SCHEME.equals(cells[2].strip())) {
                    throw new Unusable(where + "scheme is '" + cells[2].strip() + "', but this Soteria compares "
                            + BloomEncoder.SCHEME + " only: encode again with this version");
                }
                String rowKey = cells[3].strip();
                if (!rowKey.matches("[0-9a-f]{16}")) {
                    throw new Unusable(where + "key_id '" + rowKey + "' is not 16 hexadecimal digits");
                }
                if (key == null) {
                    key = rowKey;
                } else if (!key.equals(rowKey)) {
                    throw new Unusable(where + "key_id " + rowKey + " differs from " + key + " of the files before: "
                            + "these encodings were made under another secret (another release, or a mistyped "
                            + "secret) and cannot be compared");
                }
                long[] filters;
                try {
                    filters = BloomEncoder.fromBase64(cells[4].strip());
                } catch (IllegalArgumentException e) {
                    throw new Unusable(where + "filters are " + e.getMessage());
                }
                into.add(forceNumber, id, filters);
                if (into.size() % 100_000 == 0) {
                    progress.accept(into.size());
                }
            }
            if (force == null) {
                throw new Unusable(name + " has a header but no records");
            }
            return key;
        } catch (java.nio.charset.MalformedInputException e) {
            throw new Unusable(name + ": not UTF-8 text");
        }
    }

    /** The pairs, one row each, score to four places. */
    public static void writePairs(Path file, EncodedRecords records, List<Matcher.Pair> pairs) throws IOException {
        write(file, PAIRS_HEADER, out -> {
            for (Matcher.Pair p : pairs) {
                out.write(records.forceCode(records.forceOf(p.a())) + "," + records.id(p.a()) + ","
                        + records.forceCode(records.forceOf(p.b())) + "," + records.id(p.b()) + ","
                        + String.format(java.util.Locale.ROOT, "%.4f", p.score()) + "\n");
            }
        });
    }
}
