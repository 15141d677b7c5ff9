package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.integrations.application.port.in.IntegrationManagement.ConnectCommand;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** In real Chromium: the Platforms tab shows a run's outcome as it arrives (server push, no reload). */
class PlatformsLiveUpdateTest extends BrowserTest {

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    void runFinished(IntegrationSnapshot s, RunOutcome outcome, FailureCategory category, String message, boolean first) {
        tx.executeWithoutResult(t -> events.publishEvent(
                io.syncwatch.testsupport.TestPlatforms.runFinished(s, outcome, category, message, first)));
    }

    @Test
    void aStatusChangeArrivesWithoutReloading() {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(email);
        IntegrationSnapshot s = integrations.connect(new ConnectCommand("demo", "Live desk",
                Map.of("apiKey", "live-desk-key", "scenario", "healthy"), Environment.PRODUCTION, Schedule.HOURLY));
        s = integrations.configureFilters(s.id(), new ImportFilters(List.of(), null, Set.of("closed")));
        signedIn.signOut();
        runFinished(s, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);

        String base = base();
        Page page = browser.page();
        browser.signIn(base, email, TestAccounts.PASSWORD);
        page.navigate(base + "/conversations/integrations/platforms");
        page.waitForFunction("t => document.title === t", "Platforms · Syncwatch");
        page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Live desk")).waitFor();
        Locator failing = page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Sync failing"));
        assertThat(failing.count()).isZero();
        page.evaluate("window.__notReloaded = true");

        runFinished(s, RunOutcome.FAILED, FailureCategory.PERMISSION_DENIED,
                "The API key may not read conversations (HTTP 403 Forbidden)", false);

        failing.first().waitFor(new Locator.WaitForOptions().setTimeout(45_000)); // generous: a loaded CI machine
        assertThat(page.evaluate("window.__notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.errors()).isEmpty();
    }
}
