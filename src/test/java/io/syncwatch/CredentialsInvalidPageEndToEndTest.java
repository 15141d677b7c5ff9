package io.syncwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;

import io.syncwatch.health.DetailedState;
import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.SyncwatchTest;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * The integration page of an integration held for invalid credentials, as the two modules draw
 * it together: the health module's status area and the integrations module's actions both lead
 * to Reconnect, and nothing on the page offers a Resume.
 */
@SyncwatchTest
class CredentialsInvalidPageEndToEndTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    IntegrationOperations operations;

    @Autowired
    HealthQueries health;

    @BeforeEach
    void signIn() {
        signedIn.as(accounts.user(accounts.create(FeatureFlag.INTEGRATIONS), Permission.MANAGE_INTEGRATIONS));
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    void awaitHealth(IntegrationSnapshot s, DetailedState state) {
        await().atMost(Duration.ofSeconds(15)).pollInSameThread()
                .until(() -> health.find(s.id()).filter(r -> r.state() == state).isPresent());
    }

    @Test
    void thePageOfAHeldIntegrationLeadsToReconnectAndOffersNoResume() {
        IntegrationSnapshot s = TestPlatforms.connectActive(integrations, "Support");
        awaitHealth(s, DetailedState.WAITING_FOR_FIRST_RUN);
        operations.holdForInvalidCredentials(s.id(), "Every run failed on authentication for 3 days");
        awaitHealth(s, DetailedState.CREDENTIALS_INVALID);

        UI.getCurrent().navigate("conversations/integrations/platforms/" + s.id());

        assertThat($(H3.class).withText("Credentials invalid").exists()).as("the status area's state").isTrue();
        assertThat($(Anchor.class).id("health-action-reconnect").getHref()).endsWith(s.id() + "?reconnect");
        assertThat($(Button.class).id("reconnect").getThemeNames()).contains("primary");
        assertThat($(Button.class).all()).as("no Resume anywhere on the page")
                .noneMatch(b -> b.getText().equals("Resume"))
                .noneMatch(b -> b.getId().filter(id -> id.equals("pause-resume") || id.equals("health-action-resume"))
                        .isPresent());
    }
}
