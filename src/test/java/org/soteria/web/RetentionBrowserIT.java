package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.soteria.support.DatabaseReset;

/**
 * The records manager's MoPI pages in real Chromium, axe on each (issue 29): the queue (empty in the demo force,
 * whose crimes are all younger than ten years), a record's review with a mistake first, a decision to retain, the
 * decisions taken, and the review in Welsh.
 */
class RetentionBrowserIT extends BrowserPages {

    @Test
    void theRecordsManagerReviewsARecordAndRetainsIt() {
        String crime = DatabaseReset.ownerQuery(":temporary:browser", "select max(id)::text from crime");
        BrowserSession b = browser();
        b.signIn("records-manager", PASSWORD);
        b.open("/retention");
        b.assertAccessible("retention-queue");
        assertThat(main(b)).contains("Records due for MoPI review", "Records deleted");

        b.open("/retention/crimes/" + crime);
        b.assertAccessible("retention-review");
        assertThat(main(b)).contains("MoPI group", "Group 1: certain public protection matters", "Keep until");
        b.clickAndWaitForPage(By.cssSelector("main button[type=submit]"));
        assertThat(main(b)).contains("There is a problem", "Choose whether to retain or delete the record",
                "Enter the reason for the decision");
        b.assertAccessible("retention-review-errors");

        b.driver.findElement(By.cssSelector("label[for='decision']")).click();
        b.type("reason", "Checked the record: complete and still necessary");
        b.clickAndWaitForPage(By.cssSelector("main button[type=submit]"));
        assertThat(main(b)).contains("The record is retained and its next review date is set.");

        b.open("/retention/decisions");
        b.assertAccessible("retention-decisions");
        assertThat(main(b)).contains("Checked the record: complete and still necessary", crime);

        b.open("/retention/crimes/" + crime + "?lang=cy");
        assertThat(main(b)).contains("Penderfyniadau blaenorol", "Eich penderfyniad");
        b.assertAccessible("retention-review-cy");
        b.open("/retention?lang=en");
    }
}
