package org.soteria.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exchange files, defined once: the importer's order, headers the generator may write, and their checks. */
class ExchangeFileTest {

    @Test
    void theFilesAreAppliedWithReferencesPointingBackwards() {
        assertThat(ExchangeFile.names()).containsExactly("cases.csv", "teams.csv", "officers.csv", "people.csv",
                "case_people.csv", "events.csv", "orders.csv", "feedback.csv");
        assertThat(BundleImporter.FILES).isEqualTo(ExchangeFile.names());
        for (ExchangeFile f : ExchangeFile.values()) {
            assertThat(f.columns()).as(f.file()).containsAll(f.required()).doesNotHaveDuplicates();
            assertThat(ExchangeFile.named(f.file())).contains(f);
        }
        assertThat(ExchangeFile.named("notes.csv")).isEmpty();
    }

    @Test
    void aHeaderMayLeaveColumnsOutButNeverNameOneTheFormatDoesNotHave() {
        assertThat(ExchangeFile.TEAMS.header("team_code", "name")).containsExactly("team_code", "name");
        assertThatThrownBy(() -> ExchangeFile.CASES.header("crime_ref", "victim_name"))
                .hasMessageContaining("victim_name is not a column of cases.csv");
        assertThat(ExchangeFile.CASES.columns()).startsWith("crime_ref", "force_code").endsWith("restricted");
        assertThat(List.of(ExchangeFile.values())).hasSize(8);
    }
}
