package org.soteria.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soteria.linkage.LinkQuality;
import org.soteria.linkage.LinkageFiles;
import org.soteria.linkage.Linker;
import org.soteria.linkage.Nicknames;
import org.soteria.linkage.PersonRecord;
import org.soteria.linkage.RecordSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Links the records of a people.csv into people, without a database: file in, file out. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Find the records of a people.csv (exchange format, any subset of its columns) that are the same "
                + "person, and write person_id,cluster_id for every row. Probabilistic (Fellegi-Sunter) linkage with "
                + "a model estimated from the file itself; no labels are needed. Progress goes to standard error.")
final class LinkCommand implements Callable<Integer> {

    @Option(names = "--people", required = true, paramLabel = "FILE", description = "The people.csv to link.")
    Path people;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write person_id,cluster_id.")
    Path out;

    @Option(names = "--threshold", paramLabel = "P",
            description = "Match probability (between 0 and 1) from which a pair is a match. "
                    + "Default: chosen from the distribution of scores.")
    Double threshold;

    @Option(names = "--explain", paramLabel = "FILE",
            description = "Also write every matched pair with the level and weight of each field.")
    Path explain;

    @Option(names = "--decisions", paramLabel = "FILE",
            description = "Reviewers' decisions to respect: person_id_a,person_id_b,decision (confirmed or rejected).")
    Path decisions;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "person_id,identity_id of known identities (others are taken as people of their own): "
                    + "prints pairwise and B-cubed precision, recall and F1 of the clusters written.")
    Path truth;

    @Option(names = "--naive", description = "Link by exact given name, family name and date of birth only (the baseline).")
    boolean naive;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        try {
            if (threshold != null && !(threshold > 0 && threshold < 1)) {
                System.err.println("soteria link: --threshold is a probability between 0 and 1 (exclusive), not " + threshold);
                return 2;
            }
            List<PersonRecord> records = LinkageFiles.readPeople(people, w -> System.err.println("Warning: " + w),
                    n -> System.err.printf("Read %,d records%n", n));
            List<Linker.Decision> decided = decisions == null ? List.of() : LinkageFiles.readDecisions(decisions);
            Map<String, String> identities = truth == null ? null : LinkageFiles.readTwoColumns(truth, "person_id", "identity_id");
            Linker linker = new Linker(Nicknames.standard());
            RecordSet set;
            int[] clusters;
            if (naive) {
                set = new RecordSet(records, Nicknames.standard());
                clusters = linker.naive(records);
            } else {
                Linker.Result result = linker.link(records, new Linker.Options(threshold, null, null, 20240101L), decided,
                        message -> System.err.println(message));
                set = result.records();
                clusters = result.clusters();
                if (result.stats().decisionsUnknown() > 0) {
                    System.err.printf("Warning: %d decisions name a person_id that is not in %s and were not used%n",
                            result.stats().decisionsUnknown(), people.getFileName());
                }
                if (explain != null) {
                    LinkageFiles.writeExplanations(explain, result);
                }
            }
            RecordSet.Warnings warnings = set.warnings();
            if (warnings.invalidDatesOfBirth() > 0) {
                System.err.printf("Warning: %,d %s of birth could not be read as %s and %s treated as missing%n",
                        warnings.invalidDatesOfBirth(), plural(warnings.invalidDatesOfBirth(), "date", "dates"),
                        plural(warnings.invalidDatesOfBirth(), "a date", "dates"),
                        plural(warnings.invalidDatesOfBirth(), "was", "were"));
            }
            if (warnings.impossibleDatesOfBirth() > 0) {
                System.err.printf("Note: %,d %s of birth %s no calendar date (a month above 12, a day the month does not have); "
                        + "%s compared digit by digit%n", warnings.impossibleDatesOfBirth(),
                        plural(warnings.impossibleDatesOfBirth(), "date", "dates"),
                        plural(warnings.impossibleDatesOfBirth(), "is", "are"),
                        plural(warnings.impossibleDatesOfBirth(), "it is", "they are"));
            }
            if (warnings.unknownSexValues() > 0) {
                System.err.printf("Warning: %,d sex %s not female, male, other or unknown and %s treated as missing%n",
                        warnings.unknownSexValues(), plural(warnings.unknownSexValues(), "value was", "values were"),
                        plural(warnings.unknownSexValues(), "was", "were"));
            }
            LinkageFiles.writeClusters(out, set, clusters);
            System.err.printf("Wrote %,d rows to %s in %.1f s%n", set.size(), out, (System.nanoTime() - started) / 1e9);
            if (identities != null) {
                report(set, clusters, identities);
            }
            return 0;
        } catch (LinkageFiles.InputException e) {
            System.err.println("soteria link: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("soteria link: no such file: " + e.getFile());
            return 2;
        }
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }

    private static void report(RecordSet set, int[] clusters, Map<String, String> identities) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] identity = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            String known = identities.get(set.personId(i));
            identity[i] = numbers.computeIfAbsent(known != null ? "t:" + known : "r:" + set.personId(i), k -> numbers.size());
        }
        LinkQuality q = LinkQuality.of(clusters, identity);
        System.err.printf("Pairwise: precision %.4f, recall %.4f, F1 %.4f (%,d true pairs, %,d linked, %,d correct)%n",
                q.precision(), q.recall(), q.f1(), q.truePairs(), q.predictedPairs(), q.correctPairs());
        System.err.printf("B-cubed: precision %.4f, recall %.4f, F1 %.4f%n", q.bcubedPrecision(), q.bcubedRecall(), q.bcubedF1());
    }
}
