package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** In real Chromium: the Platforms tab shows a run's outcome as it arrives (server push, no reload). */
class PlatformsLiveUpdateTest extends BrowserTest {

    @Test
    void aStatusChangeArrivesWithoutReloading() {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(email);
        IntegrationSnapshot s = demo.active("Live desk", "live-desk-key");
        signedIn.signOut();
        demo.runFinished(s, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);

        String base = base();
        Page page = browser.page();
        browser.signIn(base, email, TestAccounts.PASSWORD);
        page.navigate(base + "/conversations/integrations/platforms");
        page.waitForFunction("t => document.title === t", "Platforms · Syncwatch");
        page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Live desk")).waitFor();
        Locator failing = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Sync failing"));
        assertThat(failing.count()).isZero();
        page.evaluate("window.__notReloaded = true");

        demo.runFinished(s, RunOutcome.FAILED, FailureCategory.PERMISSION_DENIED,
                "The API key may not read conversations (HTTP 403 Forbidden)", false);

        failing.first().waitFor(new Locator.WaitForOptions().setTimeout(45_000)); // generous: a loaded CI machine
        assertThat(page.evaluate("window.__notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.errors()).isEmpty();
    }
}
