package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthFixtures;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationOperations;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationReconnected;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.EventPublications;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;

/**
 * The health module on its own (a Spring Modulith module test: only health and the platform kernel
 * are bootstrapped; the integrations module's facade is a mock whose calls are verified, the imports
 * facade (the bulk Run now's, a required dependency of health) a mock): the other
 * modules' events, published as they publish them, keep the health record up to date, and health
 * publishes its own events, observed with {@link Scenario}.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@Import({ TestAccounts.class, SignedIn.class })
@MockitoBean(types = { IntegrationOperations.class, io.syncwatch.imports.ImportOperations.class })
class HealthTrackingModuleTest {

    @Autowired
    TestAccounts accounts;

    @Autowired
    HealthQueries queries;

    @Autowired
    SignedIn signedIn;

    @AfterEach
    void signOut() {
        signedIn.signOut();
    }

    @Autowired
    IntegrationOperations integrations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    // MariaDB via Connector/J stores whole seconds
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    IntegrationSnapshot connect(Scenario scenario, long account, long id, Lifecycle lifecycle) {
        var snapshot = HealthFixtures.snapshot(id, account, "Desk " + id, lifecycle, null, now.minus(Duration.ofDays(5)));
        scenario.publish(new IntegrationConnected(snapshot, "tester", now))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                .matching(e -> e.integrationId().value() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.previous()).isNull();
                    assertThat(e.current()).isEqualTo(lifecycle == Lifecycle.SETUP ? DetailedState.SETUP : DetailedState.WAITING_FOR_FIRST_RUN);
                });
        return snapshot;
    }

    Optional<HealthRecord> record(long account, long id) {
        return queries.find(io.syncwatch.platform.AccountId.of(account), IntegrationId.of(id));
    }

    @Test
    void anIntegrationEventThatArrivesAfterALaterOneChangesNothing(Scenario scenario) {
        long account = accounts.createWithAllFeatures().id().value();
        long id = HealthSpringTest.freshIntegrationId();
        var connected = connect(scenario, account, id, Lifecycle.SETUP);
        var configured = HealthFixtures.later(connected, Lifecycle.ACTIVE, null);
        var paused = HealthFixtures.later(connected, Lifecycle.PAUSED, PauseReason.MANUAL);

        // the pause is delivered first, then the configuration that came before it (concurrent listeners, or a resubmission)
        scenario.publish(new IntegrationPaused(paused, "tester", now))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                .matching(e -> e.integrationId().value() == id && e.current() == DetailedState.INACTIVE)
                .toArriveAndVerify(e -> assertThat(e.previous()).isEqualTo(DetailedState.SETUP));
        scenario.publish(new io.syncwatch.integrations.IntegrationConfigured(configured, "tester", now))
                .andWaitForStateChange(() -> EventPublications.allHandled(jdbc, id))
                .andVerify(handled -> {
                    var record = record(account, id).orElseThrow();
                    assertThat(record.lifecycle()).as("still paused: the stale snapshot is ignored").isEqualTo(Lifecycle.PAUSED);
                    assertThat(record.state()).isEqualTo(DetailedState.INACTIVE);
                    assertThat(record.integrationVersion()).isEqualTo(paused.version());
                });
        verify(integrations, never()).find(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
    }

    @Test
    void aFailedRunMakesTheIntegrationFailingAndAnnouncesTheChange(Scenario scenario) {
        long account = accounts.createWithAllFeatures().id().value();
        long id = HealthSpringTest.freshIntegrationId();
        connect(scenario, account, id, Lifecycle.ACTIVE);
        scenario.publish(HealthFixtures.finished(id, account, now.minusSeconds(600), RunOutcome.SUCCEEDED, null, null, true,
                now.minusSeconds(620)))
                .andWaitForStateChange(() -> record(account, id).map(HealthRecord::lastRanAt).orElse(null))
                .andVerify(at -> assertThat(at).isEqualTo(now.minusSeconds(600)));

        scenario.publish(HealthFixtures.finished(id, account, now, RunOutcome.FAILED, FailureCategory.PERMISSION_DENIED,
                "403 Forbidden: the API user lacks the tickets scope", false, null))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                .matching(e -> e.integrationId().value() == id && e.current() == DetailedState.SYNC_FAILING)
                .toArriveAndVerify(e -> {
                    assertThat(e.previous()).isEqualTo(DetailedState.ACTIVE);
                    assertThat(e.message()).isEqualTo("403 Forbidden: the API user lacks the tickets scope");
                    assertThat(e.recommendedAction()).contains("access");
                });
        var record = record(account, id).orElseThrow();
        assertThat(record.state().summary()).isEqualTo(SummaryStatus.ERROR);
        assertThat(record.lastDataImportedAt()).isEqualTo(now.minusSeconds(620));
        assertThat(record.failureCategory()).isEqualTo(FailureCategory.PERMISSION_DENIED);
    }

    @Test
    void aRunningRowThatIsRetriedStaysActiveUntilItReallyFails(Scenario scenario) {
        long account = accounts.createWithAllFeatures().id().value();
        long id = HealthSpringTest.freshIntegrationId();
        connect(scenario, account, id, Lifecycle.ACTIVE);
        var runId = new ImportRunId(id);
        scenario.publish(new ImportRunStarted(runId, IntegrationId.of(id), io.syncwatch.platform.AccountId.of(account),
                RunTrigger.SCHEDULED, now))
                .andWaitForStateChange(() -> record(account, id).filter(HealthRecord::running).orElse(null))
                .andVerify(r -> assertThat(r.state()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN));
        scenario.publish(new ImportRunRetrying(runId, IntegrationId.of(id), io.syncwatch.platform.AccountId.of(account),
                FailureCategory.SOURCE_UNREACHABLE, "timeout", 1, now.plusSeconds(30)))
                .andWaitForStateChange(() -> record(account, id).filter(HealthRecord::running).orElse(null))
                .andVerify(r -> assertThat(r.state()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN));
        assertThat(record(account, id).orElseThrow().state().summary()).isEqualTo(SummaryStatus.ACTIVE);
    }

    @Test
    void threeDaysOfAuthenticationFailuresDeclareCredentialsInvalidAndHoldTheIntegration(Scenario scenario) {
        long account = accounts.createWithAllFeatures().id().value();
        long id = HealthSpringTest.freshIntegrationId();
        var snapshot = connect(scenario, account, id, Lifecycle.ACTIVE);
        scenario.publish(HealthFixtures.finished(id, account, now.minus(Duration.ofDays(4)), RunOutcome.SUCCEEDED, null,
                null, true, null))
                .andWaitForStateChange(() -> record(account, id).map(HealthRecord::lastRanAt).orElse(null));
        scenario.publish(HealthFixtures.finished(id, account, now.minus(Duration.ofHours(73)), RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, "401", false, null))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                .matching(e -> e.integrationId().value() == id && e.current() == DetailedState.AUTHENTICATION_FAILING)
                .toArriveAndVerify(e -> assertThat(e.previous()).isEqualTo(DetailedState.ACTIVE));
        verify(integrations, never()).holdForInvalidCredentials(eq(IntegrationId.of(id)), anyString());

        scenario.publish(HealthFixtures.finished(id, account, now, RunOutcome.FAILED,
                FailureCategory.AUTHENTICATION_FAILED, "401 again", false, null))
                .andWaitForEventOfType(CredentialsDeclaredInvalid.class)
                .matching(e -> e.integrationId().value() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.failingSince()).isEqualTo(now.minus(Duration.ofHours(73)).minusSeconds(60));
                    assertThat(e.integrationName()).as("carried, so that alerts looks nothing up").isEqualTo("Desk " + id);
                    assertThat(e.platform()).isEqualTo("zendesk");
                });
        verify(integrations, timeout(10_000)).holdForInvalidCredentials(eq(IntegrationId.of(id)), anyString());
        await().pollInSameThread().untilAsserted(() -> assertThat(record(account, id).orElseThrow().state())
                .isEqualTo(DetailedState.CREDENTIALS_INVALID));

        // the hold arrives, then the user reconnects
        var held = HealthFixtures.later(snapshot, Lifecycle.PAUSED, PauseReason.CREDENTIALS_INVALID);
        scenario.publish(new IntegrationPaused(held, "health", now))
                .andWaitForStateChange(() -> record(account, id).filter(r -> r.lifecycle() == Lifecycle.PAUSED).orElse(null))
                .andVerify(r -> assertThat(r.state()).isEqualTo(DetailedState.CREDENTIALS_INVALID));
        scenario.publish(new IntegrationReconnected(HealthFixtures.later(snapshot, Lifecycle.ACTIVE, null), "tester", now))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                // (the scenario sees every event of the test, including the first ACTIVE one at connection)
                .matching(e -> e.integrationId().value() == id && e.current() == DetailedState.ACTIVE
                        && e.previous() == DetailedState.CREDENTIALS_INVALID)
                .toArriveAndVerify(e -> assertThat(record(account, id).orElseThrow().state()).isEqualTo(DetailedState.ACTIVE));
    }

    @Test
    void aFirstRunThatWasOnlyRateLimitedHasWarningsAndKeepsRunningWithoutQualityAssurance(Scenario scenario) {
        var testAccount = accounts.createWithAllFeatures();
        long account = testAccount.id().value();
        signedIn.as(accounts.user(testAccount, Permission.MANAGE_INTEGRATIONS));
        long id = HealthSpringTest.freshIntegrationId();
        connect(scenario, account, id, Lifecycle.ACTIVE);

        scenario.publish(HealthFixtures.finished(id, account, now, RunOutcome.RATE_LIMITED, FailureCategory.RATE_LIMITED,
                "429 Too Many Requests: retry after 900 seconds", true, now))
                .andWaitForEventOfType(IntegrationStateChanged.class)
                .matching(e -> e.integrationId().value() == id && e.current() == DetailedState.SYNC_HAS_WARNINGS)
                .toArriveAndVerify(e -> {
                    assertThat(e.previous()).isEqualTo(DetailedState.WAITING_FOR_FIRST_RUN);
                    assertThat(e.recommendedAction()).isEqualTo(
                            io.syncwatch.health.domain.RecommendedAction.NO_ACTION_RATE_LIMITED);
                });
        await().pollInSameThread().untilAsserted(() -> assertThat(record(account, id).orElseThrow().state())
                .isEqualTo(DetailedState.SYNC_HAS_WARNINGS));
        verify(integrations, never()).holdForQualityAssurance(eq(IntegrationId.of(id)), anyString());
        assertThat(queries.notifications()).noneMatch(n -> n.integrationId().value() == id);
        assertThat(record(account, id).orElseThrow().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
    }

    @Test
    void problemsOnTheFirstRunTriggerQualityAssuranceWithAnInternalNotification(Scenario scenario) {
        var testAccount = accounts.createWithAllFeatures();
        long account = testAccount.id().value();
        signedIn.as(accounts.user(testAccount, Permission.MANAGE_INTEGRATIONS));
        long id = HealthSpringTest.freshIntegrationId();
        connect(scenario, account, id, Lifecycle.ACTIVE);
        scenario.publish(HealthFixtures.finished(id, account, now, RunOutcome.SUCCEEDED_WITH_WARNINGS, null,
                "Field 'agent' missing on 12 tickets", true, now))
                .andWaitForEventOfType(QualityAssuranceTriggered.class)
                .matching(e -> e.integrationId().value() == id)
                .toArriveAndVerify(e -> {
                    assertThat(e.message()).isEqualTo("Field 'agent' missing on 12 tickets");
                    assertThat(e.integrationName()).isEqualTo("Desk " + id);
                    assertThat(e.platform()).isEqualTo("zendesk");
                });
        verify(integrations, timeout(10_000)).holdForQualityAssurance(eq(IntegrationId.of(id)), anyString());
        await().pollInSameThread().untilAsserted(() -> assertThat(record(account, id).orElseThrow().state())
                .isEqualTo(DetailedState.QUALITY_ASSURANCE));
        await().pollInSameThread().untilAsserted(() -> assertThat(queries.notifications()).anySatisfy(n -> {
            assertThat(n.integrationId().value()).isEqualTo(id);
            assertThat(n.kind()).isEqualTo("QUALITY_ASSURANCE");
            assertThat(n.message()).isEqualTo("Field 'agent' missing on 12 tickets");
        }));
    }
}
