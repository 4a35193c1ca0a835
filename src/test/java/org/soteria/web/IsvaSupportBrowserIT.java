package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.soteria.support.DatabaseReset;

/**
 * An ISVA's support from referral to a milestone notice, in real Chromium with axe on each page (issue 27): the
 * officer shares the victim's part with the ISVA service on the victim's consent; the suspect's arrest arrives from
 * the force's records; the adviser passes it on, records a support contact (after being told what is missing),
 * raises a concern and asks a question; the officer sees both at once, marks the concern seen and answers; the
 * adviser sees that, in English and in Welsh.
 */
class IsvaSupportBrowserIT extends BrowserPages {

    private static void openForm(BrowserSession b, String summary) {
        b.driver.findElement(By.xpath("//summary[normalize-space()='" + summary + "']")).click();
    }

    private static WebElement form(BrowserSession b, String kind) {
        return b.driver.findElement(By.xpath("//form[input[@name='kind' and @value='" + kind + "']]"));
    }

    @Test
    void anAdviserPassesOnTheArrestAndWorksBesideTheVictimWithTheOfficer() {
        String db = ":temporary:browser";
        String crime = DatabaseReset.ownerQuery(db, "select max(c.id)::text from crime c where c.officer_code = "
                + "(select officer_code from app_user where username = 'investigator') and c.outcome_code is null "
                + "and not c.restricted and c.record_type = 'crime' and not exists (select 1 from case_share s "
                + "where s.crime_id = c.id) and exists (select 1 from case_person v where v.crime_id = c.id "
                + "and v.role = 'victim') and c.recorded_date <= current_date - 7");
        String ref = DatabaseReset.ownerQuery(db, "select crime_ref from crime where id = " + crime);
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.open("/cases/" + crime + "/sharing");
        new Select(b.driver.findElement(By.id("org"))).selectByValue("NWP-ISVA");
        b.driver.findElement(By.cssSelector("input[name=parts][value=contact_plan]")).click();
        b.driver.findElement(By.cssSelector("input[name=parts][value=key_dates]")).click();
        b.driver.findElement(By.cssSelector("input[name=basis][value=consent]")).click();
        LocalDate consented = LocalDate.now().minusDays(1);
        b.type("consentOn", Integer.toString(consented.getDayOfMonth()));
        b.type("consentOn-month", Integer.toString(consented.getMonthValue()));
        b.type("consentOn-year", Integer.toString(consented.getYear()));
        b.clickAndWaitForPage(By.cssSelector("main form button.govuk-button:not(.govuk-button--warning)"));
        assertThat(main(b)).contains("The case is shared.");
        // The arrest comes from the force's records, as imported events do.
        DatabaseReset.owner(db, "insert into event (force_code, event_key, event_id, crime_id, event_type, occurred_at, "
                + "occurred_timed) select force_code, 'id:ISVA-IT-ARREST', 'ISVA-IT-ARREST', id, 'arrest', now(), true "
                + "from crime where id = " + crime);

        as(b, "isva");
        assertThat(main(b)).containsPattern("\\d+ milestones? to pass on");
        b.open("/partner/milestones");
        assertThat(main(b)).contains(ref, "Arrest");
        b.assertAccessible("isva-milestones");
        b.clickAndWaitForPage(By.xpath("//tr[td/a[normalize-space()='" + ref + "']]//button"));
        assertThat(main(b)).contains("Recorded as passed on to the victim");

        b.open("/partner/cases/" + crime);
        assertThat(main(b)).contains("Your support for the victim", "Passed on");
        openForm(b, "Record a support contact with the victim");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record the contact']"));
        assertThat(main(b)).contains("There is a problem", "Choose how the contact took place", "Enter what happened");
        b.assertAccessible("isva-case-errors");
        form(b, "support").findElement(By.cssSelector("input[name=channel][value=phone]")).click();
        form(b, "support").findElement(By.cssSelector("textarea[name=note]")).sendKeys("Told her of the arrest.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record the contact']"));
        assertThat(main(b)).contains("Support contact recorded", "Told her of the arrest.");
        openForm(b, "Raise a concern with the officer");
        form(b, "concern").findElement(By.cssSelector("input[name=concern][value=considering_withdrawal]")).click();
        form(b, "concern").findElement(By.cssSelector("textarea[name=note]")).sendKeys("She may withdraw.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Raise the concern']"));
        openForm(b, "Ask the officer a question");
        form(b, "question").findElement(By.cssSelector("textarea[name=note]")).sendKeys("Is he on bail?");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Ask the question']"));
        assertThat(main(b)).contains("Question sent to the officer", "Waiting for the officer's answer.");
        b.assertAccessible("isva-case");

        as(b, "investigator");
        assertThat(main(b)).containsPattern("\\d+ concerns? or questions? from partners? waits? for you");
        b.open("/partner-notes");
        b.assertAccessible("partner-notes");
        b.clickAndWaitForPage(By.linkText(ref));
        assertThat(main(b)).contains("From partners", "She may withdraw.", "Is he on bail?",
                "The victim is considering withdrawing from the investigation")
                .doesNotContain("Told her of the arrest.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='I have seen this concern']"));
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send the answer']"));
        assertThat(main(b)).contains("Enter your answer");
        b.driver.findElement(By.cssSelector("textarea[name=answer]")).sendKeys("No: he was released under investigation.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send the answer']"));
        assertThat(main(b)).contains("Answer sent to the adviser");
        b.assertAccessible("sharing-from-partners");

        as(b, "isva");
        b.open("/partner/cases/" + crime);
        assertThat(main(b)).contains("Seen by Demo Investigator", "No: he was released under investigation.");
        b.open("/partner/cases/" + crime + "?lang=cy");
        assertThat(main(b)).contains("Eich cymorth i'r dioddefwr", "Gwelwyd gan Demo Investigator");
        b.assertAccessible("isva-case-cy");
        b.open("/partner/cases/" + crime + "?lang=en");
    }
}
