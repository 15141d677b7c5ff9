package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.BrowserTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * In real Chromium: the integration page tells the story as it happens (issue 18) — a first run,
 * an authentication failure, a pause made elsewhere, and a change written by another instance
 * reach the status card, the badge and the actions without a reload.
 */
class IntegrationPageLiveTest extends BrowserTest {

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    HealthQueries health;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void waitLongerForPushedChanges() {
        // pushed changes arrive within a poll interval (2 s); the machine may be loaded
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    @Test
    void theIntegrationPageFollowsRunsAndChangesMadeElsewhereWithoutReloading() {
        TestAccount account = accounts.createWithAllFeatures();
        String email = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(email);
        IntegrationSnapshot s = demo.active("Live page desk", "live-page-key");
        IntegrationSnapshot active = s;
        signedIn.signOut();
        await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> health.find(account.id(), active.id())
                .filter(r -> r.state() == DetailedState.WAITING_FOR_FIRST_RUN).isPresent());

        String base = base();
        Page page = browser.page();
        browser.signIn(base, email, TestAccounts.PASSWORD);
        page.navigate(base + "/conversations/integrations/platforms/" + s.id());
        Locator card = page.locator("#health-status-area");
        PlaywrightAssertions.assertThat(card).containsText("Waiting for first run");
        PlaywrightAssertions.assertThat(page.locator("#lifecycle")).not().containsText("Running on schedule");
        page.evaluate("window.__notReloaded = true");

        // the first run finishes: the card says so by itself
        demo.runFinished(s, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);
        PlaywrightAssertions.assertThat(card.locator("h3")).hasText("Active");
        PlaywrightAssertions.assertThat(card).containsText("Fetched 3, imported 3");

        // a later run fails on authentication: Error card, Reconnect offered
        demo.runFinished(s, RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, "401 Unauthorized: token revoked", false);
        PlaywrightAssertions.assertThat(card.locator("h3")).hasText("Authentication failing");
        PlaywrightAssertions.assertThat(card.locator(".sw-status")).hasText("Error");
        PlaywrightAssertions.assertThat(page.locator("#health-action-reconnect")).isVisible();

        // paused in another browser: badge, card and actions follow
        signedIn.as(email);
        integrations.pause(s.id());
        signedIn.signOut();
        PlaywrightAssertions.assertThat(page.locator("#lifecycle")).hasText("Paused");
        PlaywrightAssertions.assertThat(card.locator("h3")).hasText("Inactive");
        PlaywrightAssertions.assertThat(page.locator("#imports-run-now")).isDisabled();
        PlaywrightAssertions.assertThat(page.locator("#imports-not-runnable")).hasText("It is paused: resume it to run it.");

        // resumed and then changed by another instance (its write reaches this one through the database)
        signedIn.as(email);
        integrations.resume(s.id());
        signedIn.signOut();
        PlaywrightAssertions.assertThat(page.locator("#imports-run-now")).isEnabled();
        await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> health.find(account.id(), active.id())
                .filter(r -> r.lifecycle() == io.syncwatch.integrations.Lifecycle.ACTIVE).isPresent());
        // the resume's own listeners and scheduler may still write the record after the await above
        // (a local write after ours would put back this instance's state): the other instance's write
        // is made again until the page shows it, each time waiting for the push
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    jdbc.sql("""
                            UPDATE health_record SET run_state = 'SYNC_FAILING', detailed_state = 'SYNC_FAILING', summary_rank = 0,
                              message = 'Written by another instance', change_version = change_version + 1,
                              changed_at = CURRENT_TIMESTAMP(6) WHERE integration_id = ?""").param(active.id().value()).update();
                    PlaywrightAssertions.assertThat(card.locator("h3")).hasText("Sync failing",
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(8_000));
                });
        PlaywrightAssertions.assertThat(card).containsText("Written by another instance");

        assertThat(page.evaluate("window.__notReloaded === true")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.errors()).isEmpty();
    }
}
