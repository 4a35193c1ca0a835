package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The deep dive in real Chromium, axe on every page: the force lead draws a sample (a mistake first) and
 * reviews a crime; an academic reviews the same crime (a mistake first) and sees no name; the agreement and
 * the findings by pillar.
 */
class DeepDiveBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }


    private static void rate(BrowserSession b, boolean missed) {
        // The force lead rates the suspect focus needs improvement, the academic excellent: they differ.
        label(b, missed ? "suspect_focus-3" : "suspect_focus-1");
        label(b, "timeliness-2");
        label(b, "victim_engagement-2");
        label(b, "proportionality-4");
        label(b, missed ? "missedOpportunity" : "missedOpportunity-1");
    }

    @Test
    void aSampleIsDrawnReviewedTwiceAndItsFindingsRead() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/deep-dive");
        b.assertAccessible("deep-dive");
        b.driver.findElement(By.id("perStratum")).clear();
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Draw the sample']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter a title for the sample").contains("Enter how many crimes to draw");
        b.assertAccessible("deep-dive-errors");
        b.driver.findElement(By.id("title")).sendKeys("Deep dive 2026");
        b.driver.findElement(By.id("perStratum")).sendKeys("1");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Draw the sample']"));
        assertThat(main(b)).contains("Sample drawn").contains("Seed");
        b.assertAccessible("deep-dive-sample");
        String sample = b.driver.getCurrentUrl();
        b.open(sample.substring(sample.indexOf("/deep-dive")) + "/crimes/1");
        b.assertAccessible("deep-dive-crime");
        rate(b, false);
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the review']"));
        assertThat(main(b)).contains("Review saved for sample crime 1");

        b.driver.manage().deleteAllCookies();
        b.signIn("researcher", PASSWORD);
        b.open(sample.substring(sample.indexOf("/deep-dive")) + "/crimes/1");
        assertThat(main(b)).contains("Sample crime 1").doesNotContain("NWP/").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        rate(b, true);
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the review']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Describe the missed opportunity");
        b.assertAccessible("deep-dive-crime-errors");
        b.driver.findElement(By.id("missedNote")).sendKeys("The earlier report against the suspect was not linked");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the review']"));
        assertThat(main(b)).contains("Review saved").contains("Agreement between reviewers");
        assertThat(b.driver.findElements(By.partialLinkText("Findings by pillar"))).isEmpty();

        b.driver.manage().deleteAllCookies();
        b.signIn("force-lead", PASSWORD);
        b.open(sample.substring(sample.indexOf("/deep-dive")));
        assertThat(main(b)).as("reviewers by name; agreement across every reviewer").contains(
                "Demo Force Soteria lead, Demo Researcher", "Alpha", "Krippendorff");
        b.clickAndWaitForPage(By.partialLinkText("Findings by pillar"));
        assertThat(main(b)).contains("1. Suspect-focused investigation").contains("The earlier report against the suspect");
        b.assertAccessible("deep-dive-findings");

        // Issue 26: where the reviewers differ, the force lead settles the rating the findings use.
        b.clickAndWaitForPage(By.linkText("Settle where reviewers differ"));
        assertThat(main(b)).contains("Sample crime 1", "Focus on the suspect", "Demo Researcher", "Excellent",
                "Needs improvement", "Not settled");
        b.assertAccessible("deep-dive-disagreements");
        b.clickAndWaitForPage(By.xpath("//button[starts-with(normalize-space(), 'Settle')]"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Choose the rating to settle on");
        b.assertAccessible("deep-dive-disagreements-error");
        label(b, "rating-1-suspect_focus-2");
        b.clickAndWaitForPage(By.xpath("//button[starts-with(normalize-space(), 'Settle')]"));
        assertThat(main(b)).contains("Rating settled for sample crime 1", "Settled: Good");

        // Issue 26: a finding becomes an improvement action, linked both ways.
        b.clickAndWaitForPage(By.linkText("Back to the sample"));
        b.clickAndWaitForPage(By.partialLinkText("Findings by pillar"));
        b.clickAndWaitForPage(By.linkText("Add an improvement action that answers this"));
        assertThat(main(b)).contains("This action answers the deep dive Deep dive 2026: Focus on the suspect");
        b.assertAccessible("improvement-action-answering");
        b.driver.findElement(By.id("title")).sendKeys("Check every suspect's history within 7 days");
        b.driver.findElement(By.id("description")).sendKeys("Deep dive: histories were checked late");
        label(b, "pillar");
        b.driver.findElement(By.id("owner")).sendKeys("DCI RASSO lead");
        b.type("dueOn", "2027-03-31");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the action']"));
        assertThat(main(b)).contains("Action added to the plan", "Answers",
                "the deep dive Deep dive 2026: Focus on the suspect");
        b.clickAndWaitForPage(By.partialLinkText("the deep dive Deep dive 2026"));
        assertThat(main(b)).contains("Findings by pillar", "Improvement actions: Check every suspect's history within 7 days");
        String csv = b.driver.findElement(By.partialLinkText("Download the figures")).getAttribute("href");
        WebClient web = new WebClient(port);
        web.signIn("force-lead", PASSWORD);
        String figures = web.get(csv.substring(csv.indexOf("/deep-dive"))).body();
        assertThat(figures).startsWith("pillar,item,crimes_rated,poor,needs_improvement,good,excellent,not_applicable")
                .contains("1. Suspect-focused investigation,suspect_focus,1,0,0,1,0,0,3.00,0")
                .doesNotContain("earlier report");

        // Issue 26: the deep-dive report puts the findings beside officers' views and the data, pillar by pillar,
        // with the action that answers them.
        b.clickAndWaitForPage(By.partialLinkText("The deep-dive report"));
        assertThat(main(b)).contains("Deep-dive report", "1. Suspect-focused investigation", "Case file review",
                "What officers said", "What the data show", "Charge rate", "Days from report to charge",
                "Check every suspect's history within 7 days", "6. Proportionate digital forensics");
        b.assertAccessible("deep-dive-report");
        String report = b.driver.getCurrentUrl();
        b.open(report.substring(report.indexOf("/deep-dive")) + "?lang=cy");
        assertThat(main(b)).contains("Adroddiad yr adolygiad manwl", "Yr hyn y mae''r data''n ei ddangos".replace("''", "'"));
        b.assertAccessible("deep-dive-report-cy");
        b.open(report.substring(report.indexOf("/deep-dive")) + "?lang=en");
        String reportCsv = web.get(report.substring(report.indexOf("/deep-dive")) + ".csv").body();
        assertThat(reportCsv).startsWith("pillar,source,item,count,value,note")
                .contains("1,case_review,suspect_focus,1,3.0", "1,data,charge_rate,").doesNotContain("earlier report");
    }

    /** A crafted form naming nested or indexed fields is a form with those fields missing, not a server error. */
    @Test
    void fieldNamesWithAPathAreIgnoredAndTheFormSaysWhatIsMissing() {
        WebClient web = new WebClient(port);
        web.signIn("force-lead", PASSWORD);
        web.get("/deep-dive");
        var r = web.post("/deep-dive/new", java.util.Map.of("title", "Crafted", "from.day", "31", "to.month[3]", "2",
                "perStratum[9]", "5", "allocation", "equal"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("govuk-error-summary");
    }
}
