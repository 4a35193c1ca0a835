package org.soteria.web;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the browser tests share: the demo force served on a random port (one Spring context for all
 * of them) and one Chromium per test class, opened at first use and signed out between tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
abstract class BrowserPages {

    static final String PASSWORD = "correct-horse-battery";

    @LocalServerPort
    int port;

    private static BrowserSession browser;

    /** The text of the page's main element. */
    static String main(BrowserSession b) {
        return b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText();
    }

    /** Signs in as another demo user in the same browser (the one browser the pages share). */
    static void as(BrowserSession b, String user) {
        b.driver.manage().deleteAllCookies();
        b.signIn(user, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The class's Chromium, with no cookies left from the previous test (the port is known only per instance). */
    BrowserSession browser() {
        if (browser == null) {
            browser = new BrowserSession(port);
        }
        browser.driver.manage().deleteAllCookies();
        return browser;
    }
}
