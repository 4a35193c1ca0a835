package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.soteria.security.Role;
import org.soteria.security.Totp;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of sign-in, access and audit in real Chromium, axe on each: setting up the second factor,
 * the account page and an API token, break-glass, a supervisor's grant, and the auditor's pages.
 */
class SecurityPagesBrowserIT extends BrowserPages {

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewOfficerSetsUpTheirAuthenticatorApp() {
        String name = "new-officer-" + (System.nanoTime() % 100000);
        String password = users.createAccount("test", new UserService.NewAccount(name, "DC New Officer",
                Role.INVESTIGATOR, "NWP", null, List.of("T01"), List.of()));
        BrowserSession b = browser();
        b.signIn(name, password);
        assertThat(b.driver.getCurrentUrl()).endsWith("/sign-in/set-up");
        assertThat(b.driver.findElements(By.cssSelector(".soteria-qr svg"))).hasSize(1);
        b.assertAccessible("second-factor-set-up");
        b.clickAndWaitForPage(By.cssSelector("form[action='/sign-in/set-up'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter the 6-digit code");
        b.assertAccessible("second-factor-set-up-error");

        b.driver.findElement(By.cssSelector(".govuk-details__summary")).click();
        String secret = b.driver.findElement(By.id("secret")).getText().replace(" ", "");
        b.driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now()));
        b.clickAndWaitForPage(By.cssSelector("form[action='/sign-in/set-up'] button"));
        assertThat(b.driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
        b.assertAccessible("recovery-codes");

        b.driver.manage().deleteAllCookies();
        b.signIn(name, password);
        assertThat(b.driver.getCurrentUrl()).endsWith("/sign-in/second-factor");
        b.assertAccessible("second-factor");
        b.driver.findElement(By.id("code")).sendKeys("000000");
        b.clickAndWaitForPage(By.cssSelector("form[action='/sign-in/second-factor'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("The code is not right");
        b.assertAccessible("second-factor-error");
        b.driver.findElement(By.id("code")).sendKeys(Totp.code(secret, Instant.now().plusSeconds(30)));
        b.clickAndWaitForPage(By.cssSelector("form[action='/sign-in/second-factor'] button"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).as("the home page").isEqualTo("Your work");
        assertThat(b.driver.findElements(By.className("soteria-demo-banner"))).as("the demo banner still shows")
                .hasSize(1);
    }

    @Test
    void theAccountPageMakesATokenAndShowsItOnce() {
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.clickAndWaitForPage(By.linkText("Your account"));
        assertThat(main(b)).contains("Your account", "Sign out everywhere", "API tokens");
        b.assertAccessible("account");
        b.driver.findElement(By.cssSelector(".govuk-details__summary")).click();
        b.clickAndWaitForPage(By.cssSelector("form[action='/account/tokens'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Give the token a name");
        b.assertAccessible("account-token-error");
        b.driver.findElement(By.id("name")).sendKeys("weekly caseload script");
        b.driver.findElement(By.id("scope-0")).click();
        b.driver.findElement(By.id("token-password")).sendKeys(PASSWORD);
        b.clickAndWaitForPage(By.cssSelector("form[action='/account/tokens'] button"));
        assertThat(b.driver.findElement(By.id("new-token")).getText()).startsWith("sot_");
        b.assertAccessible("account-token-created");
        b.open("/account");
        assertThat(b.driver.findElements(By.id("new-token"))).as("shown once").isEmpty();
        assertThat(main(b)).contains("weekly caseload script");
        b.open("/account?lang=cy");
        assertThat(main(b)).contains("Eich cyfrif", "Allgofnodi ym mhobman", "Tocynnau API", "Iaith", "Cymraeg");
        b.assertAccessible("account-cy");
        b.open("/account?lang=en");
        assertThat(main(b)).contains("Your account", "Language", "English");
    }

    /** The administrators' pages, in English and Welsh, axe on each: the list, an account, a refusal, a reset asked. */
    @Test
    void anAdministratorFindsAnAccountAndAsksForAReset() {
        String name = "admin-page-" + (System.nanoTime() % 100000);
        users.createAccount("test", new UserService.NewAccount(name, "DC Page Officer", Role.INVESTIGATOR, "NWP", null,
                List.of("T01"), List.of()));
        BrowserSession b = browser();
        b.signIn("admin", PASSWORD);
        b.clickAndWaitForPage(By.linkText("Accounts"));
        assertThat(main(b)).contains("Accounts", "Search by user name or name");
        b.assertAccessible("admin-users");
        b.driver.findElement(By.id("q")).sendKeys(name);
        b.clickAndWaitForPage(By.cssSelector("form[action='/admin/users'] button"));
        b.clickAndWaitForPage(By.linkText(name));
        assertThat(main(b)).contains("DC Page Officer", "Disable the account", "Role", "Teams",
                "Reset the password or second factor");
        b.assertAccessible("admin-user");
        b.clickAndWaitForPage(By.cssSelector("form[action$='/resets'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Select what to reset", "Enter the reason");
        b.assertAccessible("admin-user-error");
        b.driver.findElement(By.id("kind-0")).click();
        b.driver.findElement(By.id("reason")).sendKeys("Forgot it; rang back on the duty number");
        b.clickAndWaitForPage(By.cssSelector("form[action$='/resets'] button"));
        assertThat(main(b)).contains("Reset asked for", "waiting for a second administrator");
        b.open("/admin/users?lang=cy");
        assertThat(main(b)).contains("Cyfrifon", "Ailosodiadau sy’n aros am ail weinyddwr".replace("’", "'"));
        b.assertAccessible("admin-users-cy");
        b.open("/admin/users/" + name + "?lang=cy");
        assertThat(main(b)).contains("Analluogi'r cyfrif", "Ceisiadau ailosod");
        b.assertAccessible("admin-user-cy");
        b.open("/account/password?lang=cy");
        assertThat(main(b)).contains("Newid eich cyfrinair");
        b.assertAccessible("password-cy");
        b.open("/?lang=en");
    }

    @Test
    void breakGlassOpensACaseWithItsReasonAndTheAuditorReviewsIt() {
        String ref = jdbc.sql("select crime_ref from crime where team_code <> 'T01' and not restricted order by id "
                + "limit 1").query(String.class).single();
        BrowserSession b = browser();
        b.signIn("victim-liaison", PASSWORD);
        b.open("/cases");
        b.clickAndWaitForPage(By.linkText("Need a case you cannot see, urgently?"));
        b.assertAccessible("break-glass");
        b.driver.findElement(By.id("crimeRef")).sendKeys(ref);
        b.driver.findElement(By.id("reason")).sendKeys("too short");
        b.clickAndWaitForPage(By.cssSelector("form[action='/break-glass'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("at least 20 characters");
        b.assertAccessible("break-glass-error");
        b.driver.findElement(By.id("reason")).clear();
        b.driver.findElement(By.id("reason")).sendKeys("Victim called 999 out of hours; need the safety plan now");
        b.clickAndWaitForPage(By.cssSelector("form[action='/break-glass'] button"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Case " + ref);
        assertThat(main(b)).contains("You opened this record with break-glass access");
        b.assertAccessible("case-break-glass");

        b.driver.manage().deleteAllCookies();
        b.signIn("auditor", PASSWORD);
        b.open("/audit");
        assertThat(main(b)).containsPattern("break-glass (access needs|accesses need) review").contains("Break-glass");
        b.assertAccessible("audit-log");
        b.clickAndWaitForPage(By.linkText("Review break-glass accesses"));
        assertThat(main(b)).contains("victim-liaison opened NWP:" + ref, "Victim called 999 out of hours");
        b.assertAccessible("break-glass-review");
        String note = b.driver.findElement(By.cssSelector("textarea")).getAttribute("id");
        b.driver.findElement(By.id(note)).sendKeys("Confirmed with the duty inspector: proportionate.");
        b.clickAndWaitForPage(By.cssSelector("form[action^='/audit/break-glass/'] button"));
        assertThat(main(b)).doesNotContain("Victim called 999 out of hours");
    }

    @Test
    void aSupervisorGivesAccessAndSeesWhoHasLooked() {
        long crime = jdbc.sql("select id from crime where team_code = 'T01' and not restricted order by id desc "
                + "limit 1").query(Long.class).single();
        String cover = "cover-" + (System.nanoTime() % 100000);
        users.createAccount("test", new UserService.NewAccount(cover, "DC Cover", Role.INVESTIGATOR, "NWP", null,
                List.of("T02"), List.of()));
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/cases/" + crime);
        assertThat(main(b)).contains("You can see this case because you supervise team T01.");
        b.clickAndWaitForPage(By.linkText("Who can see this case, and who has"));
        b.assertAccessible("case-access");
        // Only people whose role can open cases are offered; choosing nobody says what to do.
        Select who = new Select(b.driver.findElement(By.id("username")));
        assertThat(who.getOptions()).extracting(WebElement::getText).contains("DC Cover", "Demo Investigator")
                .doesNotContain("Demo Analyst", "Demo Auditor", "Demo Supervisor");
        b.type("until", "2099-01-01");
        b.driver.findElement(By.id("reason")).sendKeys("short");
        b.clickAndWaitForPage(By.cssSelector("form[action$='/access/grants'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Choose who needs access");
        b.assertAccessible("case-access-error");
        new Select(b.driver.findElement(By.id("username"))).selectByValue(cover);
        b.driver.findElement(By.id("reason")).clear();
        b.driver.findElement(By.id("reason")).sendKeys("short");
        b.clickAndWaitForPage(By.cssSelector("form[action$='/access/grants'] button"));
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText()).contains("at most 90 days");
        assertThat(new Select(b.driver.findElement(By.id("username"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(cover);
        b.type("until", java.time.LocalDate.now().plusDays(14).toString());
        b.driver.findElement(By.id("reason")).clear();
        b.driver.findElement(By.id("reason")).sendKeys("Covering the case while the officer is on leave");
        b.clickAndWaitForPage(By.cssSelector("form[action$='/access/grants'] button"));
        assertThat(main(b)).contains("Access given.", "DC Cover", "Covering the case while the officer is on leave",
                "Active", "Demo Supervisor");
        b.assertAccessible("case-access-granted");
    }
}
