package io.syncwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.syncwatch.health.DetailedState;
import io.syncwatch.alerts.application.port.in.AlertEvents;
import io.syncwatch.alerts.application.port.in.AlertOwners;
import io.syncwatch.alerts.application.port.in.HealthDigest;
import io.syncwatch.alerts.application.port.in.WebhookAdministration;
import io.syncwatch.alerts.domain.DigestLine;
import io.syncwatch.alerts.domain.DigestLine.Kind;
import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.MovableClock;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/** The digest on constructed histories fed through the same events the other modules publish. */
@AlertsTest
class HealthDigestTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(AlertsTest.SMTP_PORT, "127.0.0.1", "smtp"));

    @Autowired
    TestAccounts accounts;
    @Autowired
    SignedIn signedIn;
    @Autowired
    AlertEvents alerts;
    @Autowired
    HealthDigest digest;
    @Autowired
    AlertOwners owners;
    @Autowired
    WebhookAdministration webhooks;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    TestAccount account;

    @BeforeEach
    void account() {
        clock.set(Instant.parse("2026-11-23T08:00:00Z"));
        account = accounts.createWithAllFeatures();
    }

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    /** Five weeks of daily runs: 100 a day, then {@code thisWeekPerDay} in the last seven days. */
    void history(long integration, String name, long thisWeekPerDay) {
        Instant now = clock.instant();
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), integration, name, DetailedState.SETUP,
                DetailedState.ACTIVE, now.minus(Duration.ofDays(40))));
        for (int d = 34; d >= 0; d--) {
            alerts.runFinished(AlertsFixtures.run(account.id(), integration, RunOutcome.SUCCEEDED,
                    d < 7 ? thisWeekPerDay : 100, now.minus(Duration.ofDays(d)).minus(Duration.ofMinutes(30))));
        }
    }

    @Test
    void theDigestNamesFailuresVolumeDropsWithNumbersAndRecoveries() {
        history(11, "Steady", 100);
        history(12, "Dropping", 20);
        history(13, "Broken", 100);
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 13, "Broken", DetailedState.ACTIVE,
                DetailedState.SYNC_FAILING, clock.instant().minus(Duration.ofHours(5))));
        history(14, "Recovered", 100);
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 14, "Recovered", DetailedState.ACTIVE,
                DetailedState.SYNC_FAILING, clock.instant().minus(Duration.ofDays(3))));
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 14, "Recovered", DetailedState.SYNC_FAILING,
                DetailedState.ACTIVE, clock.instant().minus(Duration.ofDays(2))));

        var lines = digest.generate(account.id()).lines();

        assertThat(lines).extracting(DigestLine::kind, DigestLine::integrationName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.NOT_ACTIVE, "Broken"),
                org.assertj.core.groups.Tuple.tuple(Kind.VOLUME_DROP, "Dropping"),
                org.assertj.core.groups.Tuple.tuple(Kind.RECOVERED, "Recovered"));
        assertThat(lines.get(0).text()).startsWith("Sync failing: The API answered HTTP 500 three times — Check");
        assertThat(lines.get(1).text())
                .isEqualTo("Imported 140 this week against a trailing four-week average of 700 per week (80% lower)");
        assertThat(lines.get(1).link()).isEqualTo("conversations/integrations/platforms/12");
    }

    @Test
    void onlyAStateARunCausedCountsAsRecoveredAndWarningsAreNotCalledNotActive() {
        Instant now = clock.instant();
        history(51, "New and fine", 100);
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 51, "New and fine", DetailedState.SETUP,
                DetailedState.WAITING_FOR_FIRST_RUN, now.minus(Duration.ofDays(2))));
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 51, "New and fine",
                DetailedState.WAITING_FOR_FIRST_RUN, DetailedState.ACTIVE, now.minus(Duration.ofDays(1))));
        history(52, "Resumed", 100);
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 52, "Resumed", DetailedState.INACTIVE,
                DetailedState.ACTIVE, now.minus(Duration.ofDays(1))));
        history(53, "Warned", 100);
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 53, "Warned", DetailedState.ACTIVE,
                DetailedState.SYNC_HAS_WARNINGS, now.minus(Duration.ofHours(3))));

        var lines = digest.generate(account.id()).lines();

        assertThat(lines).extracting(DigestLine::kind, DigestLine::integrationName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.WARNINGS, "Warned"));
        assertThat(Kind.WARNINGS.label()).isEqualTo("Running with warnings");
    }

    @Test
    void runsWithoutDataAndQuietIntegrationsAreReported() {
        Instant now = clock.instant();
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 21, "Empty runs", DetailedState.SETUP,
                DetailedState.ACTIVE, now.minus(Duration.ofDays(10))));
        alerts.runFinished(AlertsFixtures.run(account.id(), 21, RunOutcome.SUCCEEDED, 50, now.minus(Duration.ofDays(4))));
        alerts.runFinished(AlertsFixtures.run(account.id(), 21, RunOutcome.SUCCEEDED, 0, now.minus(Duration.ofHours(1))));
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 22, "Gone quiet", DetailedState.SETUP,
                DetailedState.ACTIVE, now.minus(Duration.ofDays(10))));
        alerts.runFinished(AlertsFixtures.run(account.id(), 22, RunOutcome.SUCCEEDED, 5, now.minus(Duration.ofDays(3))));

        var lines = digest.generate(account.id()).lines();

        assertThat(lines).extracting(DigestLine::kind, DigestLine::integrationName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.DATA_GAP, "Empty runs"),
                org.assertj.core.groups.Tuple.tuple(Kind.QUIET_OR_OVERDUE, "Gone quiet"));
        assertThat(lines.get(0).text()).contains("(95 h earlier)");
    }

    @Test
    void eventsPublishedByOtherModulesReachTheDigestAndTheWeeklySendMailsAndPostsIt() {
        String admin = accounts.user(account, Permission.ACCOUNT_ADMIN, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(admin);
        webhooks.register("http://localhost:9/digest", "digest", EnumSet.of(WebhookEventType.DIGEST_READY));
        transactions.executeWithoutResult(tx -> events.publishEvent(AlertsFixtures.stateChanged(account.id(), 31,
                "Via events", DetailedState.ACTIVE, DetailedState.CREDENTIALS_INVALID, clock.instant())));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(owners.routing())
                .extracting(AlertOwners.Routing::integrationName).containsExactly("Via events"));

        assertThat(digest.generateNow().lines()).extracting(DigestLine::kind).contains(Kind.NOT_ACTIVE);
        assertThat(digest.sendWeekly()).isPositive();

        assertThat(AlertsFixtures.mailsTo(smtp, admin)).contains("[Syncwatch] Weekly health digest");
        WebhookDelivery posted = webhooks.deliveries(webhooks.endpoints().getFirst().id(), 0, 5).getFirst();
        assertThat(posted.eventType()).isEqualTo(WebhookEventType.DIGEST_READY);
        assertThat(posted.payload()).contains("\"type\":\"digest.ready\"", "\"integrationName\":\"Via events\"",
                "conversations/integrations/platforms/31");
    }

    @Test
    void twoInstancesTriggeringTheSameScheduleSendOneDigestAndTheNextWeekSendsAgain() throws Exception {
        String admin = accounts.user(account, Permission.ACCOUNT_ADMIN, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(admin);
        webhooks.register("http://localhost:9/digest", "digest", EnumSet.of(WebhookEventType.DIGEST_READY));
        long endpoint = webhooks.endpoints().getFirst().id();
        alerts.stateChanged(AlertsFixtures.stateChanged(account.id(), 41, "Twice", DetailedState.ACTIVE,
                DetailedState.SYNC_HAS_WARNINGS, clock.instant()));

        // Monday 08:00 here: both "instances" fire for the 07:00 slot at once
        var start = new CountDownLatch(1);
        try (var instances = Executors.newFixedThreadPool(2)) {
            Future<Integer> first = instances.submit(() -> {
                start.await();
                return digest.sendWeekly();
            });
            Future<Integer> second = instances.submit(() -> {
                start.await();
                return digest.sendWeekly();
            });
            start.countDown();
            first.get();
            second.get();
        }
        clock.advance(Duration.ofHours(1));
        digest.sendWeekly(); // a late trigger for the same slot

        assertThat(AlertsFixtures.mailsTo(smtp, admin)).containsExactly("[Syncwatch] Weekly health digest");
        assertThat(webhooks.deliveries(endpoint, 0, 10)).extracting(WebhookDelivery::eventType)
                .containsExactly(WebhookEventType.DIGEST_READY);

        clock.advance(Duration.ofDays(7));
        digest.sendWeekly();
        assertThat(AlertsFixtures.mailsTo(smtp, admin)).as("next week's digest")
                .containsExactly("[Syncwatch] Weekly health digest", "[Syncwatch] Weekly health digest");
        assertThat(webhooks.deliveries(endpoint, 0, 10)).hasSize(2);
    }
}
