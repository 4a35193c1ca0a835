package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The self-assessment in real Chromium, axe on every page: the national coordinator publishes a new version of
 * the framework; the force lead starts an assessment, answers a section (a mistake first) and uploads evidence
 * (a wrong file first); an academic partner comments and marks it for review; the task list and the comparison.
 */
class AssessmentBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }


    private static void button(BrowserSession b, String text) {
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    @Test
    void aForceLeadRunsAnAssessmentThatAnAcademicPartnerComments() throws Exception {
        BrowserSession b = browser();
        b.signIn("national-coordinator", PASSWORD);
        b.open("/frameworks");
        b.assertAccessible("frameworks");
        b.clickAndWaitForPage(By.partialLinkText("Operation Soteria self-assessment, version 1"));
        button(b, "Make a new version from this one");
        assertThat(main(b)).contains("Draft made");
        b.driver.findElement(By.id("text")).sendKeys("How does the force share RASSO data with the CPS?");
        button(b, "Save the question");
        assertThat(main(b)).contains("Question added");
        b.assertAccessible("framework-draft");
        button(b, "Publish this version");
        assertThat(main(b)).contains("Published");

        b.driver.manage().deleteAllCookies();
        b.signIn("force-lead", PASSWORD);
        b.open("/assessment");
        b.assertAccessible("assessments");
        b.driver.findElement(By.id("title")).sendKeys("Self-assessment 2026");
        button(b, "Start the assessment");
        assertThat(main(b)).contains("Assessment started").contains("You have completed 0 of 7 sections");
        b.assertAccessible("task-list");
        String taskList = b.driver.getCurrentUrl();
        b.clickAndWaitForPage(By.linkText("1. Suspect-focused investigation"));
        b.assertAccessible("assessment-section");
        label(b, "completed");
        button(b, "Save and continue");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("a completed section answers every question");
        b.assertAccessible("assessment-section-errors");
        for (var radio : b.driver.findElements(By.cssSelector("input[type=radio][value='2'] + label"))) {
            radio.click();
        }
        b.driver.findElements(By.tagName("textarea")).get(0).sendKeys("Checks on day one in two of three teams");
        label(b, "completed");
        button(b, "Save and continue");
        assertThat(main(b)).contains("Section saved").contains("You have completed 1 of 7 sections");

        b.clickAndWaitForPage(By.linkText("1. Suspect-focused investigation"));
        // Issue 24: an upload keeps what was typed above it, refused or not.
        b.driver.findElements(By.tagName("textarea")).get(1).sendKeys("Supervisors challenge in weekly reviews");
        Path wrong = Files.createTempFile("evidence", ".pdf");
        Files.writeString(wrong, "not really a pdf");
        b.driver.findElement(By.id("file")).sendKeys(wrong.toString());
        button(b, "Upload");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The file's content is not a .pdf file");
        assertThat(b.driver.findElements(By.tagName("textarea")).get(1).getAttribute("value"))
                .isEqualTo("Supervisors challenge in weekly reviews");
        b.assertAccessible("assessment-evidence-error");
        Path csv = Files.createTempFile("checks", ".csv");
        Files.writeString(csv, "team,checked\nT01,12\n");
        b.driver.findElement(By.id("file")).sendKeys(csv.toString());
        button(b, "Upload");
        assertThat(main(b)).contains("Evidence uploaded").contains(csv.getFileName().toString());
        assertThat(b.driver.findElements(By.tagName("textarea")).get(1).getAttribute("value"))
                .as("saved with the upload").isEqualTo("Supervisors challenge in weekly reviews");

        // Issue 26: what a section found becomes an improvement action, linked both ways.
        String section = b.driver.getCurrentUrl();
        b.clickAndWaitForPage(By.linkText("Add an improvement action that answers this"));
        assertThat(main(b)).contains("This action answers the self-assessment", "Suspect-focused investigation");
        b.driver.findElement(By.id("title")).sendKeys("Supervisors check histories on day one");
        b.driver.findElement(By.id("description")).sendKeys("Self-assessment: one team in three does not");
        label(b, "pillar");
        b.driver.findElement(By.id("owner")).sendKeys("DCI RASSO lead");
        b.type("dueOn", "2027-03-31");
        button(b, "Add the action");
        assertThat(main(b)).contains("Action added to the plan", "Answers", "the self-assessment");
        b.open(section.substring(section.indexOf("/assessment")));
        assertThat(main(b)).contains("Improvement actions: Supervisors check histories on day one");

        b.driver.manage().deleteAllCookies();
        b.signIn("researcher", PASSWORD);
        b.open(taskList.substring(taskList.indexOf("/assessment")));
        b.clickAndWaitForPage(By.linkText("1. Suspect-focused investigation"));
        assertThat(main(b)).contains("Checks on day one in two of three teams");
        b.driver.findElement(By.id("comment")).sendKeys("Two of three teams: is it force-wide yet?");
        label(b, "needsReview");
        button(b, "Add the comment");
        assertThat(main(b)).contains("Comment added").contains("Needs review");
        b.assertAccessible("assessment-section-academic");
        b.open(taskList.substring(taskList.indexOf("/assessment")));
        assertThat(main(b)).contains("Needs review");
        b.open("/assessment/compare");
        b.assertAccessible("assessment-compare");
    }
}
