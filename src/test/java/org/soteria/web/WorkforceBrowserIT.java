package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.soteria.security.EndpointRules;

/**
 * Development, wellbeing, teams and guidance in real Chromium, axe on every page: an officer keeps
 * their record and checks in, shares with their supervisor, and the supervisor sees the team, the
 * officer's development record (never their wellbeing) and only what was shared.
 */
class WorkforceBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }

    private static void type(BrowserSession b, String id, String text) {
        b.type(id, text);
    }


    @Test
    void anOfficerKeepsTheirRecordAndWellbeingAndTheirSupervisorSeesOnlyWhatIsTheirs() {
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.open("/workforce");
        b.assertAccessible("workforce-own");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your development");

        b.clickAndWaitForPage(By.linkText("Record training"));
        type(b, "completedOn", "2026-02-30");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        b.assertAccessible("workforce-training-errors");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Choose a course or accreditation").contains("must be a real date");
        new Select(b.driver.findElement(By.id("course"))).selectByValue("abe");
        // Issue 24: GOV.UK's date input, and its message for a box left empty.
        type(b, "completedOn", "14//2026");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("must include a month");
        assertThat(b.driver.findElement(By.id("completedOn")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("14");
        type(b, "completedOn", "14/9/2026");
        type(b, "evidence", "Certificate ABE-2291");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Training recorded", "Achieving Best Evidence (ABE) interviewing", "2029");

        b.clickAndWaitForPage(By.linkText("Add to the learning plan"));
        b.assertAccessible("workforce-plan-form");
        type(b, "goal", "Complete the SSAIDP portfolio");
        new Select(b.driver.findElement(By.id("course"))).selectByValue("ssaidp");
        type(b, "targetOn", "2027-06-30");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Complete the SSAIDP portfolio");

        b.open("/workforce/wellbeing");
        b.assertAccessible("workforce-wellbeing");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save check-in']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("I have been able to cope with my workload");
        b.assertAccessible("workforce-wellbeing-errors");
        for (String item : new String[] {"coping-2", "supported-4", "switch_off", "sleep-3", "purpose-5"}) {
            label(b, item);
        }
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save check-in']"));
        assertThat(main(b)).contains("Check-in saved");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Share']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Choose someone in your force to share your check-ins with");
        new Select(b.driver.findElement(By.id("viewer"))).selectByValue("supervisor");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Share']"));
        assertThat(main(b)).contains("Your check-ins are now shared with Demo Supervisor");
        assertThat(new Select(b.driver.findElement(By.id("viewer"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .doesNotContain("supervisor", "investigator");

        b.open("/workforce/guidance");
        b.assertAccessible("workforce-guidance");

        // The supervisor: the team, the officer's development record, and only the check-ins shared with them.
        b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/workforce/teams?needs=abe");
        b.assertAccessible("workforce-teams");
        assertThat(main(b)).contains("Readiness", "Caseload and allocation", "Fewer than 5 people checked in: not shown");
        b.clickAndWaitForPage(By.cssSelector("#allocation ~ table.govuk-table tbody a"));
        b.assertAccessible("workforce-officer");
        assertThat(main(b)).doesNotContain("wellbeing", "check-in", "Check-in");
        b.open("/workforce/wellbeing/shared");
        b.assertAccessible("workforce-wellbeing-shared");
        assertThat(main(b)).contains("investigator");
        b.open("/workforce/abstractions");
        b.assertAccessible("workforce-abstraction-form");
        new Select(b.driver.findElement(By.id("officer"))).selectByIndex(1);
        type(b, "duty", "Public order: football");
        type(b, "startsOn", "2026-11-02");
        type(b, "endsOn", "2026-11-03");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Abstraction recorded", "Public order: football");

        // No API path reaches wellbeing, so no token can export it.
        assertThat(org.soteria.security.AllRoutes.rules()).filteredOn(EndpointRules.Rule::isApi)
                .noneMatch(r -> r.pattern().contains("workforce") || r.pattern().contains("wellbeing"));
    }

    @Test
    void theForceLeadPublishesGuidanceAndANewVersion() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/workforce/guidance");
        b.clickAndWaitForPage(By.linkText("Add guidance"));
        type(b, "url", "not a link");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        b.assertAccessible("workforce-guidance-errors");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Choose the pillar", "Enter the title", "starting with https://", "Enter a summary");
        label(b, "pillar-1");
        type(b, "title", "Disrupting repeat suspects: a toolkit");
        type(b, "url", "https://example.org/toolkit");
        type(b, "summary", "Civil orders, bail conditions and partners' powers.");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Guidance added", "Disrupting repeat suspects: a toolkit", "Version 1");
        b.clickAndWaitForPage(By.partialLinkText("Publish a new version"));
        b.assertAccessible("workforce-guidance-version");
        type(b, "summary", "Now with stalking protection orders.");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Version 2 published", "Now with stalking protection orders.");
    }
}
