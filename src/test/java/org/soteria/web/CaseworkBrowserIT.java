package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A crime worked through its casework in real Chromium, axe on every page: the queue, the plan (a stage,
 * a line of enquiry with a mistake first, a prompt answered and closed), a request for the victim's
 * phone approved by a supervisor and sent, the phone submitted and triaged, a supervisor review, bail with
 * conditions, the CPS referral (refused until the file is ready) and decision; then the digital forensics
 * queue and the force lead's journey stages.
 */
class CaseworkBrowserIT extends BrowserPages {

    @Autowired
    JdbcClient jdbc;

    private static void label(BrowserSession b, String forId) {
        b.driver.findElement(By.cssSelector("label[for='" + forId + "']")).click();
    }

    private static void type(BrowserSession b, String id, String text) {
        b.type(id, text);
    }

    private static void submit(BrowserSession b, String formAction) {
        b.clickAndWaitForPage(By.cssSelector("form[action$='" + formAction + "'] button[type=submit]"));
    }

    private static String banner(BrowserSession b) {
        return b.driver.findElement(By.cssSelector(".govuk-notification-banner")).getText();
    }

    private static String problems(BrowserSession b) {
        return b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText();
    }

    /**
     * Issue 24: the supervisor's queue puts what holds investigators up first, and a long tab is paged and can be
     * narrowed to what is overdue.
     */
    @Test
    void theSupervisorsQueueIsPagedAndPutsApprovalsFirst() {
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/casework");
        assertThat(b.driver.findElements(By.cssSelector(".moj-sub-navigation__link")).get(0).getText())
                .startsWith("Requests to approve");
        b.open("/casework?tab=reviews");
        assertThat(b.driver.findElements(By.cssSelector("main table tbody tr"))).hasSizeLessThanOrEqualTo(25);
        String count = b.driver.findElement(By.cssSelector("main [aria-current=page]")).getText()
                .replaceAll("\\D", "");
        if (Integer.parseInt(count) > 25) {
            assertThat(b.driver.findElement(By.cssSelector(".govuk-pagination")).getText()).contains("Page 1 of");
            b.clickAndWaitForPage(By.cssSelector(".govuk-pagination__next a"));
            assertThat(b.driver.getCurrentUrl()).contains("tab=reviews", "page=2");
            b.assertAccessible("casework-queue-page-2");
        }
        if (!b.driver.findElements(By.partialLinkText("Show only the")).isEmpty()) {
            b.clickAndWaitForPage(By.partialLinkText("Show only the"));
            assertThat(b.driver.findElements(By.cssSelector("main table tbody tr"))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getText()).contains("Overdue"));
        }

        // Issue 24: narrowed to one team's reviews, the filter stays on the tabs, and clears in one click.
        b.open("/casework?tab=reviews");
        Select teams = new Select(b.driver.findElement(By.id("team")));
        assertThat(teams.getOptions()).as("the teams of the queue's crimes").hasSizeGreaterThan(1);
        String team = teams.getOptions().get(1).getAttribute("value");
        teams.selectByValue(team);
        new Select(b.driver.findElement(By.id("due"))).selectByValue("week");
        b.clickAndWaitForPage(By.cssSelector("form.soteria-queue-filter button"));
        assertThat(b.driver.getCurrentUrl()).contains("team=" + team, "due=week", "tab=reviews");
        List<String> refs = b.driver.findElements(By.cssSelector("main table tbody tr td:nth-child(2) a")).stream()
                .map(a -> a.getText()).toList();
        for (String ref : refs) {
            assertThat(jdbc.sql("select team_code from crime where crime_ref = ?").param(ref).query(String.class)
                    .single()).as(ref).isEqualTo(team);
        }
        assertThat(b.driver.findElements(By.cssSelector(".moj-sub-navigation__link"))).allSatisfy(a ->
                assertThat(a.getAttribute("href")).contains("team=" + team, "due=week"));
        b.assertAccessible("casework-queue-filtered");
        b.clickAndWaitForPage(By.linkText("Clear filters: show everything due"));
        assertThat(b.driver.getCurrentUrl()).doesNotContain("team=");
    }

    @Test
    void aCrimeIsWorkedThroughItsStagesWithTheQueuesShowingWhatIsDue() {
        long id = jdbc.sql("select c.id from crime c where c.team_code = 'T01' and not c.restricted and c.record_type = "
                + "'crime' and c.outcome_code is null and (select count(*) from case_person v where v.crime_id = c.id "
                + "and v.role = 'victim') = 1 and exists (select 1 from case_person s where s.crime_id = c.id "
                + "and s.role = 'suspect') and not exists (select 1 from crime_stage st where st.crime_id = c.id) "
                // Not one the demo shares with its CPS unit, whose prosecutor would record the decision.
                + "and not exists (select 1 from case_share sh where sh.crime_id = c.id) "
                + "order by c.recorded_date desc, c.id limit 1").query(Long.class).single();
        String crime = "/cases/" + id;
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.open("/casework");
        b.assertAccessible("casework-queue");

        b.open(crime + "/plan");
        b.assertAccessible("plan");
        new Select(b.driver.findElement(By.id("stage"))).selectByValue("suspect_background");
        submit(b, "/plan/stage");
        assertThat(b.driver.findElement(By.tagName("main")).getText())
                .contains("5. Suspect identification and background checks");

        b.clickAndWaitForPage(By.linkText("Add a line of enquiry"));
        submit(b, "/plan/lines");
        assertThat(problems(b)).contains("Select what the line of enquiry looks at").contains("Enter the line of enquiry");
        b.assertAccessible("line-form-errors");
        label(b, "focus-2");
        type(b, "description", "Establish what the victim and suspect said to each other on the night");
        submit(b, "/plan/lines");
        assertThat(banner(b)).contains("Line of enquiry added");

        b.clickAndWaitForPage(By.partialLinkText("Answer"));
        b.assertAccessible("prompt-form");
        submit(b, "/plan/lines");
        b.clickAndWaitForPage(By.partialLinkText("Record the result"));
        label(b, "status");
        type(b, "result", "PNC shows two earlier allegations by former partners");
        submit(b, "/close");
        assertThat(banner(b)).contains("Line of enquiry closed");
        b.assertAccessible("plan-with-lines");

        b.open(crime + "/requests/new");
        b.assertAccessible("request-form");
        submit(b, "/requests/new");
        assertThat(problems(b)).contains("Select the material").contains("Select the line of enquiry")
                .contains("Enter why the material is necessary");
        b.assertAccessible("request-form-errors");
        label(b, "material");
        new Select(b.driver.findElement(By.id("lineId"))).selectByVisibleText(
                "Establish what the victim and suspect said to each other on the night");
        type(b, "scope", "Messages between the victim and the suspect on the night only");
        type(b, "justification", "The suspect says the victim invited him; their messages show whether she did");
        type(b, "leastIntrusive", "Screenshots from the victim were incomplete; the suspect's phone was wiped");
        type(b, "victimInformedOn", today);
        label(b, "victimView");
        submit(b, "/requests/new");
        assertThat(banner(b)).contains("goes nowhere until a supervisor approves it");
        // Issue 24: people's names, not their user names.
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Demo Investigator")
                .doesNotContain("by investigator");
        b.assertAccessible("requests");

        as(b, "supervisor");
        b.open("/casework?tab=approvals");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Download of the victim's phone");
        b.open(crime + "/requests");
        b.clickAndWaitForPage(By.partialLinkText("Approve or refuse"));
        b.assertAccessible("request-decision");
        label(b, "decision");
        submit(b, "/decision");
        assertThat(banner(b)).contains("Request approved");
        b.open(crime + "/reviews/new");
        type(b, "reviewedOn", today);
        submit(b, "/reviews/new");
        assertThat(problems(b)).contains("Select whether the investigation is focused on the suspect");
        b.assertAccessible("review-form-errors");
        label(b, "suspectFocus-1");
        label(b, "victimEngagement");
        label(b, "proportionality");
        label(b, "bailStatus-2");
        type(b, "directions", "Interview the suspect's former partners by Friday");
        submit(b, "/reviews/new");
        assertThat(banner(b)).contains("Review recorded");
        b.assertAccessible("reviews");

        as(b, "investigator");
        b.open(crime + "/requests");
        b.clickAndWaitForPage(By.linkText("Record as sent"));
        submit(b, "/progress");
        assertThat(banner(b)).contains("Recorded as sent");
        b.open(crime + "/devices");
        b.assertAccessible("devices");
        type(b, "exhibitRef", "DB/1");
        label(b, "type");
        label(b, "owner-1");
        submit(b, "/devices/new");
        assertThat(problems(b)).contains("approved request");
        b.assertAccessible("devices-errors");
        new Select(b.driver.findElement(By.id("requestId"))).selectByIndex(1);
        submit(b, "/devices/new");
        assertThat(banner(b)).contains("Device submitted");
        b.clickAndWaitForPage(By.partialLinkText("Mark awaiting examination"));
        label(b, "triage-1");
        submit(b, "/next");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Awaiting examination");

        b.open(crime + "/bail");
        b.assertAccessible("bail");
        label(b, "kind");
        type(b, "expiresOn", LocalDate.parse(today).plusDays(10).toString());
        type(b, "conditions", "Not to contact the victim directly or through others");
        submit(b, "/bail/new");
        assertThat(banner(b)).contains("Tell the victim within one working day");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Bail expires in 10 days");
        b.assertAccessible("bail-recorded");
        b.open("/casework?tab=bail");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Bail expires in 10 days");

        b.open(crime + "/cps");
        b.assertAccessible("cps");
        type(b, "summary", "Rape: the messages, the earlier allegations and a witness");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Refer to the CPS']"));
        assertThat(problems(b)).contains("The file is not ready to refer: 10 of 10");
        b.assertAccessible("cps-errors");
        for (int i = 0; i < 10; i++) {
            label(b, "items-" + i);
        }
        submit(b, "/cps/readiness");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("10 of 10 items of the file are ready");
        type(b, "summary", "Rape: the messages, the earlier allegations and a witness");
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='Refer to the CPS']"));
        assertThat(banner(b)).contains("Referred to the CPS");
        label(b, "decision");
        submit(b, "/cps/decisions");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("CPS decision").contains("charge");
        b.assertAccessible("cps-decided");

        b.open("/casework/forensics");
        b.assertAccessible("forensics");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("DB/1");
    }

    @Test
    void theForceLeadEditsTheJourneysStages() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/casework/stages");
        b.assertAccessible("stages");
        type(b, "name", "");
        submit(b, "/casework/stages");
        assertThat(problems(b)).contains("Enter the stage's name");
        b.assertAccessible("stages-errors");
        type(b, "name", "Victim's view of the outcome");
        type(b, "guidance", "Ask the victim how they found the investigation");
        // GOV.UK's character count counts down as the guidance is typed (1,000 less the 47 characters typed).
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10)).until(
                org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.cssSelector(
                        "#guidance ~ .govuk-character-count__status"), "You have 953 characters remaining"));
        type(b, "nameCy", "Barn y dioddefwr am y canlyniad");
        submit(b, "/casework/stages");
        assertThat(banner(b)).contains("Stage added");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Victim's view of the outcome");
        b.open("/casework/stages?lang=cy");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Barn y dioddefwr am y canlyniad")
                .as("no Welsh guidance written: the English, marked as English")
                .contains("Ask the victim how they found the investigation");
        assertThat(b.driver.findElements(By.cssSelector("main td[lang=en]"))).isNotEmpty();
        b.open("/casework/stages?lang=en");
    }
}
