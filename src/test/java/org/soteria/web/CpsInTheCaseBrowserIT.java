package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.soteria.support.DatabaseReset;

/**
 * A case from early advice to charge with a prosecutor and an officer, in real Chromium with axe on each page
 * (issue 27): the officer shares the file with the CPS unit and asks for advice; the prosecutor answers it (after
 * being told what is missing) and adds an action for the CPS; the officer refers the file, the prosecutor returns it
 * with the points to fix, the officer refers it again and the prosecutor charges; the officer sees each answer and
 * the decisions on the CPS page; the prosecutor's page in Welsh; the month's joint case review opened and noted.
 */
class CpsInTheCaseBrowserIT extends BrowserPages {

    private static WebElement reviewForm(BrowserSession b) {
        return b.driver.findElement(By.cssSelector("main form[action$='/review']"));
    }

    private static void answer(BrowserSession b, String verdict, String note) {
        if (verdict != null) {
            reviewForm(b).findElement(By.cssSelector("input[name=verdict][value=" + verdict + "]")).click();
        }
        WebElement text = reviewForm(b).findElement(By.cssSelector("textarea[name=note]"));
        text.clear();
        if (note != null) {
            text.sendKeys(note);
        }
        b.clickAndWaitForPage(By.cssSelector("main form[action$='/review'] button"));
    }

    @Test
    void aFileGoesFromEarlyAdviceToChargeBetweenTheOfficerAndTheProsecutor() {
        String db = ":temporary:browser";
        String crime = DatabaseReset.ownerQuery(db, "select max(c.id)::text from crime c where c.officer_code = "
                + "(select officer_code from app_user where username = 'investigator') and c.outcome_code is null "
                + "and not c.restricted and c.record_type = 'crime' and not exists (select 1 from case_share s "
                + "where s.crime_id = c.id) and not exists (select 1 from cps_submission s where s.crime_id = c.id) "
                + "and c.recorded_date <= current_date - 7");
        String ref = DatabaseReset.ownerQuery(db, "select crime_ref from crime where id = " + crime);
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.open("/cases/" + crime + "/sharing");
        new Select(b.driver.findElement(By.id("org"))).selectByValue("NWP-CPS-RASSO");
        b.driver.findElement(By.cssSelector("input[name=parts][value=file]")).click();
        b.driver.findElement(By.cssSelector("input[name=basis][value=law_enforcement]")).click();
        b.clickAndWaitForPage(By.cssSelector("main form button.govuk-button:not(.govuk-button--warning)"));
        assertThat(main(b)).contains("The case is shared.");

        b.open("/cases/" + crime + "/cps");
        b.type("question", "Is her first account and the messages enough to charge?");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record the request for advice']"));
        assertThat(main(b)).contains("Early advice requested", "Awaiting the CPS");

        as(b, "cps-prosecutor");
        assertThat(main(b)).containsPattern("\\d+ requests? or referrals? waits? for your answer");
        b.open("/partner/cases");
        assertThat(b.driver.findElement(By.xpath("//tr[td/a[normalize-space()='" + ref + "']]")).getText())
                .contains("Waiting for your answer");
        b.open("/partner/cases/" + crime);
        b.clickAndWaitForPage(By.linkText("The file with the CPS"));
        assertThat(main(b)).contains("Case " + ref, "Waiting for your answer",
                "Is her first account and the messages enough to charge?");
        b.assertAccessible("prosecutor-file");
        answer(b, null, null);
        assertThat(main(b)).contains("There is a problem", "Enter your advice");
        b.assertAccessible("prosecutor-file-errors");
        answer(b, null, "Take the friend's statement; then refer for a decision.");
        assertThat(main(b)).contains("Your answer is recorded", "Nothing is waiting for your answer.", "Advice given");

        b.driver.findElement(By.xpath("//summary[normalize-space()='Add an action to the plan']")).click();
        b.type("action", "Review the unused material schedule");
        b.driver.findElement(By.cssSelector("input[name=side][value=cps]")).click();
        b.type("actionDue", "20");
        b.type("actionDue-month", "12");
        b.type("actionDue-year", "2030");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the action']"));
        assertThat(main(b)).contains("Action added", "Review the unused material schedule", "CPS");

        as(b, "investigator");
        b.open("/cases/" + crime + "/cps");
        assertThat(main(b)).contains("Take the friend's statement; then refer for a decision.",
                "Review the unused material schedule");
        assertThat(b.driver.findElements(By.xpath("//button[starts-with(normalize-space(), 'Mark done')]")))
                .as("the CPS's action is the prosecutor's to mark done").isEmpty();
        b.assertAccessible("officer-cps-answered");
        for (WebElement item : b.driver.findElements(By.cssSelector("input[name=items]"))) {
            if (!item.isSelected()) {
                item.click();
            }
        }
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the checklist']"));
        b.type("summary", "One charge of rape; the friend's statement is in the file.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Refer to the CPS']"));
        assertThat(main(b)).contains("Referred to the CPS");

        as(b, "cps-prosecutor");
        b.open("/partner/cases/" + crime + "/cps");
        answer(b, "returned", null);
        assertThat(main(b)).contains("Enter the points the police must fix before the file comes back");
        answer(b, "returned", "The medical findings are missing.");
        assertThat(main(b)).contains("Returned for further work", "Nothing is waiting for your answer.");

        as(b, "investigator");
        b.open("/cases/" + crime + "/cps");
        assertThat(main(b)).contains("Returned for further work", "The medical findings are missing.",
                "Further evidence requested");
        b.type("summary", "Medical findings added.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Refer to the CPS']"));

        as(b, "cps-prosecutor");
        b.open("/partner/cases/" + crime + "/cps");
        answer(b, "charge", "The evidence meets the full code test; charge rape.");
        assertThat(main(b)).contains("Your answer is recorded");
        b.open("/partner/cases/" + crime + "/cps?lang=cy");
        assertThat(main(b)).contains("Y ffeil gyda GEG", "Cyhuddo");
        b.assertAccessible("prosecutor-file-cy");
        b.open("/partner/cases/" + crime + "/cps?lang=en");

        as(b, "investigator");
        b.open("/cases/" + crime + "/cps");
        assertThat(main(b)).contains("The evidence meets the full code test; charge rape.", "Charge");
        assertThat(b.driver.findElements(By.xpath("//main//td[normalize-space()='Charge']"))).as("the decision event")
                .isNotEmpty();

        // The month's joint case review: the prosecutor opens it and notes a case; the supervisor finds it listed.
        as(b, "cps-prosecutor");
        b.open("/joint-reviews");
        b.assertAccessible("joint-reviews");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Open the review']"));
        assertThat(main(b)).contains("The review is open, with its sample of cases", "Joint case review,");
        b.assertAccessible("joint-review");
        b.clickAndWaitForPage(By.xpath("(//main//button[starts-with(normalize-space(), 'Save the note')])[1]"));
        assertThat(main(b)).contains("Enter your note");
        b.driver.findElement(By.cssSelector("main form textarea[name=note]")).sendKeys("On track for a decision.");
        b.clickAndWaitForPage(By.xpath("(//main//button[starts-with(normalize-space(), 'Save the note')])[1]"));
        assertThat(main(b)).contains("Note saved", "On track for a decision.");
        b.open("/joint-reviews?lang=cy");
        assertThat(main(b)).contains("Adolygiadau achos ar y cyd");
        b.assertAccessible("joint-reviews-cy");
        b.open("/joint-reviews?lang=en");
        as(b, "supervisor");
        b.open("/joint-reviews");
        assertThat(main(b)).contains("CPS RASSO unit (demo)");
    }
}
