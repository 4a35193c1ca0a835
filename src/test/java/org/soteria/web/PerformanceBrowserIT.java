package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The performance dashboard, breakdowns and data quality page in real Chromium, axe on every page. */
class PerformanceBrowserIT extends BrowserPages {

    /** The numbers column of a view's table on the page, as shown. */
    private static List<String> column(BrowserSession b, String section, int column) {
        List<String> out = new ArrayList<>();
        for (WebElement row : b.driver.findElements(By.cssSelector("#" + section + " tbody tr"))) {
            out.add(row.findElements(By.cssSelector("th, td")).get(column).getText());
        }
        return out;
    }

    /** Issue 24: the team is chosen from the force's teams; one that does not exist is refused, not shown as zeros. */
    @Test
    void aTeamIsChosenFromTheForcesTeamsAndAnUnknownOneIsRefused() {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/performance/officers");
        List<String> teams = new Select(b.driver.findElement(By.id("team"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(teams).startsWith("").contains("T01");
        new Select(b.driver.findElement(By.id("team"))).selectByValue("T01");
        b.clickAndWaitForPage(By.cssSelector(".app-filter-form button[type=submit]"));
        assertThat(b.driver.getCurrentUrl()).contains("team=T01");
        assertThat(b.driver.findElement(By.tagName("main")).getText()).doesNotContain("Officers are listed a team at a time");
        assertThat(b.driver.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
        b.open("/performance?team=T99");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("There is no team T99 in this force");
        b.assertAccessible("performance-unknown-team");
    }

    @Test
    void theForceLeadReadsTheDashboardFiltersItAndGetsTheSameNumbersInTheSpreadsheet() throws Exception {
        BrowserSession b = browser();
        b.signIn("force-lead", PASSWORD);
        b.open("/performance?from=2025-01-01&to=2025-12-31&asOf=2026-10-31");
        b.assertAccessible("performance-dashboard");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Performance");
        assertThat(b.driver.findElements(By.cssSelector("svg.app-chart[role=img]"))).hasSize(4);
        assertThat(column(b, "funnel", 0)).containsExactly("Recorded", "Suspect identified", "Arrested or interviewed",
                "Referred to CPS", "Charged", "Convicted");
        List<String> allCounts = column(b, "funnel", 1);

        new Select(b.driver.findElement(By.id("offence_group"))).selectByValue("adult_rape");
        b.clickAndWaitForPage(By.cssSelector(".app-filter-form button[type=submit]"));
        assertThat(b.driver.getCurrentUrl()).contains("offence_group=adult_rape");
        List<String> adultCounts = column(b, "funnel", 1);
        assertThat(Long.parseLong(adultCounts.get(0).replace(",", "")))
                .isLessThan(Long.parseLong(allCounts.get(0).replace(",", "")));

        WebClient web = new WebClient(port);
        web.signIn("force-lead", PASSWORD);
        HttpResponse<byte[]> xlsx = web.getBytes("/performance/dashboard.xlsx?from=2025-01-01&to=2025-12-31"
                + "&asOf=2026-10-31&offence_group=adult_rape");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            DataFormatter format = new DataFormatter();
            Sheet headline = book.getSheetAt(0);
            assertThat(format.formatCellValue(headline.getRow(0).getCell(3))).isEqualTo("Change on previous period");
            int rateChanges = 0;
            for (int r = 1; r <= headline.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Cell change = headline.getRow(r).getCell(3);
                if (change != null && change.getCellStyle().getDataFormatString().contains("p")) {
                    assertThat(format.formatCellValue(change)).as("a change of rate, in points").matches("[+-]?\\d+\\.\\d points");
                    rateChanges++;
                }
            }
            assertThat(rateChanges).as("the headline's rates change in points").isPositive();
            Sheet funnel = book.getSheetAt(1);
            for (int s = 0; s < 6; s++) {
                assertThat(format.formatCellValue(funnel.getRow(s + 1).getCell(0)))
                        .isEqualTo(column(b, "funnel", 0).get(s));
                assertThat(String.format("%,d", (long) funnel.getRow(s + 1).getCell(1).getNumericCellValue()))
                        .isEqualTo(adultCounts.get(s));
            }
        }
        String csv = web.get("/performance/funnel.csv?from=2025-01-01&to=2025-12-31&asOf=2026-10-31"
                + "&offence_group=adult_rape").body();
        assertThat(csv).startsWith("Stage,Crimes,Share of recorded,Share of previous stage")
                .contains("Recorded," + adultCounts.get(0).replace(",", "") + ",");

        b.clickAndWaitForPage(By.linkText("Measures by team"));
        b.assertAccessible("performance-teams");
        assertThat(b.driver.findElement(By.cssSelector("#teams tbody")).getText()).contains("T01");
        b.open("/performance/officers?from=2025-01-01&to=2025-12-31");
        assertThat(b.driver.findElement(By.className("govuk-inset-text")).getText())
                .contains("Officers are listed a team at a time");
        b.open("/performance/officers?from=2025-01-01&to=2025-12-31&team=T01");
        b.assertAccessible("performance-officers");
        assertThat(b.driver.findElements(By.cssSelector("#officers tbody tr"))).isNotEmpty();
        b.open("/performance/data-quality");
        b.assertAccessible("performance-data-quality");
        assertThat(b.driver.findElement(By.cssSelector("#gaps thead")).getText()).contains("No offence date");
    }

    @Test
    void aBadDateIsExplainedAndAnInvestigatorSeesNoOfficerBreakdown() {
        BrowserSession b = browser();
        b.signIn("investigator", PASSWORD);
        b.open("/performance?from=2025-02-30&to=2025-01-01");
        b.assertAccessible("performance-error");
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("Enter a real date, for example");
        assertThat(b.driver.findElements(By.id("headline"))).isEmpty();
        assertThat(b.driver.findElements(By.linkText("Measures by officer"))).isEmpty();
        assertThat(b.driver.findElements(By.linkText("Data quality"))).isEmpty();
        b.open("/performance?from=2025-03-01&to=2025-01-01");
        assertThat(b.driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("The end of the period must be on or after its start");
    }
}
