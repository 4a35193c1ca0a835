package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The victim's journey in real Chromium, axe on every page: the morning queue, a victim's page, the
 * contact plan and contact log (with a mistake first), a withdrawal, a feedback link; the victim's
 * feedback form at 320 px with JavaScript off; the supervisor's overdue view and the comments page.
 */
class VictimBrowserIT extends BrowserPages {

    /** Clicks a radio or checkbox by its label, as a person does (the GOV.UK input itself is transparent). */
    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }

    @Test
    void aLiaisonOfficerWorksThroughTheQueueAndAVictimsJourney() {
        BrowserSession b = browser();
        b.signIn("victim-liaison", PASSWORD);
        b.open("/victims/due");
        b.assertAccessible("victims-queue-mine");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Victims' Code duties");
        b.clickAndWaitForPage(By.linkText("My teams"));
        b.assertAccessible("victims-queue-team");
        // The overdue tab, so that the first victim listed has an overdue duty whatever the names sort to.
        b.clickAndWaitForPage(By.partialLinkText("Overdue ("));
        List<WebElement> victims = b.driver.findElements(By.cssSelector("main table tbody tr td:nth-child(3) a"));
        assertThat(victims).as("the demo team has overdue duties").isNotEmpty();
        String victimName = victims.get(0).getText();
        b.clickAndWaitForPage(By.cssSelector("main table tbody tr td:nth-child(3) a"));
        b.assertAccessible("victim-page");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(victimName);
        String victimUrl = b.driver.getCurrentUrl();
        assertThat(b.driver.findElements(By.cssSelector(".govuk-tag--red"))).as("an overdue duty").isNotEmpty();

        // The contact plan, first with a mistake.
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Agree a contact plan' "
                + "or normalize-space()='Change the contact plan']"));
        label(b, "preferredChannel");
        label(b, "thisNumberOnly");
        WebElement every = b.driver.findElement(By.id("updateEveryDays"));
        every.clear();
        every.sendKeys("200");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        b.assertAccessible("victim-plan-errors");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the only number the victim may be contacted on")
                .contains("How often to update the victim must be between 1 and 90 days");
        b.driver.findElement(By.id("safeNumber")).sendKeys("07700 900123");
        every = b.driver.findElement(By.id("updateEveryDays"));
        every.clear();
        every.sendKeys("7");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.getCurrentUrl()).as(() -> b.driver.findElement(By.tagName("main")).getText())
                .isEqualTo(victimUrl);
        assertThat(b.driver.findElement(By.cssSelector(".govuk-notification-banner")).getText())
                .contains("Contact plan saved");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("This number only", "07700 900123");

        // A contact that refers the victim to support.
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Log a contact']"));
        b.assertAccessible("victim-contact-form");
        label(b, "purpose-2");
        label(b, "channel");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Choose the service the victim was referred to").contains("Enter what was said");
        b.assertAccessible("victim-contact-errors");
        label(b, "referral");
        b.driver.findElement(By.id("summary")).sendKeys("Referred to the ISVA service; she agreed.");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.tagName("main")).getText())
                .contains("Referred to the ISVA service; she agreed.");

        // A withdrawal.
        b.clickAndWaitForPage(By.partialLinkText("Record a withdrawal"));
        b.assertAccessible("victim-journey-form");
        label(b, "what-0");
        label(b, "reason-3");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Not kept updated");

        // A feedback link, then the victim's form in a phone-sized browser without JavaScript.
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Create a feedback link']"));
        b.assertAccessible("victim-feedback-link");
        String link = b.driver.findElement(By.id("feedback-link")).getText();
        assertThat(link).contains("/feedback/");
        // axe needs JavaScript, so the form is checked at 320 px in this browser; then filled in without it.
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 1000));
        b.driver.get(link);
        b.assertAccessible("feedback-form-320");
        assertThat((Boolean) ((JavascriptExecutor) b.driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing scrolls sideways at 320 px").isTrue();
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        try (BrowserSession phone = new BrowserSession(port, false, 320)) {
            phone.driver.get(link);
            phone.screenshot("feedback-form-320-no-js");
            String page = phone.driver.findElement(By.tagName("body")).getText();
            assertThat(page).contains("Tell us how you were treated", "Exit this page")
                    .doesNotContain(victimName).doesNotContain("NWP");
            phone.driver.findElement(By.cssSelector("label[for=dignity-4]")).click();
            phone.driver.findElement(By.cssSelector("label[for=trust-skip]")).click();
            phone.driver.findElement(By.id("comment")).sendKeys("The officer listened.");
            phone.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
            phone.screenshot("feedback-thanks-no-js");
            assertThat(phone.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
            phone.driver.get(link);
            assertThat(phone.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link no longer works");
        }
        b.driver.get(link);
        b.assertAccessible("feedback-used");
        b.open(victimUrl.replace("http://localhost:" + port, ""));
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("used")
                .as("the victim's answers are never on their page").doesNotContain("The officer listened.");

        // The same journey in Welsh (issue 21): the contact plan says the victim's language is Welsh, so the new
        // link carries it and the form opens in Welsh at 320 px.
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Change the contact plan']"));
        label(b, "language-1");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("The victim's language", "Cymraeg");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Create a feedback link']"));
        String welsh = b.driver.findElement(By.id("feedback-link")).getText();
        assertThat(welsh).endsWith("?lang=cy");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("opens the form in Welsh");
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 1000));
        b.driver.get(welsh);
        assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dywedwch wrthym sut y cawsoch eich trin");
        assertThat(b.driver.findElement(By.tagName("body")).getText()).contains("Gadael y dudalen hon",
                "Cefais fy nhrin ag urddas a pharch", "Byddai'n well gennyf beidio â dweud")
                .doesNotContain("Tell us how you were treated", "strongly agree");
        b.assertAccessible("feedback-form-cy-320");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Mae problem wedi codi", "Atebwch o leiaf un cwestiwn");
        assertThat(b.driver.getTitle()).startsWith("Gwall:");
        b.assertAccessible("feedback-form-cy-error-320");
        b.driver.findElement(By.cssSelector("label[for=voice-4]")).click();
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Diolch");
        b.assertAccessible("feedback-thanks-cy-320");
        b.driver.get(welsh);
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nid yw'r ddolen hon yn gweithio mwyach");
        b.clickAndWaitForPage(By.cssSelector("a[hreflang=en]"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("This link no longer works");
        b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @Test
    void aSupervisorSeesOverdueDutiesByTeamAndOfficer() {
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/victims/overdue");
        b.assertAccessible("victims-overdue-by-officer");
        List<WebElement> officers = b.driver.findElements(By.cssSelector("main table tbody tr td:nth-child(2) a"));
        assertThat(officers).isNotEmpty();
        b.clickAndWaitForPage(By.cssSelector("main table tbody tr td:nth-child(2) a"));
        assertThat(b.driver.getCurrentUrl()).contains("scope=officer", "show=overdue");
        b.assertAccessible("victims-queue-officer");
        assertThat(b.driver.findElements(By.cssSelector("main table tbody tr"))).isNotEmpty();
    }

    @Test
    void theForceLeadReadsCommentsOnlyInMonthsWithEnoughOfThem() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/victims/feedback-comments");
        b.assertAccessible("victims-feedback-comments");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains("own words");
        b.open("/victims/feedback-comments?month=" + java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")));
        assertThat(b.driver.findElement(By.tagName("main")).getText()).as("the open month is never shown")
                .contains("This month has not ended");
        b.open("/victims/feedback-comments?month=2026-13");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Month must be a real month");
        b.assertAccessible("victims-feedback-comments-error");
    }
}
