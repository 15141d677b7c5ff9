package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.application.port.out.AlertRouting;
import io.syncwatch.alerts.application.port.out.AlertRouting.StoredOwners;
import io.syncwatch.alerts.application.port.out.WebhookDeliveries;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.health.CredentialsDeclaredInvalid;
import io.syncwatch.health.DetailedState;
import io.syncwatch.health.QualityAssuranceTriggered;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * The alerts module driven only by what health and imports publish: an event goes out (after
 * commit, as the publishing module's transaction would), and alerts' listeners mail the routed
 * recipients, hold repeats, and queue a webhook delivery per subscribed endpoint. Health is
 * bootstrapped too (a direct dependency): its migrations run before alerts' ones, as in the app.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import({ TestAccounts.class, SignedIn.class })
@TestPropertySource(properties = { "syncwatch.alerts.allow-loopback=true", "syncwatch.alerts.scheduling.enabled=false",
        "spring.mail.host=127.0.0.1", "spring.mail.port=" + AlertsModuleTest.SMTP_PORT })
class AlertsModuleTest {

    static final int SMTP_PORT = 39_426;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired TestAccounts accounts;
    @Autowired SignedIn signedIn;
    @Autowired WebhookAdministration webhooks;
    @Autowired AlertRouting routing;
    @Autowired WebhookDeliveries outbox;

    TestAccount account;
    String adminEmail;
    long integration;
    long endpoint;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void accountWithAWebhook() {
        account = accounts.createWithAllFeatures();
        adminEmail = accounts.user(account, Permission.ACCOUNT_ADMIN);
        integration = ThreadLocalRandom.current().nextLong(1_000_000, 1L << 40);
        signedIn.as(adminEmail);
        endpoint = webhooks.register("http://127.0.0.1:9/hook", "ops",
                EnumSet.of(WebhookEventType.STATE_CHANGED, WebhookEventType.RUN_FAILED, WebhookEventType.QUALITY_ASSURANCE))
                .endpoint().id();
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    /** The endpoint's delivery log, read from the outbox (the waits poll on threads without a signed-in caller). */
    List<WebhookDelivery> queued() {
        return outbox.log(account.id(), endpoint, 0, 50);
    }

    @Test
    void anErrorStateFromHealthMailsTheAdminsOnceHoldsTheRepeatAndQueuesTheWebhooks(Scenario scenario) {
        scenario.publish(AlertsFixtures.stateChanged(account.id(), integration, "Support desk", DetailedState.ACTIVE,
                DetailedState.SYNC_FAILING, now))
                .andWaitForStateChange(() -> AlertsFixtures.mailsTo(smtp, adminEmail), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).containsExactly("[Syncwatch] Support desk (Zendesk): Sync failing"));
        assertThat(queued()).singleElement().satisfies(d -> {
            assertThat(d.eventType()).isEqualTo(WebhookEventType.STATE_CHANGED);
            assertThat(d.status()).isEqualTo(WebhookDelivery.Status.PENDING);
            assertThat(d.payload()).contains("\"detailed\":\"Sync failing\"", "\"summary\":\"Error\"");
        });

        // the same kind again within the hour: held for the summary, not mailed; the webhook still goes out
        scenario.publish(AlertsFixtures.stateChanged(account.id(), integration, "Support desk", DetailedState.SYNC_HAS_WARNINGS,
                DetailedState.SYNC_FAILING, now.plusSeconds(60)))
                .andWaitForStateChange(() -> routing.held(account.id(), integration, DetailedState.SYNC_FAILING.name()))
                .andVerify(held -> assertThat(held).hasValueSatisfying(h -> {
                    assertThat(h.count()).isEqualTo(1);
                    assertThat(h.about()).isEqualTo("Support desk (Zendesk): Sync failing");
                }));
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).hasSize(1);
        assertThat(queued()).hasSize(2);
    }

    @Test
    void aWarningIsNotMailedButGoesToTheWebhook(Scenario scenario) {
        scenario.publish(AlertsFixtures.stateChanged(account.id(), integration, "Support desk", DetailedState.ACTIVE,
                DetailedState.SYNC_HAS_WARNINGS, now))
                .andWaitForStateChange(this::queued, deliveries -> !deliveries.isEmpty())
                .andVerify(deliveries -> assertThat(deliveries).extracting(WebhookDelivery::eventType)
                        .containsExactly(WebhookEventType.STATE_CHANGED));
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).isEmpty();
    }

    @Test
    void invalidCredentialsGoToTheIntegrationsOwnerInsteadOfTheAdmins(Scenario scenario) {
        String owner = accounts.namedUser(account, "Olivia Owner");
        routing.setOwner(account.id(), integration, new StoredOwners(List.of(owner), List.of()));

        // the first alert about the integration: the event itself names it (alerts has seen nothing of it before)
        scenario.publish(new CredentialsDeclaredInvalid(IntegrationId.of(integration), account.id(), "Support desk", "Zendesk",
                now.minusSeconds(3 * 86_400), now))
                .andWaitForStateChange(() -> AlertsFixtures.mailsTo(smtp, owner), mails -> !mails.isEmpty())
                .andVerify(mails -> assertThat(mails).containsExactly("[Syncwatch] Support desk: Credentials invalid"));
        assertThat(AlertsFixtures.mailsTo(smtp, adminEmail)).isEmpty();
        String text = AlertsFixtures.textsTo(smtp, owner).getFirst();
        assertThat(text).startsWith("Support desk (Zendesk) is now: Credentials invalid");
    }

    @Test
    void aQualityAssuranceHoldAndAFailedRunFromImportsQueueTheirWebhooks(Scenario scenario) {
        scenario.publish(new QualityAssuranceTriggered(IntegrationId.of(integration), account.id(), "Support desk", "Zendesk",
                "The first sync had problems", now))
                .andWaitForStateChange(this::queued, deliveries -> !deliveries.isEmpty())
                .andVerify(deliveries -> assertThat(deliveries).singleElement().satisfies(d -> {
                    assertThat(d.eventType()).isEqualTo(WebhookEventType.QUALITY_ASSURANCE);
                    assertThat(d.payload()).as("named by the event, unknown to alerts until now").contains(
                            "\"integration\":{\"id\":" + integration + ",\"name\":\"Support desk\",\"platform\":\"Zendesk\"}");
                }));

        scenario.publish(AlertsFixtures.run(account.id(), integration, RunOutcome.FAILED, 0, now))
                .andWaitForStateChange(this::queued, deliveries -> deliveries.size() == 2)
                .andVerify(deliveries -> assertThat(deliveries).extracting(WebhookDelivery::eventType)
                        .contains(WebhookEventType.RUN_FAILED));
    }
}
