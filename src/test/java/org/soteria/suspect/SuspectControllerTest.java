package org.soteria.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The register's CSV cannot carry a spreadsheet formula in from an imported name. */
class SuspectControllerTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(SuspectController.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SuspectController.cell("+44 1234")).isEqualTo("'+44 1234");
        assertThat(SuspectController.cell("-1")).isEqualTo("'-1");
        assertThat(SuspectController.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SuspectController.cell("Ann Hughes")).isEqualTo("Ann Hughes");
        assertThat(SuspectController.cell(null)).isNull();
    }
}
