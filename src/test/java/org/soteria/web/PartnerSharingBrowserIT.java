package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.soteria.support.DatabaseReset;

/**
 * Sharing a case with a victim service in real Chromium, axe on each page (issue 27): the investigator's mistakes
 * first, then a share of the victim's contact plan and key dates with the victim's consent; the ISVA sees the case,
 * the victim and never the suspect; the victim withdraws consent and the ISVA's next page is "not found"; the
 * partner's pages in Welsh; the case's access page shows the partner and its look.
 */
class PartnerSharingBrowserIT extends BrowserPages {

    @Test
    void anInvestigatorSharesWithTheIsvaWhoSeesTheVictimUntilConsentIsWithdrawn() {
        String db = ":temporary:browser";
        String crime = DatabaseReset.ownerQuery(db, "select min(c.id)::text from crime c where c.officer_code = "
                + "(select officer_code from app_user where username = 'investigator') and c.outcome_code is null "
                + "and not c.restricted and c.record_type = 'crime' and not exists (select 1 from case_share s "
                + "where s.crime_id = c.id) and exists (select 1 from case_person v where v.crime_id = c.id "
                + "and v.role = 'victim') and exists (select 1 from case_person s where s.crime_id = c.id "
                + "and s.role = 'suspect')");
        String ref = DatabaseReset.ownerQuery(db, "select crime_ref from crime where id = " + crime);
        BrowserSession officer = browser();
        officer.signIn("investigator", PASSWORD);
        officer.open("/cases/" + crime);
        officer.clickAndWaitForPage(By.linkText("Partners"));
        assertThat(main(officer)).contains("Partners in case " + ref, "This case is not shared with any partner.");
        officer.assertAccessible("sharing");

        officer.clickAndWaitForPage(By.cssSelector("main form button.govuk-button:not(.govuk-button--warning)"));
        assertThat(main(officer)).contains("There is a problem", "Choose the partner organisation to share with",
                "Choose what to share", "Choose the lawful basis for sharing");
        officer.assertAccessible("sharing-errors");

        new Select(officer.driver.findElement(By.id("org"))).selectByValue("NWP-ISVA");
        officer.driver.findElement(By.cssSelector("input[name=parts][value=file]")).click();
        officer.driver.findElement(By.cssSelector("input[name=basis][value=consent]")).click();
        officer.clickAndWaitForPage(By.cssSelector("main form button.govuk-button:not(.govuk-button--warning)"));
        assertThat(main(officer)).contains("Share with this organisation only what its kind may have",
                "Enter the date the victim consented to sharing");

        officer.driver.findElement(By.cssSelector("input[name=parts][value=file]")).click();
        officer.driver.findElement(By.cssSelector("input[name=parts][value=contact_plan]")).click();
        officer.driver.findElement(By.cssSelector("input[name=parts][value=key_dates]")).click();
        LocalDate consented = LocalDate.now().minusDays(1);
        officer.type("consentOn", Integer.toString(consented.getDayOfMonth()));
        officer.type("consentOn-month", Integer.toString(consented.getMonthValue()));
        officer.type("consentOn-year", Integer.toString(consented.getYear()));
        officer.clickAndWaitForPage(By.cssSelector("main form button.govuk-button:not(.govuk-button--warning)"));
        assertThat(main(officer)).contains("The case is shared.", "ISVA service (demo)", "The victim's consent");

        // One browser: each person signs in in turn.
        BrowserSession isva = officer;
        isva.driver.manage().deleteAllCookies();
        isva.signIn("isva", PASSWORD);
        assertThat(main(isva)).containsPattern("\\d+ cases? shared with your organisation");
        isva.open("/partner/cases");
        isva.assertAccessible("partner-cases");
        isva.clickAndWaitForPage(By.linkText(ref));
        String page = main(isva);
        assertThat(page).contains("Case " + ref, "The victim", "Victim", "Key dates and decisions",
                "The victim's contact plan").doesNotContain("Suspect", "People in the case");
        isva.assertAccessible("partner-case-isva");

        officer.driver.manage().deleteAllCookies();
        officer.signIn("investigator", PASSWORD);
        officer.open("/cases/" + crime + "/sharing");
        officer.driver.findElement(By.cssSelector("main details.govuk-details summary")).click();
        officer.clickAndWaitForPage(By.xpath("//button[normalize-space()='The victim withdrew consent']"));
        assertThat(main(officer)).contains("withdrawal of consent is recorded", "Ended");

        isva.driver.manage().deleteAllCookies();
        isva.signIn("isva", PASSWORD);
        isva.open("/partner/cases/" + crime);
        assertThat(isva.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        isva.open("/partner/cases?lang=cy");
        assertThat(main(isva)).contains("Achosion a rannwyd â chi");
        isva.assertAccessible("partner-cases-cy");
        isva.open("/partner/cases?lang=en");

        // The case's access page shows the partner beside grants, and the ISVA's look in its log.
        isva.driver.manage().deleteAllCookies();
        isva.signIn("supervisor", PASSWORD);
        isva.open("/cases/" + crime + "/access");
        assertThat(main(isva)).contains("Shared with partners", "ISVA service (demo)", "Ended",
                "Demo ISVA Viewed shared case page");
        isva.assertAccessible("case-access-partners");

        // The administrator registers an organisation, then retires it after a page that says what that ends.
        as(isva, "admin");
        isva.open("/admin/partners");
        isva.type("code", "NWP-SARC-BROWSER");
        isva.driver.findElement(By.cssSelector("input[name=kind][value=sarc]")).click();
        isva.type("name", "Browser test SARC");
        isva.clickAndWaitForPage(By.xpath("//button[normalize-space()='Register']"));
        isva.clickAndWaitForPage(By.xpath("//tr[td[normalize-space()='NWP-SARC-BROWSER']]//a"));
        assertThat(main(isva)).contains("Retire Browser test SARC?", "It has no cases shared with it now.",
                "The organisation has no users.");
        isva.assertAccessible("partner-retire");
        isva.clickAndWaitForPage(By.xpath("//button[normalize-space()='Retire the organisation']"));
        assertThat(main(isva)).contains("Retired");
    }
}
