package io.syncwatch.alerts.adapter.in.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.AlertsFixtures;
import io.syncwatch.alerts.AlertsTest;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.alerts.application.port.in.AlertOwners;
import io.syncwatch.alerts.application.port.in.WebhookDispatch;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** The webhook admin screen and the digest page, driven like a user would, without a browser. */
@AlertsTest
class AlertsViewsTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    SignedIn signedIn;
    @Autowired
    AlertEvents alerts;
    @Autowired
    WebhookDispatch dispatch;
    @Autowired
    MovableClock clock;

    @SuppressWarnings("unchecked")
    <T> Grid<T> grid(String id) {
        return (Grid<T>) $(Grid.class).id(id);
    }

    @BeforeEach
    void morning() {
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    @Test
    void anAdminAddsAnEndpointSeesTheSecretOnceSendsATestAndDisablesIt() {
        TestAccount account = accounts.createWithAllFeatures();
        signedIn.as(accounts.user(account, Permission.ACCOUNT_ADMIN));
        UI.getCurrent().navigate("account/webhooks");
        assertThat(getCurrentView()).isInstanceOf(WebhooksView.class);
        TextField url = $(TextField.class).id("webhook-url");
        TextField description = $(TextField.class).id("webhook-description");
        Button add = $(Button.class).id("webhook-add");
        Grid<WebhookEndpoint> endpoints = grid("webhook-endpoints");
        Button testButton = $(Button.class).id("webhook-test");
        Button resend = $(Button.class).id("webhook-resend");
        Button toggle = $(Button.class).id("webhook-toggle");
        Paragraph status = $(Paragraph.class).id("webhook-status");

        test(url).setValue("https://10.1.2.3/hook");
        test(add).click();
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).contains("private");

        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.checkbox.CheckboxGroup<WebhookEventType> events =
                $(com.vaadin.flow.component.checkbox.CheckboxGroup.class).single();
        var chosen = events.getValue();
        events.clear();
        test(url).setValue("http://127.0.0.1:9/hook");
        test(add).click();
        assertThat(events.isInvalid()).isTrue();
        assertThat(events.getErrorMessage()).isEqualTo("Choose at least one event");
        assertThat(test(endpoints).size()).as("nothing registered").isZero();
        events.setValue(chosen);

        test(description).setValue("Ops pager");
        test(add).click();
        assertThat(url.isInvalid()).isFalse();
        assertThat($(Div.class).id("webhook-secret").getText()).contains("not shown again", "whsec_");
        assertThat(test(endpoints).size()).isEqualTo(1);
        WebhookEndpoint endpoint = test(endpoints).getRow(0);
        assertThat(endpoint.description()).isEqualTo("Ops pager");
        assertThat(endpoint.eventTypes()).contains(WebhookEventType.STATE_CHANGED);
        assertThat(test(endpoints).getCellText(0, 3)).isEqualTo("Enabled");

        endpoints.select(endpoint);
        Grid<WebhookDelivery> deliveries = grid("webhook-deliveries");
        test(testButton).click();
        dispatch.dispatchDue(account.id());
        deliveries.getDataProvider().refreshAll();
        assertThat(test(deliveries).size()).isEqualTo(1);
        WebhookDelivery delivery = test(deliveries).getRow(0);
        assertThat(delivery.eventType()).isEqualTo(WebhookEventType.TEST);
        assertThat(delivery.status()).as("nothing listens on port 9").isIn(WebhookDelivery.Status.RETRYING);
        assertThat(test(deliveries).getCellText(0, 9)).startsWith("Connection failed");

        deliveries.select(delivery);
        test(resend).click();
        assertThat(status.getText()).contains("queued again");

        test(toggle).click();
        assertThat(test(endpoints).getCellText(0, 3)).startsWith("Disabled");
        assertThat(toggle.getText()).isEqualTo("Enable");

        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("account/webhooks");
        assertThat($(Div.class).withId("webhook-secret").exists()).as("the secret is shown once").isFalse();
    }

    @Test
    void theDigestPageListsFindingsWithLinksAndRegeneratesOnDemand() {
        TestAccount account = accounts.createWithAllFeatures();
        Instant now = clock.instant();
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 41, "Helpdesk EU", DetailedState.ACTIVE,
                DetailedState.SYNC_FAILING, now.minus(Duration.ofHours(2))));
        alerts.runFinished(AlertsFixtures.run(account.id(), 41, RunOutcome.FAILED, 0, now.minus(Duration.ofHours(1))));
        String eve = accounts.namedUser(account, "Eve Europe");
        String gone = accounts.namedUser(account, "Gus Gone");
        accounts.setEnabled(account, gone, false);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));

        UI.getCurrent().navigate("conversations/integrations/digest");
        assertThat(getCurrentView()).isInstanceOf(DigestView.class);
        Button generate = $(Button.class).id("digest-generate");
        Grid<io.syncwatch.alerts.application.port.in.AlertOwners.Routing> routing = grid("digest-routing");
        MultiSelectComboBox<AlertOwners.Owner> owner = $(MultiSelectComboBox.class).id("digest-owner");
        TextField mailbox = $(TextField.class).id("digest-mailbox");
        Button addMailbox = $(Button.class).id("digest-add-mailbox");
        Button saveOwner = $(Button.class).id("digest-save-owner");
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Not active (1)");
        Anchor link = $(Anchor.class).all().stream().filter(a -> a.getText().equals("Helpdesk EU")).findFirst()
                .orElseThrow();
        assertThat(link.getHref()).isEqualTo("conversations/integrations/platforms/41");

        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 42, "Helpdesk US", DetailedState.SETUP,
                DetailedState.AUTHENTICATION_FAILING, now));
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 43, "Retired desk", DetailedState.ACTIVE,
                DetailedState.DELETED, now));
        test(generate).click();
        assertThat($(H3.class).all()).extracting(H3::getText).contains("Not active (2)");
        assertThat($(Span.class).all()).extracting(Span::getText).anyMatch(t -> t.contains("Authentication failing"));

        assertThat(test(routing).size()).as("a deleted integration has no alert routing").isEqualTo(2);
        assertThat(test(routing).getCellText(0, 2)).isEqualTo("Account admins");
        assertThat(owner.isEnabled()).as("pick a row first").isFalse();
        assertThat(owner.getHelperText()).isEqualTo("Select an integration above to choose its owners.");
        routing.select(test(routing).getRow(0));
        List<AlertOwners.Owner> offered = owner.getListDataView().getItems().toList();
        assertThat(offered).extracting(AlertOwners.Owner::label).contains("Eve Europe <" + eve + ">")
                .noneMatch(l -> l.contains(gone));
        test(owner).selectItem("Eve Europe <" + eve + ">");

        test(mailbox).setValue(eve);
        test(addMailbox).click();
        assertThat(mailbox.isInvalid()).as("a user is picked, not typed").isTrue();
        assertThat(mailbox.getErrorMessage()).contains("pick them from the list");
        test(mailbox).setValue("eu-team@example.test");
        test(addMailbox).click();
        assertThat(mailbox.isInvalid()).isFalse();
        test(saveOwner).click();

        assertThat(owner.isInvalid()).isFalse();
        assertThat(test(routing).getCellText(0, 2))
                .isEqualTo("Eve Europe <" + eve + ">, eu-team@example.test (shared mailbox)");
        routing.deselectAll();
        routing.select(test(routing).getRow(0));
        assertThat(owner.getValue()).extracting(AlertOwners.Owner::email).containsExactlyInAnyOrder(eve,
                "eu-team@example.test");
    }
}
