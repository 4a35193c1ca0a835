package org.soteria.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner of the case record (issue 20, ADR 21): only the investigation feature names the tables crime,
 * person, case_person and event in SQL; every other feature reads and writes them through the views it
 * publishes (investigation_crime, …), under the same row-level security.
 */
class CaseRecordOwnerTest {

    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(from|join|update|into|table|analyze|truncate|exists)\\s+(only\\s+)?(crime|person|case_person|event)\\b(?![.(\\w])");

    /** Each place in a SQL string of {@code file} that names one of the tables, as file:line. */
    static List<String> namings(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = TABLE.matcher(line);
            while (m.find()) {
                boolean inString = line.substring(0, m.start()).chars().filter(c -> c == '"').count() % 2 == 1;
                if (inString) {
                    found.add(file + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> all = Files.walk(Path.of("src/main/java/org/soteria"))) {
            return all.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void noFeatureButInvestigationNamesTheCaseRecordsTablesInSql() throws IOException {
        List<String> outside = new ArrayList<>();
        int inside = 0;
        for (Path file : sources()) {
            List<String> here = namings(file);
            if (file.startsWith(Path.of("src/main/java/org/soteria/investigation"))) {
                inside += here.size();
            } else {
                outside.addAll(here);
            }
        }
        assertThat(inside).as("the owner's own queries are found, so the check can see them").isGreaterThan(10);
        assertThat(outside).as("use the views investigation_crime, investigation_person, investigation_case_person "
                + "and investigation_event (ADR 21)").isEmpty();
    }

    @Test
    void theCheckSeesATableInAStringAndNotInProse(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("X.java");
        Files.writeString(file, String.join("\n",
                "// rows come from crime and person",
                "String sql = \"select c.id from crime c join case_person cp on cp.crime_id = c.id \"",
                "        + \"where exists (select 1 from event e)\";",
                "String ok = \"select * from investigation_crime crime join crime_stage s on true\";"));
        assertThat(namings(file)).hasSize(3);
    }
}
