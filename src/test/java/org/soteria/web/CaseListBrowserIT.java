package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign in, filter and search the case list, open a case, look at import runs: in real Chromium, axe on every page. */
class CaseListBrowserIT extends BrowserPages {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditService audit;

    @Autowired
    org.soteria.investigation.PersonFields personFields;

    @Test
    void aWrongPasswordIsRefusedWithAnErrorSummary() {
        BrowserSession b = browser();
        b.open("/cases");
        assertThat(b.driver.getCurrentUrl()).endsWith("/login");
        b.assertAccessible("sign-in");
        b.signIn("investigator", "wrong");
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter a correct user name and password");
        b.assertAccessible("sign-in-error");
    }

    @Test
    void anInvestigatorFiltersTheCaseListAndOpensACase() {
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        // Signing in lands on the home page, the person's work; the case list is one link away.
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        b.assertAccessible("home-investigator");
        b.clickAndWaitForPage(By.cssSelector("main a[href='/cases']"));
        assertThat(b.driver.getCurrentUrl()).endsWith("/cases");
        assertThat(b.driver.findElement(By.className("soteria-demo-banner")).getText()).contains("Demo mode");
        // Need-to-know: the demo investigator works in team T01 and sees its unrestricted crimes, no others.
        long teamCrimes = jdbc.sql("select count(*) from crime where not restricted and team_code = 'T01'")
                .query(Long.class).single();
        assertThat(teamCrimes).isLessThan(jdbc.sql("select count(*) from crime").query(Long.class).single());
        assertThat(b.driver.findElement(By.id("result-count")).getText())
                .isEqualTo(String.format("%,d cases match.", teamCrimes));
        assertThat(b.driver.findElements(By.cssSelector("table.govuk-table tbody tr"))).hasSize(25);
        b.assertAccessible("case-list");

        // Filter: adult rape, victim does not support.
        b.driver.findElement(By.cssSelector("input[name=offenceGroup][value=adult_rape]")).click();
        b.driver.findElement(By.cssSelector("input[name=outcomeGroup][value=victim_does_not_support]")).click();
        b.clickAndWaitForPage(By.cssSelector(".moj-filter__options button[type=submit]"));
        long expected = jdbc.sql("select count(*) from crime where not restricted and offence_code in ('19C', '19F') "
                + "and outcome_code in ('14', '16') and team_code = 'T01'").query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(b.driver.findElement(By.id("result-count")).getText())
                .isEqualTo(String.format("%,d cases match.", expected));
        List<WebElement> statuses = b.driver.findElements(By.cssSelector("table.govuk-table tbody tr td:nth-child(5)"));
        assertThat(statuses).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).startsWith("Victim does not support"));
        List<WebElement> offences = b.driver.findElements(By.cssSelector("table.govuk-table tbody tr td:nth-child(2)"));
        assertThat(offences).allSatisfy(td -> assertThat(td.getText()).matches("19[CF] .*"));
        assertThat(b.driver.findElements(By.cssSelector(".moj-filter__tag"))).extracting(e -> e.getText().replace("\n", " "))
                .containsExactly("Remove this filter: Offence group: Adult rape",
                        "Remove this filter: Outcome group: Victim does not support");
        b.assertAccessible("case-list-filtered");

        // The same filtered list in Welsh: the page's words, the filters' choices and the table's outcome groups.
        String filtered = b.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        b.open(filtered + "&lang=cy");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Achosion");
        assertThat(b.driver.findElement(By.id("result-count")).getText())
                .isEqualTo(String.format("%,d achos yn cyfateb.", expected));
        assertThat(b.driver.findElements(By.cssSelector(".moj-filter__tag"))).extracting(e -> e.getText().replace("\n", " "))
                .containsExactly("Dileu'r hidlydd hwn: Grŵp troseddau: Trais rhywiol yn erbyn oedolyn",
                        "Dileu'r hidlydd hwn: Grŵp canlyniadau: Nid yw'r dioddefwr yn cefnogi");
        assertThat(b.driver.findElements(By.cssSelector("table.govuk-table tbody tr td:nth-child(5)")))
                .allSatisfy(td -> assertThat(td.getText()).startsWith("Nid yw'r dioddefwr yn cefnogi"));
        b.assertAccessible("case-list-filtered-cy");
        b.open(filtered + "&lang=en");

        // Sort oldest first, and the team filter narrows further.
        new Select(b.driver.findElement(By.id("sort"))).selectByValue("recorded-oldest");
        new Select(b.driver.findElement(By.id("team"))).selectByValue("T01");
        b.clickAndWaitForPage(By.cssSelector(".moj-filter__options button[type=submit]"));
        String firstRef = b.driver.findElement(By.cssSelector("table.govuk-table tbody tr td a")).getText();
        String oldest = jdbc.sql("select crime_ref from crime where not restricted and offence_code in ('19C', '19F') "
                + "and outcome_code in ('14', '16') and team_code = 'T01' order by recorded_date, id limit 1")
                .query(String.class).single();
        assertThat(firstRef).isEqualTo(oldest);

        // Open the case.
        b.clickAndWaitForPage(By.cssSelector("table.govuk-table tbody tr td a"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Case " + oldest);
        assertThat(b.driver.findElement(By.className("govuk-summary-list")).getText()).contains("Victim does not support");
        String source = jdbc.sql("select report_source from crime where crime_ref = ?").param(oldest)
                .query(String.class).single();
        assertThat(b.driver.findElement(By.className("govuk-summary-list")).getText()).contains("Reported by "
                + org.soteria.reference.Coded.parse(org.soteria.reference.ReportSource.class, source).orElseThrow()
                        .label());
        assertThat(b.driver.findElements(By.cssSelector(".moj-timeline__item"))).isNotEmpty();
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Victim", "Suspect");
        b.assertAccessible("case-page");
        assertThat(audit.countFor("crime", "NWP:" + oldest, AuditAction.VIEW)).isOne();
    }

    @Test
    void searchFindsACaseByReferenceAndByNameAndSaysWhenNothingMatches() {
        BrowserSession b = browser();
        b.signIn("supervisor", PASSWORD);
        b.open("/cases");
        String ref = jdbc.sql("select crime_ref from crime where not restricted and team_code = 'T01' order by id "
                + "limit 1 offset 100").query(String.class).single();
        b.driver.findElement(By.id("q")).sendKeys(ref);
        b.clickAndWaitForPage(By.cssSelector(".moj-filter-layout__content button[type=submit]"));
        assertThat(b.driver.findElement(By.id("result-count")).getText()).isEqualTo("1 case matches.");

        // Names are encrypted at rest: take a victim's family name as its officer would read it, and count by its hash.
        var victim = jdbc.sql("select p.force_code, p.person_id, p.family_name from person p join case_person cp "
                + "on cp.person_ref = p.id join crime c on c.id = cp.crime_id where not c.restricted "
                + "and c.team_code = 'T01' and cp.role = 'victim' and p.family_name is not null order by p.id limit 1")
                .query().singleRow();
        String family = personFields.open((String) victim.get("force_code"), (String) victim.get("person_id"),
                "family_name", (String) victim.get("family_name"));
        String index = personFields.nameIndex(family);
        long withName = jdbc.sql("select count(distinct c.id) from crime c join case_person cp on cp.crime_id = c.id "
                + "join person p on p.id = cp.person_ref where not c.restricted and c.team_code = 'T01' "
                + "and (p.family_name_index = ? or p.given_name_index = ?)").params(index, index)
                .query(Long.class).single();
        assertThat(withName).isPositive();
        b.open("/cases?q=" + family);
        // Issue 24: names that start with it or sound like it are found too, and each row says why it was found.
        long shown = Long.parseLong(b.driver.findElement(By.id("result-count")).getText().replaceAll("[^0-9]", ""));
        assertThat(shown).isGreaterThanOrEqualTo(withName);
        String word = org.soteria.platform.FieldCipher.normaliseName(family).split(" ")[0];
        assertThat(b.driver.findElements(By.cssSelector(".soteria-why"))).isNotEmpty().allSatisfy(why ->
                assertThat(why.getText()).startsWith("Found by: ").contains("“" + word + "”")
                        .containsPattern("the name|a name starting|a name that sounds like"));
        b.assertAccessible("case-list-name-search");
        b.open("/cases?q=" + family.substring(0, 2));
        assertThat(Long.parseLong(b.driver.findElement(By.id("result-count")).getText().replaceAll("[^0-9]", "")))
                .as("the start of the name finds at least as many").isGreaterThanOrEqualTo(Math.min(shown, 1000));
        assertThat(b.driver.findElement(By.cssSelector(".soteria-why")).getText())
                .startsWith("Found by: a name starting “" + word.substring(0, 2) + "”");

        b.open("/cases?q=Zzyzx-no-such-person");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("No cases match", "Clear all filters");
        b.assertAccessible("case-list-empty");

        b.open("/cases?from=2024-02-30&to=2023-01-01");
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Recorded from must be a real date");
        assertThat(List.of("from", "from-month", "from-year")).as("what was typed is kept, in its boxes")
                .extracting(id -> b.driver.findElement(By.id(id)).getAttribute("value")).containsExactly("30", "02", "2024");
        assertThat(b.driver.findElements(By.cssSelector(".moj-filter__tag"))).extracting(e -> e.getText()
                .replace("\n", " ")).as("a date that was not understood is not applied")
                .containsExactly("Remove this filter: Recorded to: 2023-01-01");
        b.assertAccessible("case-list-error");
    }

    @Test
    void theForceLeadSeesImportRunsAndAnAnalystSeesNoNames() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/imports");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Import runs");
        assertThat(b.driver.findElement(By.cssSelector("table.govuk-table tbody")).getText()).contains("demo", "Completed");
        b.assertAccessible("import-runs");
        b.clickAndWaitForPage(By.cssSelector("table.govuk-table tbody tr td a"));
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("cases.csv", "events.csv",
                "Every row was applied");
        b.assertAccessible("import-run");

        b.driver.manage().deleteAllCookies();
        b.signIn("analyst", PASSWORD);
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Your work", "Your tools", "Performance")
                .doesNotContain("Cases\n", "will appear here");
        b.assertAccessible("home-analyst");
        b.open("/cases");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this page");
        b.assertAccessible("forbidden");
        // The language switch on an error page leads to the start page, never back to the refusal.
        b.clickAndWaitForPage(By.cssSelector("a[hreflang=cy]"));
        assertThat(b.driver.getCurrentUrl()).endsWith("/?lang=cy");
        assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).contains("Eich gwaith", "Eich offer");
        b.assertAccessible("home-analyst-cy");
        b.open("/nowhere");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nid oes gennych fynediad i'r dudalen hon");
        b.open("/?lang=en");
    }
}
