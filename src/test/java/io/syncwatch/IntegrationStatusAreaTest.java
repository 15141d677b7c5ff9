package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The integration page (integrations module) opens with the health module's status area: the
 * latest message in full, the action for its failure category and what to check, as runs end.
 */
@SyncwatchTest
class IntegrationStatusAreaTest extends SpringBrowserlessTest {

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired IntegrationManagement integrations;
    @Autowired HealthQueries health;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    void runFinished(IntegrationSnapshot s, RunOutcome outcome, @Nullable FailureCategory category, String message, boolean first) {
        tx.executeWithoutResult(t -> events.publishEvent(TestPlatforms.runFinished(s, outcome, category, message, first)));
    }

    void awaitState(TestAccount account, IntegrationSnapshot s, DetailedState state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> health.find(account.id(), s.id())
                .map(r -> r.state() == state).orElse(false));
    }

    String statusArea(IntegrationSnapshot s) {
        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());
        return $(Div.class).id("health-status-area").getElement().getTextRecursively();
    }

    @Test
    void theStatusAreaShowsTheMessageInFullTheActionForItsCategoryAndWhatToCheck() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        IntegrationSnapshot s = TestPlatforms.connectActive(integrations, "Support desk");
        runFinished(s, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);
        awaitState(account, s, DetailedState.ACTIVE);

        String longMessage = "The source answered 401 Unauthorized: the API token was revoked by an administrator of the "
                + "helpdesk on its security page; every request since then has been refused with the same answer.";
        runFinished(s, RunOutcome.FAILED, FailureCategory.AUTHENTICATION_FAILED, longMessage, false);
        awaitState(account, s, DetailedState.AUTHENTICATION_FAILING);

        assertThat(statusArea(s)).contains("Error").contains("Authentication failing").contains(longMessage)
                .contains("Last ran at: just now").contains("What to check");
        Anchor reconnect = $(Anchor.class).id("health-action-reconnect");
        assertThat(reconnect.getText()).isEqualTo("Reconnect");
        assertThat(reconnect.getHref()).isEqualTo("conversations/integrations/platforms/" + s.id() + "?reconnect");
        assertThat($(UnorderedList.class).id("health-what-to-check").getChildren().count()).isPositive();

        runFinished(s, RunOutcome.FAILED, FailureCategory.SOURCE_UNREACHABLE, "The helpdesk did not answer within 30 seconds", false);
        awaitState(account, s, DetailedState.SYNC_FAILING);

        assertThat(statusArea(s)).contains("Sync failing").contains("The helpdesk did not answer within 30 seconds");
        assertThat($(Button.class).id("health-action-run").getText()).isEqualTo("Run now");
        assertThat($(Anchor.class).withId("health-action-reconnect").exists()).isFalse();
    }

    @Test
    void aHealthyIntegrationShowsNoActionAndNoChecklist() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        IntegrationSnapshot s = TestPlatforms.connectActive(integrations, "Quiet desk");
        runFinished(s, RunOutcome.SUCCEEDED, null, "Fetched 3, imported 3", true);
        awaitState(account, s, DetailedState.ACTIVE);

        assertThat(statusArea(s)).contains("Active").doesNotContain("What to check");
        assertThat($(UnorderedList.class).withId("health-what-to-check").exists()).isFalse();
        assertThat($(Button.class).withId("health-action-run").exists()).isFalse();
    }
}
