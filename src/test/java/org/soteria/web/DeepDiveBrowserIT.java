package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soteria.support.DatabaseReset;

/**
 * A whole deep dive in real Chromium, axe on every page (issue 26): the force lead draws a sample (a mistake first)
 * and reviews a crime; an academic reviews the same crime (a mistake first) and sees no name; the agreement, the
 * findings by pillar and the disagreement settled; the officers surveyed and a focus group's theme; a recommendation
 * becomes an action, live and marked on its measure's chart; the deep-dive report with all of it, in both languages.
 */
class DeepDiveBrowserIT extends BrowserPages {

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }


    private static void rate(BrowserSession b, boolean missed) {
        // The force lead rates the suspect focus needs improvement, the academic excellent: they differ.
        label(b, missed ? "suspect_focus-3" : "suspect_focus-1");
        label(b, "timeliness-2");
        label(b, "early_evidence-2");
        b.driver.findElement(By.id("context_examined")).sendKeys("The relationship and the weeks after were examined");
        label(b, "repeat_checks-1");
        label(b, "victim_engagement-2");
        label(b, "victims_code");
        label(b, "force_interpreter-3");
        label(b, "supervision");
        label(b, "recording-2");
        label(b, "proportionality-4");
        label(b, missed ? "missedOpportunity" : "missedOpportunity-1");
    }

    /**
     * The review form is data (issue 26, ADR 43): the national coordinator makes version 3 of the national template
     * with an item on early evidence and publishes it; the force lead adds an item of the force's own (a mistake
     * first), in English and Welsh.
     */
    private void reviewTemplates(BrowserSession b) {
        b.signIn("national-coordinator", PASSWORD);
        b.open("/review-templates");
        b.assertAccessible("review-templates-coordinator");
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Soteria case file review, version 2']"));
        assertThat(main(b)).contains("Soteria case file review, version 2", "Items by pillar",
                "5. Data-led performance monitoring", "recording", "Yes, partly or no");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Make a new version from this one']"));
        assertThat(main(b)).contains("Draft made", "Soteria case file review, version 3");
        b.driver.findElement(By.id("code")).sendKeys("early_evidence");
        label(b, "pillar");
        b.driver.findElement(By.id("text")).sendKeys("Was evidence secured early: scene, forensic, digital, witnesses?");
        b.driver.findElement(By.id("textCy")).sendKeys("A gafodd tystiolaeth ei sicrhau'n gynnar?");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the item']"));
        assertThat(main(b)).contains("Item added to the draft", "early_evidence");
        b.assertAccessible("review-template-draft");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Publish this version']"));
        assertThat(main(b)).contains("Published: forces can now draw samples on this version");

        b.driver.manage().deleteAllCookies();
        b.signIn("force-lead", PASSWORD);
        b.open("/review-templates");
        assertThat(main(b)).contains("Your force has added no items of its own.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the item']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter a short name", "Choose the pillar its findings inform", "Enter the item");
        b.assertAccessible("review-templates-errors");
        b.driver.findElement(By.id("code")).sendKeys("interpreter");
        label(b, "pillar-2");
        label(b, "scale-1");
        label(b, "mayNotApply-0");
        b.driver.findElement(By.id("text")).sendKeys("Was an interpreter offered where the victim needed one?");
        b.driver.findElement(By.id("guidance")).sendKeys("Not applicable when the victim needed none.");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the item']"));
        assertThat(main(b)).contains("Item force_interpreter added", "Was an interpreter offered",
                "Reviewers may answer “not applicable”");
        b.assertAccessible("review-templates-own");
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Change Was an interpreter offered where the victim needed one?']"));
        assertThat(main(b)).contains("Change an item of your own", "force_interpreter",
                "No sample has been drawn with this item yet");
        b.driver.findElement(By.id("text")).clear();
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the changes']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter the item");
        b.assertAccessible("review-item-edit-errors");
        b.driver.findElement(By.id("text")).sendKeys("Was an interpreter offered where the victim or a witness needed one?");
        b.driver.findElement(By.id("textCy")).sendKeys("A gynigiwyd cyfieithydd lle'r oedd ei angen?");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the changes']"));
        assertThat(main(b)).contains("Item force_interpreter changed", "where the victim or a witness needed one?");
        b.open("/review-templates?lang=cy");
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()=\"Newid A gynigiwyd cyfieithydd lle'r oedd ei angen?\"]"));
        assertThat(main(b)).contains("Newid un o'ch eitemau eich hun", "Cadw'r newidiadau");
        b.assertAccessible("review-item-edit-cy");
        b.open("/review-templates?lang=en");
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Soteria case file review, version 3']"));
        assertThat(main(b)).as("the force lead reads the national template, and cannot change it")
                .contains("early_evidence").doesNotContain("Make a new version from this one", "Publish this version");
        b.open("/review-templates?lang=cy");
        assertThat(main(b)).contains("Templedi adolygu ffeiliau achos", "Adolygiad ffeil achos Soteria",
                "Eitemau eich heddlu eich hun", "A gynigiwyd cyfieithydd lle'r oedd ei angen?");
        b.assertAccessible("review-templates-cy");
        b.open("/review-templates?lang=en");
    }

    @Test
    void aSampleIsDrawnReviewedTwiceAndItsFindingsRead() {
        BrowserSession b = browser();
        reviewTemplates(b);
        b.open("/deep-dive");
        assertThat(main(b)).as("the newest version is offered first").contains(
                "Soteria case file review, version 3 (10 items, and your force's own)");
        b.assertAccessible("deep-dive");
        b.driver.findElement(By.id("perStratum")).clear();
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Draw the sample']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter a title for the sample").contains("Enter how many crimes to draw");
        b.assertAccessible("deep-dive-errors");
        b.driver.findElement(By.id("title")).sendKeys("Deep dive 2026");
        b.driver.findElement(By.id("perStratum")).sendKeys("1");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Draw the sample']"));
        assertThat(main(b)).contains("Sample drawn").contains("Seed")
                .contains("Review form: 11 items, from Soteria case file review, version 3");
        b.assertAccessible("deep-dive-sample");
        String sample = b.driver.getCurrentUrl();
        b.open(sample.substring(sample.indexOf("/deep-dive")) + "/crimes/1");
        b.assertAccessible("deep-dive-crime");
        assertThat(main(b)).contains("Was evidence secured early", "Was an interpreter offered",
                "3. Procedural justice for victims: Not applicable when the victim needed none.");
        rate(b, false);
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the review']"));
        assertThat(main(b)).contains("Review saved for sample crime 1");

        b.driver.manage().deleteAllCookies();
        b.signIn("researcher", PASSWORD);
        b.open(sample.substring(sample.indexOf("/deep-dive")) + "/crimes/1");
        assertThat(main(b)).contains("Sample crime 1").doesNotContain("NWP/", "What the file says")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Save the review']"));
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).as("each item by its words")
                .contains("Select an answer for ‘Focus on the suspect: their behaviour, history and other allegations’",
                        "Select an answer for ‘Was an interpreter offered where the victim or a witness needed one?’");
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
        assertThat(main(b)).contains("1. Suspect-focused investigation").contains("The earlier report against the suspect")
                .contains("The relationship and the weeks after were examined", "Was an interpreter offered",
                        "Yes: 1 crime", "2.0 of 3");
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

        // Issue 26: the officers of a team are surveyed, anonymously, and a focus group's theme recorded.
        String wave = surveyOfficers(b);
        b.open(sample.substring(sample.indexOf("/deep-dive")));

        // Issue 26: a finding becomes an improvement action, linked both ways, live and marked on its measure's chart.
        b.clickAndWaitForPage(By.partialLinkText("Findings by pillar"));
        b.clickAndWaitForPage(By.linkText("Add an improvement action that answers this"));
        assertThat(main(b)).contains("This action answers the deep dive Deep dive 2026: Focus on the suspect");
        b.assertAccessible("improvement-action-answering");
        b.driver.findElement(By.id("title")).sendKeys("Check every suspect's history within 7 days");
        b.driver.findElement(By.id("description")).sendKeys("Deep dive: histories were checked late");
        label(b, "pillar");
        b.driver.findElement(By.id("owner")).sendKeys("DCI RASSO lead");
        b.type("dueOn", "2027-03-31");
        b.driver.findElement(By.cssSelector("input[name='measures'][value='charge_rate'] + label")).click();
        b.driver.findElement(By.cssSelector("input[name='statements'][value='C1'] + label")).click();
        b.type("liveOn", "2025-09-01");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Add the action']"));
        assertThat(main(b)).contains("Action added to the plan", "Answers", "What officers say",
                "Deep dive winter 2026: officers",
                "the deep dive Deep dive 2026: Focus on the suspect");
        b.clickAndWaitForPage(By.partialLinkText("the deep dive Deep dive 2026"));
        assertThat(main(b)).contains("Findings by pillar", "Improvement actions: Check every suspect's history within 7 days");
        String csv = b.driver.findElement(By.partialLinkText("Download the figures")).getAttribute("href");
        WebClient web = new WebClient(port);
        web.signIn("force-lead", PASSWORD);
        String figures = web.get(csv.substring(csv.indexOf("/deep-dive"))).body();
        assertThat(figures).startsWith("pillar,item,scale,crimes_rated,poor,needs_improvement,good,excellent,no,partly,"
                + "yes,not_applicable,mean_score,scale_top,reviewers_differed")
                .contains("1. Suspect-focused investigation,suspect_focus,ordinal,1,0,0,1,0,,,,0,3.00,4,0")
                .contains("1. Suspect-focused investigation,context_examined,free_text,,,,,,,,,,,,,,,2")
                .contains("3. Procedural justice for victims,force_interpreter,yes_no_partly,0,,,,,0,0,0,1,,3,0")
                .doesNotContain("earlier report");

        // Issue 26: the deep-dive report puts the findings beside officers' views and the data, pillar by pillar,
        // with the action that answers them.
        b.clickAndWaitForPage(By.partialLinkText("The deep-dive report"));
        assertThat(main(b)).contains("Deep-dive report", "1. Suspect-focused investigation", "Case file review",
                "What officers said", "What the data show", "Charge rate", "Days from report to charge",
                "Check every suspect's history within 7 days", "6. Proportionate digital forensics",
                "Officers: the survey Deep dive winter 2026: officers (17 officers answered)",
                "I feel confident investigating rape and serious sexual offences. (mean",
                "Caseloads leave no time for reflective supervision");
        b.assertAccessible("deep-dive-report");
        String report = b.driver.getCurrentUrl();
        b.open(report.substring(report.indexOf("/deep-dive")) + "?lang=cy");
        assertThat(main(b)).contains("Adroddiad yr adolygiad manwl", "Yr hyn y mae''r data''n ei ddangos".replace("''", "'"));
        b.assertAccessible("deep-dive-report-cy");
        b.open(report.substring(report.indexOf("/deep-dive")) + "?lang=en");
        String reportCsv = web.get(report.substring(report.indexOf("/deep-dive")) + ".csv").body();
        assertThat(reportCsv).startsWith("pillar,source,item,count,value,note")
                .contains("1,case_review,suspect_focus,1,3.0", "1,data,charge_rate,", "4,survey,W1,",
                        "4,focus_group,Caseloads leave no time for reflective supervision,7")
                .doesNotContain("earlier report");

        // The day the action went live marks the charge rate's XmR chart.
        b.open("/performance?from=2025-06-01&to=2025-11-30");
        assertThat(b.driver.findElement(By.id("xmr")).getAttribute("textContent"))
                .contains("Check every suspect's history within 7 days went live");
        assertThat(wave).isNotBlank();
    }

    /**
     * The officer survey of the deep dive (ADR 42): the force lead sends it to a team (after being told what is
     * missing); an officer of the team answers (likewise) and cannot answer twice; the lead sees participation, never
     * answers, closes it and is told that too few answered; with more answers sealed, the results by statement, pillar
     * and team; a focus group's theme; in English and in Welsh. Returns the wave's number.
     */
    private static String surveyOfficers(BrowserSession b) {

        String db = ":temporary:browser";
        String team = DatabaseReset.ownerQuery(db, "select min(team_code) from user_team where username = 'investigator'");
        as(b, "force-lead");
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
        return wave;
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
