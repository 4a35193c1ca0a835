package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.soteria.suspect.LinkageService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Repeat suspects in real Chromium, axe on every page: the register, an entry, the links awaiting
 * review and a review (with a mistake first), then an order recorded for a repeat suspect (with a
 * mistake first), the orders list and the alerts.
 */
class SuspectBrowserIT extends BrowserPages {

    @Autowired
    LinkageService linkage;

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }

    @Test
    void anAnalystReviewsAProposedLink() {
        linkage.refresh(false);
        BrowserSession b = browser();
        b.signIn("analyst", PASSWORD);
        b.open("/repeat-suspects");
        b.assertAccessible("register");
        assertThat(b.driver.findElements(By.cssSelector("main table tbody tr"))).as("the demo force has repeat suspects")
                .isNotEmpty();
        b.clickAndWaitForPage(By.cssSelector("main table tbody tr td a"));
        b.assertAccessible("register-entry");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Records and why they were linked");

        b.open("/repeat-suspects/links");
        b.assertAccessible("links-awaiting-review");
        b.clickAndWaitForPage(By.partialLinkText("Review"));
        b.assertAccessible("link-review");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Why the engine proposed them");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Select whether these records are the same person").contains("Enter why you decided this");
        b.assertAccessible("link-review-errors");
        label(b, "decision-1");
        b.driver.findElement(By.id("reason")).sendKeys("Different dates of birth confirmed on PNC");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains("Link rejected");

    }

    @Test
    void aSupervisorRecordsAnOrderForARepeatSuspect() {
        linkage.refresh(false);
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/repeat-suspects");
        b.clickAndWaitForPage(By.cssSelector("main table tbody tr td a"));
        b.clickAndWaitForPage(By.partialLinkText("Record for"));
        b.assertAccessible("order-form");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Select the type of order or condition").contains("Enter date made or imposed");
        b.assertAccessible("order-form-errors");
        label(b, "type-1");
        b.type("madeDate", "2026-11-01");
        b.type("expiresDate", "2026-12-15");
        b.driver.findElement(By.id("prohibitions")).sendKeys("Not to contact the victim; not to enter Bangor");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Interim Sexual Risk Order");
        b.assertAccessible("order-page");
        b.open("/disruption");
        b.assertAccessible("orders");
        b.open("/disruption/alerts");
        b.assertAccessible("alerts");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Interim Sexual Risk Order");
    }
}
