package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soteria.suspect.LinkageService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, home pages: every role signs in to its own work, most urgent first, counted, each kind a link to the
 * page where it is done (and that page opens for them), with the tools of the role beside it; never a
 * placeholder. In Welsh too, and with axe.
 */
class HomeBrowserIT extends BrowserPages {

    private static final List<String> ROLES = List.of("investigator", "supervisor", "victim-liaison", "analyst",
            "force-lead", "auditor", "researcher", "admin", "records-manager", "national-coordinator", "cps-prosecutor",
            "isva");

    @Autowired
    LinkageService linkage;

    @Test
    void everyRoleLandsOnItsWorkAndEveryLinkOnItOpens() {
        linkage.refresh(false);
        BrowserSession b = browser();
        for (String role : ROLES) {
            b.driver.manage().deleteAllCookies();
            b.signIn(role, PASSWORD);
            assertThat(b.driver.findElement(By.tagName("h1")).getText()).as(role).isEqualTo("Your work");
            String main = b.driver.findElement(By.tagName("main")).getText();
            assertThat(main).as(role).contains("Your tools").doesNotContain("will appear here", "{", "homeWork.");
            List<String> links = b.driver.findElements(By.cssSelector("main a")).stream()
                    .map(a -> a.getAttribute("href")).distinct().toList();
            assertThat(links).as(role + ": its tools are on its home page").isNotEmpty();
            for (String href : links) {
                b.driver.get(href);
                assertThat(b.driver.findElement(By.tagName("h1")).getText()).as(role + " " + href)
                        .doesNotContain("You do not have access", "Page not found", "Sorry");
            }
        }
    }

    /** The accessibility check itself finds what it should: an image without a text alternative, a field without a label. */
    @Test
    void theAccessibilityCheckFindsABrokenPage() {
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        assertThat(b.accessibilityViolations()).isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("var m = document.querySelector('main');"
                + "m.insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\"><input type=\"text\">');");
        assertThat(b.accessibilityViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt:"))
                .anySatisfy(v -> assertThat(v).startsWith("label:"));
    }

    @Test
    void aSupervisorSeesReviewsAndApprovalsCountedMostUrgentFirstAndInWelsh() {
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.assertAccessible("home-supervisor");
        List<String> headings = b.driver.findElements(By.cssSelector("main h2")).stream().map(WebElement::getText).toList();
        assertThat(headings).as("overdue before what is waiting, before what is coming")
                .containsSubsequence("Overdue", "Waiting for you").endsWith("Your tools");
        WebElement reviews = b.driver.findElement(By.cssSelector("main a[href='/casework?tab=reviews']"));
        assertThat(reviews.getText()).matches("\\d+ supervisor reviews? (overdue|due)");
        assertThat(b.driver.findElement(By.cssSelector("main a[href='/casework?tab=approvals']")).getText())
                .matches("\\d+ requests? for the victim's material to approve");
        b.clickAndWaitForPage(By.cssSelector("main a[href='/casework?tab=approvals']"));
        assertThat(b.driver.findElement(By.cssSelector("main [aria-current=page]")).getText())
                .startsWith("Requests to approve");

        b.open("/?lang=cy");
        b.assertAccessible("home-supervisor-cy");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Eich gwaith");
        assertThat(b.driver.findElement(By.cssSelector("main a[href='/casework?tab=approvals']")).getText())
                .matches("\\d+ cais am ddeunydd y dioddefwr i'w (g|c)ymeradwyo");
        b.open("/?lang=en");
    }

    @Autowired
    org.soteria.performance.MeasureService measures;

    /** Issue 24: the force lead sees the figures they steer by, against the year before, with the way to the rest. */
    @Test
    void theForceLeadSeesTheForcesFigures() throws InterruptedException {
        for (int i = 0; i < 120 && !measures.readyForPages(); i++) {
            Thread.sleep(500);
        }
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        String main = b.driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("The force's figures", "Charge rate", "Victims' Code duties met on time")
                .containsPattern("\\d+\\.\\d%").containsPattern("points on the 12 months before|to [A-Z][a-z]+ \\d{4}");
        b.assertAccessible("home-force-lead");
        b.clickAndWaitForPage(By.linkText("All the measures, on the performance dashboard"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Performance");
        b.driver.manage().deleteAllCookies();
        b.signIn("investigator", PASSWORD);
        assertThat(b.driver.findElement(By.tagName("main")).getText()).as("a role without the measures")
                .doesNotContain("The force's figures");
    }

    @Test
    void anAnalystWithNoWorkWaitingIsToldSoAndGivenTheirTools() {
        BrowserSession b = browser();
        b.signIn("researcher", PASSWORD);
        b.assertAccessible("home-researcher");
        String main = b.driver.findElement(By.tagName("main")).getText();
        assertThat(main).contains("Nothing is overdue, due today or waiting for you", "Your tools", "Research");
    }

    /** Issue 24: a person chooses alerts by e-mail from their home page, with GOV.UK's errors, in both languages. */
    @Test
    void anInvestigatorChoosesAlertsByEmail() {
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.clickAndWaitForPage(By.linkText("Get your work by e-mail"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Alerts by e-mail");
        assertThat(b.driver.findElement(By.id("no-mail")).getText()).as("the browser tests' force has no mail server")
                .contains("has not set up an e-mail server");
        b.driver.findElement(By.id("email")).clear();
        b.driver.findElement(By.id("email")).sendKeys("ivan@gmail.com");
        if (b.driver.findElement(By.id("how")).isSelected()) {
            b.driver.findElement(By.id("how")).click();
        }
        b.clickAndWaitForPage(By.cssSelector("main form[action='/account/alerts'] button"));
        String summary = b.driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(summary).contains("Enter an address ending police.uk", "Select when Soteria should write to you");
        b.assertAccessible("alerts-errors");

        b.driver.findElement(By.id("email")).clear();
        b.driver.findElement(By.id("email")).sendKeys("ivan.investigator@north.police.uk");
        b.driver.findElement(By.id("how")).click();
        b.driver.findElement(By.id("how-immediate")).click();
        b.clickAndWaitForPage(By.cssSelector("main form[action='/account/alerts'] button"));
        assertThat(b.driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Your alerts are saved");
        assertThat(b.driver.findElement(By.id("current")).getText()).isEqualTo("Alerts go to "
                + "ivan.investigator@north.police.uk: a summary every morning at 07:00, and a message straight away "
                + "when work becomes overdue or due today.");
        assertThat(b.driver.findElement(By.id("sent")).getText()).isEqualTo("Messages sent to you");
        b.assertAccessible("alerts-chosen");

        b.open("/account/alerts?lang=cy");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rhybuddion drwy e-bost");
        assertThat(b.driver.findElement(By.id("current")).getText()).startsWith("Mae rhybuddion yn mynd i ")
                .endsWith("neu'n ddyledus heddiw.");
        b.assertAccessible("alerts-cy");
        b.open("/account/alerts?lang=en");
        b.clickAndWaitForPage(By.cssSelector("main form[action='/account/alerts/stop'] button"));
        assertThat(b.driver.findElement(By.className("govuk-notification-banner")).getText())
                .contains("Alerts by e-mail are stopped");
    }
}
