package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.syncwatch.testsupport.Browser;

/**
 * The browser part of {@code .ci/smoke-production-jar} (issue 17.2), run only there ({@code -Psmoke}),
 * against the production jar it started: the first admin's one-time link from the log → password
 * set → signed in → an Agent Connect test key created on Company Info, written to
 * {@code smoke.key-file} for the script's Requests API call. Not part of {@code ./mvnw verify}.
 */
class ProductionJarSmoke {

    static final String PASSWORD = "Quarry-Violet-5182";

    @Test
    void firstAdminSetsAPasswordSignsInAndCreatesAnAgentConnectKey() throws Exception {
        String base = System.getProperty("smoke.base-url");
        String link = System.getProperty("smoke.link");
        String email = System.getProperty("smoke.email");
        Path keyFile = Path.of(System.getProperty("smoke.key-file"));
        try (Browser browser = Browser.open()) {
            Page page = browser.page();
            page.navigate(link);
            page.locator("vaadin-password-field").first().locator("input").fill(PASSWORD);
            page.locator("vaadin-password-field").nth(1).locator("input").fill(PASSWORD);
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("Set password")).click();
            page.getByText("Password set").waitFor();

            browser.signIn(base, email, PASSWORD);
            page.navigate(base + "/agent-connect/company-info");
            page.locator("input[placeholder='Key name']").fill("Smoke test key");
            page.locator("#create-agent-key").click();
            page.waitForFunction("() => [...document.querySelectorAll('vaadin-text-field')]"
                    + ".some(f => f.value && f.value.startsWith('ac_test_'))");
            String key = (String) page.evaluate("() => [...document.querySelectorAll('vaadin-text-field')]"
                    + ".map(f => f.value).find(v => v && v.startsWith('ac_test_'))");
            assertThat(browser.errors()).as("browser console errors").isEmpty();
            Files.writeString(keyFile, key);
        }
    }
}
