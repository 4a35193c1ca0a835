package org.soteria.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.soteria.linkage.LinkageFiles;
import org.soteria.linkage.PersonRecord;
import org.soteria.operations.Progress;
import org.soteria.pprl.BloomEncoder;
import org.soteria.pprl.EncodedRecords;
import org.soteria.pprl.EncodingsFile;
import org.soteria.pprl.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Privacy-preserving record linkage outside the server, so that the hub's matching can be checked (ADR 31). */
@Command(name = "pprl", mixinStandardHelpOptions = true,
        description = "Encode a force's people under the release's shared secret, or match forces' encodings as the "
                + "hub does. Needs no database.",
        subcommands = {PprlCommand.Encode.class, PprlCommand.Match.class})
final class PprlCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("soteria pprl: say encode or match (soteria pprl --help)");
        return 2;
    }

    @Command(name = "encode", mixinStandardHelpOptions = true,
            description = "Write one row of Bloom-filter encodings per record of a people.csv (given name, family name, "
                    + "date of birth, postcode, PNC identifier; names salted with the year of birth), keyed by the record's own "
                    + "person_id.")
    static final class Encode implements Callable<Integer> {

        @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people.csv to encode.")
        Path people;

        @Option(names = "--secret-file", required = true, paramLabel = "FILE",
                description = "A file holding the release's secret, agreed between the forces and never given to the "
                        + "hub: its first line that is not blank or a # comment, at least 16 characters.")
        Path secretFile;

        @Option(names = "--force", required = true, paramLabel = "CODE", description = "The force whose records these are.")
        String force;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the encodings.")
        Path out;

        @Override
        public Integer call() throws IOException {
            Progress progress = Progress.standardError("soteria pprl encode");
            long started = System.nanoTime();
            try {
                if (!EncodingsFile.validForceCode(force)) {
                    throw new EncodingsFile.Unusable("--force '" + force + "' is not a force code (1 to 16 letters, "
                            + "digits, - or _)");
                }
                BloomEncoder encoder = new BloomEncoder(secret(secretFile));
                List<PersonRecord> records = LinkageFiles.readPeople(people, w -> System.err.println("Warning: " + w),
                        n -> progress.during("read", n, 0, System.nanoTime() - started));
                for (PersonRecord p : records) {
                    if (!EncodingsFile.plainValue(p.personId())) {
                        throw new EncodingsFile.Unusable(people + ": person_id '" + p.personId() + "' holds a comma, "
                                + "quote or line break, or is longer than 200 characters; it cannot key an encoding");
                    }
                }
                progress.step(String.format("Encoding %,d records of %s (key id %s)", records.size(), force,
                        encoder.keyId()));
                String[] rows = new String[records.size()];
                IntStream.range(0, records.size()).parallel().forEach(i -> {
                    PersonRecord p = records.get(i);
                    rows[i] = force + "," + p.personId() + "," + BloomEncoder.SCHEME + "," + encoder.keyId() + ","
                            + BloomEncoder.toBase64(encoder.encode(p));
                });
                EncodingsFile.write(out, EncodingsFile.HEADER, w -> {
                    for (String row : rows) {
                        w.write(row);
                        w.write('\n');
                    }
                });
                progress.step(String.format("Wrote %,d encodings to %s in %.1f s", rows.length, out,
                        (System.nanoTime() - started) / 1e9));
                return 0;
            } catch (EncodingsFile.Unusable | LinkageFiles.InputException e) {
                System.err.println("soteria pprl encode: " + e.getMessage());
                return 2;
            } catch (IllegalArgumentException e) {
                System.err.println("soteria pprl encode: " + secretFile + ": " + e.getMessage());
                return 2;
            } catch (java.nio.file.NoSuchFileException e) {
                System.err.println("soteria pprl encode: no such file: " + e.getFile());
                return 2;
            }
        }

        /** The secret a file holds, with a warning when others than its owner may read the file. */
        static String secret(Path file) throws IOException, EncodingsFile.Unusable {
            if (!Files.isRegularFile(file)) {
                throw new EncodingsFile.Unusable(file + ": no such file (the secret file)");
            }
            try {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
                if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                    System.err.println("Warning: " + file + " can be read by other users; chmod 600 it");
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: nothing to check
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    return s;
                }
            }
            throw new EncodingsFile.Unusable(file + " holds no secret (only blank lines or # comments)");
        }
    }

    @Command(name = "match", mixinStandardHelpOptions = true,
            description = "Find the records of different forces that may be the same person, as the hub does: MinHash "
                    + "blocking over the encodings, weighted Dice similarity, each record's best match in each other "
                    + "force. Writes force_a,person_id_a,force_b,person_id_b,score.")
    static final class Match implements Callable<Integer> {

        @Option(names = "--encodings", required = true, paramLabel = "FILE",
                description = "One force's encodings (from pprl encode); give two or more, one per force.")
        List<Path> encodings;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the pairs.")
        Path out;

        @Option(names = "--threshold", paramLabel = "S", defaultValue = Matcher.DEFAULT_THRESHOLD,
                description = "The similarity (above 0, at most 1) from which a pair is reported. Default: "
                        + Matcher.DEFAULT_THRESHOLD + ".")
        double threshold;

        @Override
        public Integer call() throws IOException {
            Progress progress = Progress.standardError("soteria pprl match");
            long started = System.nanoTime();
            try {
                if (!(threshold > 0 && threshold <= 1)) {
                    throw new EncodingsFile.Unusable("--threshold must be above 0 and at most 1, not " + threshold);
                }
                if (encodings.size() < 2) {
                    throw new EncodingsFile.Unusable("give at least two --encodings files (one per force): matching "
                            + "compares records of different forces");
                }
                long bytes = 0;
                for (Path file : encodings) {
                    bytes += Files.isRegularFile(file) ? Files.size(file) : 0;
                }
                // a row is about 390 bytes: room for all of them at once rather than growing by copies
                EncodedRecords records = new EncodedRecords((int) Math.min(Integer.MAX_VALUE / 64, bytes / 380 + 16));
                Map<String, Path> forces = new HashMap<>();
                String keyId = null;
                for (Path file : encodings) {
                    progress.step("Reading " + file);
                    keyId = EncodingsFile.read(file, keyId, records, forces,
                            n -> progress.during("read", n, 0, System.nanoTime() - started));
                }
                progress.step(String.format("Read %,d records of %d forces (key id %s)", records.size(),
                        records.forces(), keyId));
                Matcher.Result result = new Matcher(threshold).match(records, progress);
                if (result.stats().oversizedBuckets() > 0) {
                    System.err.printf("Note: %,d keys shared by more than %,d records each were not compared (values "
                            + "so common they say nothing)%n", result.stats().oversizedBuckets(), Matcher.LARGEST_BUCKET);
                }
                EncodingsFile.writePairs(out, records, result.pairs());
                progress.step(String.format("Wrote %,d pairs to %s, of %,d candidates compared, in %.1f s",
                        result.pairs().size(), out, result.stats().candidates(), (System.nanoTime() - started) / 1e9));
                return 0;
            } catch (EncodingsFile.Unusable e) {
                System.err.println("soteria pprl match: " + e.getMessage());
                return 2;
            } catch (java.nio.file.NoSuchFileException e) {
                System.err.println("soteria pprl match: no such file or folder: " + e.getFile());
                return 2;
            }
        }
    }
}
