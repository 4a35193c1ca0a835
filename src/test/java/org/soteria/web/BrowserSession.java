package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver) that checks every page it visits
 * with axe against WCAG 2.2 AA and keeps a screenshot of it under target/screenshots.
 */
final class BrowserSession implements AutoCloseable {

    static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    final WebDriver driver;
    private final String base;

    BrowserSession(int port) {
        this(port, true, 1280);
    }

    /** A Chromium of the given window width, with JavaScript switched off when {@code javascript} is false. */
    BrowserSession(int port, boolean javascript, int width) {
        ChromeOptions options = new ChromeOptions();
        if (!javascript) {
            options.setExperimentalOption("prefs",
                    java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setBinary(System.getProperty("soteria.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=" + width + ",1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(System.getProperty("soteria.chromedriver",
                        "/usr/bin/chromedriver")))
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.driver.manage().window().setSize(new Dimension(width, 1000));
        this.base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    /**
     * Types into a field: a GOV.UK date input (its day box has the id, beside {@code id-month} and {@code id-year})
     * takes a date written as 2026-11-02 or 2/11/2026 in its three boxes, as a person would type it.
     */
    void type(String id, String text) {
        if (!driver.findElements(By.id(id + "-month")).isEmpty()) {
            String[] parts = org.soteria.web.form.DateFields.parts(text);
            String[] ids = {id, id + "-month", id + "-year"};
            for (int i = 0; i < 3; i++) {
                WebElement box = driver.findElement(By.id(ids[i]));
                box.clear();
                box.sendKeys(parts[i]);
            }
            return;
        }
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    void signIn(String user, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWaitForPage(By.cssSelector("button[type=submit]"));
    }

    /**
     * Clicks a link or submit button and waits until the next page has replaced this one: a click
     * returns before navigation finishes, and reading the page too soon finds the old one or none.
     */
    void clickAndWaitForPage(By target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                oldPage.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // Stale, or Chromium's "node does not belong to the document": either way the old page is gone.
                return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            }
        });
    }

    /** Runs axe on the current page and fails with every violation spelled out. */
    void assertAccessible(String name) {
        screenshot(name);
        List<String> violations = accessibilityViolations();
        assertThat(violations).as("axe violations on " + name + " (" + driver.getCurrentUrl() + "):\n"
                + String.join("\n", violations)).isEmpty();
    }

    /** What axe finds wrong with the page now open, one line per rule broken, naming the elements. */
    List<String> accessibilityViolations() {
        // Only violations are asked for (by default axe also describes every node that passes), and axe runs in the page
        // itself ("legacy" mode): the newer mode runs it in parts and finishes in a blank window opened for each check,
        // which took half of every check's 1.5 s. The pages have no frames from other origins, which it exists for.
        com.deque.html.axecore.args.AxeRunOnlyOptions only = new com.deque.html.axecore.args.AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(AXE_TAGS);
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        options.setRunOnly(only);
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
        List<Rule> violations = results.getViolations();
        return violations.stream().map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
                .map(n -> n.getTarget().toString()).collect(Collectors.joining(", "))).toList();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
