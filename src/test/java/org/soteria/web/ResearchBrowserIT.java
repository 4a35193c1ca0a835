package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Research in real Chromium, axe on every page: the force lead proposes a project (with mistakes first) and
 * approves it; the researcher opens it and runs an interrupted time series and a difference-in-differences.
 */
class ResearchBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }

    private static void type(BrowserSession b, String id, String text) {
        b.type(id, text);
    }


    @Test
    void aForceLeadApprovesAProjectAndItsResearcherEvaluatesAChange() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/research");
        b.assertAccessible("research-projects");
        b.clickAndWaitForPage(By.linkText("Propose a project"));
        b.assertAccessible("research-form");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the project's title").contains("Select at least one researcher");
        b.assertAccessible("research-form-errors");
        type(b, "title", "Early CPS advice and the charge rate");
        type(b, "purpose", "Does seeking early advice from the CPS raise the charge rate?");
        label(b, "lawfulBasis");
        label(b, "members-0");
        type(b, "periodFrom", "2023-01-01");
        type(b, "periodTo", "2026-09-30");
        for (int i = 0; i < 4; i++) {
            label(b, "offenceGroups-" + i);
        }
        type(b, "endsOn", "2027-06-30");
        b.clickAndWaitForPage(By.cssSelector("main form button[type=submit]"));
        assertThat(main(b)).contains("Project proposed").contains("Awaiting approval");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Approve the project']"));
        assertThat(main(b)).contains("Project approved");
        b.assertAccessible("research-project");
        String project = b.driver.getCurrentUrl();

        b.driver.manage().deleteAllCookies();
        b.signIn("researcher", PASSWORD);
        b.open("/research");
        assertThat(main(b)).contains("Early CPS advice and the charge rate");
        b.driver.get(project);
        assertThat(b.driver.findElements(By.partialLinkText("Download the extract"))).hasSize(1);
        label(b, "outcome-2");
        type(b, "change", "2025-04");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Evaluate']"));
        assertThat(main(b)).contains("Interrupted time series").contains("What the method assumes")
                .contains("Change in level");
        b.assertAccessible("research-its");
        new Select(b.driver.findElement(By.id("team"))).selectByIndex(1);
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Evaluate']"));
        assertThat(main(b)).contains("Difference-in-differences").contains("Effect: change in the gap");
        b.assertAccessible("research-did");
        type(b, "change", "April");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Evaluate']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the month of the change as YYYY-MM");
        b.assertAccessible("research-errors");
    }
}
