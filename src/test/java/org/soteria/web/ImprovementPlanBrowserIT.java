package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The improvement plan in real Chromium, axe on every page: the force lead adds an action linked to a measure
 * (a mistake first), records its progress and the day it went live, and reads the plan on a page beside the
 * measure before and after; a supervisor reads the plan.
 */
class ImprovementPlanBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }


    @Test
    void theForceLeadBuildsThePlanAndSeesItBesideItsMeasures() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/improvement");
        b.assertAccessible("improvement-plan-empty");
        b.clickAndWaitForPage(By.linkText("Add an action"));
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the action']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter the action")
                .contains("Select the pillar");
        b.assertAccessible("improvement-action-form-errors");
        b.driver.findElement(By.id("title")).sendKeys("Check every suspect's history within 7 days");
        b.driver.findElement(By.id("description")).sendKeys("Deep dive: histories were checked late or not at all");
        label(b, "pillar");
        b.driver.findElement(By.id("owner")).sendKeys("DCI RASSO lead");
        b.type("dueOn", "2027-03-31");
        // issue 26: linked to two measures (the charge rate first in the list, files returned by the CPS further down)
        b.driver.findElement(By.cssSelector("input[name='measures'][value='charge_rate'] + label")).click();
        b.driver.findElement(By.cssSelector("input[name='measures'][value='cps_files_returned'] + label")).click();
        // and to a statement of the officer survey
        b.driver.findElement(By.cssSelector("input[name='statements'][value='C1'] + label")).click();
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the action']"));
        assertThat(main(b)).contains("Action added to the plan")
                .contains("Charge rate, Files returned by the CPS (not live yet)")
                .contains("What officers say", "I feel confident investigating rape and serious sexual offences.");
        b.assertAccessible("improvement-action");
        label(b, "rag");
        b.driver.findElement(By.id("note")).sendKeys("Checklist in use by all teams");
        b.type("liveOn", "2026-03-01");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record progress']"));
        assertThat(main(b)).contains("Progress recorded").contains("Charge rate:").contains("Files returned by the CPS:")
                .contains("in the six months before");
        assertThat(main(b)).as("did it work: the charge rate month by month, by interrupted time series")
                .contains("Did it work?", "March 2026", "Change in level", "What the method assumes");
        // Issue 26: the day it went live marks the charge rate's XmR chart, and the chart's table says what went live.
        b.open("/performance?from=2026-06-01&to=2026-11-30");
        String xmr = b.driver.findElement(By.id("xmr")).getAttribute("textContent");
        assertThat(xmr).contains("Improvement action went live", "Check every suspect's history within 7 days went live");
        assertThat(b.driver.findElements(By.cssSelector("#xmr svg g > title"))).extracting(t -> t.getAttribute("textContent"))
                .containsExactly("Check every suspect's history within 7 days went live");
        b.assertAccessible("performance-xmr-with-an-action");
        b.open("/improvement");
        b.assertAccessible("improvement-plan");
        b.clickAndWaitForPage(By.partialLinkText("plan on a page"));
        assertThat(main(b)).contains("Operation Soteria improvement plan").as("other browser tests may have added amber actions to the demo force's plan")
                .containsPattern("Actions: \\d+ \\(1 green, \\d+ amber, 0 red\\)");
        b.assertAccessible("improvement-plan-summary");
        // The linked measure is named in the page's language (it was English on Welsh pages).
        b.open("/improvement?lang=cy");
        assertThat(main(b)).contains("Cyfradd gyhuddo:").doesNotContain("Charge rate");
        b.open("/improvement?lang=en");

        b.driver.manage().deleteAllCookies();
        b.signIn("supervisor", PASSWORD);
        b.open("/improvement");
        assertThat(main(b)).contains("Check every suspect's history within 7 days");
        assertThat(b.driver.findElements(By.linkText("Add an action"))).isEmpty();
    }
}
