package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soteria.support.DatabaseReset;

/**
 * An officer survey from sending to a focus group's theme, in real Chromium with axe on each page (issue 26, ADR 42):
 * the force lead sends it to a team (after being told what is missing); an officer of the team answers (likewise)
 * and cannot answer twice; the lead sees participation, never answers, closes it and is told that too few answered to
 * show anything; a focus group's theme is recorded; in English and in Welsh.
 */
class OfficerSurveyBrowserIT extends BrowserPages {

    @Test
    void aSurveyGoesToATeamIsAnsweredAnonymouslyAndClosesWithItsFocusGroupThemes() {
        String db = ":temporary:browser";
        String team = DatabaseReset.ownerQuery(db, "select min(team_code) from user_team where username = 'investigator'");
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/deep-dive");
        b.clickAndWaitForPage(By.linkText("Officer surveys and focus groups"));
        assertThat(main(b)).contains("Officer surveys", "Send a survey");
        b.assertAccessible("officer-surveys");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send the survey']"));
        assertThat(main(b)).contains("There is a problem", "Enter a title of at least 3 characters",
                "Choose the teams whose officers are asked", "Enter the closing day");
        b.assertAccessible("officer-surveys-errors");
        b.type("title", "Deep dive winter 2026: officers");
        b.driver.findElement(By.cssSelector("input[name=teams][value='" + team + "']")).click();
        LocalDate closes = LocalDate.now().plusDays(14);
        b.type("closesOn", Integer.toString(closes.getDayOfMonth()));
        b.type("closesOn-month", Integer.toString(closes.getMonthValue()));
        b.type("closesOn-year", Integer.toString(closes.getYear()));
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send the survey']"));
        assertThat(main(b)).contains("The survey is open", "0 of", "Close the survey now");
        String wave = b.driver.getCurrentUrl().replaceAll(".*/officer-surveys/(\\d+).*", "$1");
        b.assertAccessible("officer-survey-open");

        as(b, "investigator");
        assertThat(main(b)).contains("1 officer survey to answer, anonymously");
        b.open("/workforce/wellbeing");
        b.clickAndWaitForPage(By.linkText("Officer surveys"));
        b.clickAndWaitForPage(By.linkText("Deep dive winter 2026: officers"));
        assertThat(main(b)).contains("Your answers are anonymous", "1 of 12: Wellbeing",
                "I can manage the emotional demands of RASSO work.");
        b.assertAccessible("officer-survey-answer");
        List<WebElement> first = b.driver.findElements(By.cssSelector("input[type=radio][value='4']"));
        assertThat(first).hasSize(12);
        for (int i = 0; i < first.size() - 1; i++) {
            first.get(i).click();
        }
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send my answers']"));
        assertThat(main(b)).contains("There is a problem", "Choose an answer to statement 12, or prefer not to say");
        b.assertAccessible("officer-survey-answer-errors");
        b.driver.findElement(By.id("D1-skip")).click();
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Send my answers']"));
        assertThat(main(b)).contains("Thank you: your answers are recorded, without your name", "Answered");
        b.open("/surveys/" + wave);
        assertThat(main(b)).contains("You have answered this survey. Thank you.").doesNotContain("Send my answers");
        b.open("/surveys/" + wave + "?lang=cy");
        assertThat(main(b)).contains("Rydych wedi ateb yr arolwg hwn. Diolch.");
        b.open("/surveys?lang=en");

        as(b, "force-lead");
        b.open("/officer-surveys/" + wave);
        assertThat(main(b)).contains("1 of", "Open until the end of").doesNotContain("Strongly agree", "By statement");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Close the survey now']"));
        assertThat(main(b)).contains("The survey is closed and its answers sealed", "Results",
                "1 officer answered, fewer than 5: nothing is shown");
        // The demo force has three officers: the answers of sixteen more, as closing seals them, so that the results
        // pass the threshold and the page shows them by team (nine of the survey's team, eight of another).
        DatabaseReset.owner(db, "insert into survey_sealed (wave_id, team_code, answers) select " + wave + ", case when "
                + "g % 2 = 0 then 'OTHER' else '" + team + "' end, array[1 + g % 5, 2 + g % 4, 3, 4, 5 - g % 5, 4, 3, "
                + "null, 2 + g % 4, 4, 3, 5]::smallint[] from generate_series(1, 16) g");
        b.open("/officer-surveys/" + wave);
        assertThat(main(b)).contains("By statement (17 officers answered)", "By pillar", "By team and theme",
                "1. Suspect-focused investigation", "too few", "OTHER");
        b.assertAccessible("officer-survey-results");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record the theme']"));
        assertThat(main(b)).contains("Enter the day the group met", "Enter how many officers took part, from 1 to 100",
                "Choose the pillar", "Enter the theme, at least 3 characters");
        b.assertAccessible("officer-survey-theme-errors");
        LocalDate held = LocalDate.now().minusDays(2);
        b.type("heldOn", Integer.toString(held.getDayOfMonth()));
        b.type("heldOn-month", Integer.toString(held.getMonthValue()));
        b.type("heldOn-year", Integer.toString(held.getYear()));
        b.type("participants", "7");
        new org.openqa.selenium.support.ui.Select(b.driver.findElement(By.id("pillar"))).selectByValue("4");
        b.type("theme", "Caseloads leave no time for reflective supervision");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Record the theme']"));
        assertThat(main(b)).contains("Theme recorded", "Caseloads leave no time for reflective supervision",
                "4. Learning, development and wellbeing of officers");
        b.assertAccessible("officer-survey-closed");
        b.open("/officer-surveys/" + wave + "?lang=cy");
        assertThat(main(b)).contains("Grwpiau ffocws", "Canlyniadau");
        b.assertAccessible("officer-survey-closed-cy");
        b.open("/officer-surveys?lang=en");
    }
}
