package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;

/**
 * In real Chromium: sign in through the login page, open every top-level page from the
 * navigation, and fail on any browser console error.
 */
class ConsoleJourneyTest extends BrowserTest {

    @Test
    void anAdminSignsInAndOpensEveryTopLevelPageWithoutBrowserErrors() {
        String email = accounts.user(accounts.createWithAllFeatures(), Permission.values());
        String base = base();
        Page page = browser.page();

        page.navigate(base + "/login");
        page.waitForFunction("t => document.title === t", "Sign in · Syncwatch");
        assertThat(page.locator("vaadin-login-form").isVisible()).isTrue();
        String sessionBefore = sessionId();
        browser.signIn(base, email, TestAccounts.PASSWORD);
        assertThat(sessionId()).as("session id changes at sign-in (fixation protection)").isNotEqualTo(sessionBefore);

        page.locator("vaadin-side-nav").waitFor();
        String navigation = page.locator("vaadin-side-nav").innerText();
        assertThat(navigation).contains("Conversations", "Integrations", "Agent Connect", "API Status Page",
                "Company Info", "Account", "Users");

        record Page_(String link, String title) {
        }
        for (var target : List.of(new Page_("conversations/integrations/platforms", "Platforms · Syncwatch"),
                new Page_("conversations/integrations/contacts", "Imported contacts & filters · Syncwatch"),
                new Page_("agent-connect/integrations/api-status/invalid", "Invalid Requests · Syncwatch"),
                new Page_("agent-connect/integrations/api-status/test", "Test Requests · Syncwatch"),
                new Page_("agent-connect/company-info", "Company Info · Syncwatch"),
                new Page_("account/users", "Users · Syncwatch"))) {
            page.navigate(base + "/" + target.link());
            page.waitForFunction("t => document.title === t", target.title());
            assertThat(page.locator("h1").first().isVisible()).as(target.link()).isTrue();
        }

        page.locator("#logout").click();
        page.waitForURL(url -> url.contains("/login"));
        assertThat(browser.errors()).as("browser console errors").isEmpty();
    }

    private String sessionId() {
        return browser.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map((Cookie c) -> c.value)
                .findFirst().orElse("");
    }
}
