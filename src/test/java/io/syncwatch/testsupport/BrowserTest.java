package io.syncwatch.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Base of the tests that drive the running console in Debian's Chromium: the application on a
 * random port (one Spring context shared by every such test), test accounts, sign-in and Demo
 * integrations, and one {@link Browser} for a class's tests, closed after them. Without Chromium
 * the tests are skipped with a loud banner (see {@link Browser#open()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ TestAccounts.class, SignedIn.class, DemoIntegrations.class })
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestAccounts accounts;

    @Autowired
    protected SignedIn signedIn;

    @Autowired
    protected DemoIntegrations demo;

    @BeforeAll
    protected static void openBrowser() {
        browser = Browser.open();
    }

    @AfterAll
    protected static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** The running application's address: {@code http://localhost:<port>}. */
    protected String base() {
        return "http://localhost:" + port;
    }
}
