package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.integrations.Environment;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationConfigured;
import io.syncwatch.integrations.IntegrationConnected;
import io.syncwatch.integrations.IntegrationDeleted;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.IntegrationPaused;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.integrations.PauseReason;
import io.syncwatch.integrations.Schedule;
import io.syncwatch.testsupport.EventPublications;
import io.syncwatch.testsupport.TestAccounts;

/** The module on its own: integrations' events feed the projection; a run publishes its events. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import({ ImportsFixtures.class, TestAccounts.class })
@TestPropertySource(properties = { "syncwatch.imports.scheduler.enabled=false", "syncwatch.imports.retry.backoff=0s" })
class ImportsModuleTest {

    @Autowired TestAccounts accounts;
    @Autowired ImportIntegrations projection;
    @Autowired ScheduledImports scheduled;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void integrationEventsKeepTheProjectionCurrent(Scenario scenario) {
        var account = accounts.createWithAllFeatures().id();
        var id = IntegrationId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
        var filters = new ImportFilters(List.of(), null, Set.of("closed"));
        var connected = new IntegrationSnapshot(id, account, "Support desk", "demo", Environment.PRODUCTION, Schedule.DAILY,
                filters, Lifecycle.ACTIVE, null, null, Instant.now(), 1);

        scenario.publish(new IntegrationConnected(connected, "ada", Instant.now()))
                .andWaitForStateChange(() -> projection.find(id))
                .andVerify(found -> assertThat(found).hasValueSatisfying(i -> {
                    assertThat(i.schedule()).isEqualTo(Schedule.DAILY);
                    assertThat(i.filters()).isEqualTo(filters);
                    assertThat(i.runnable()).isTrue();
                }));

        var paused = new IntegrationSnapshot(id, account, "Support desk", "demo", Environment.PRODUCTION, Schedule.DAILY,
                filters, Lifecycle.PAUSED, PauseReason.MANUAL, null, Instant.now(), 2);
        scenario.publish(new IntegrationPaused(paused, "ada", Instant.now()))
                .andWaitForStateChange(() -> projection.find(id).map(ImportIntegration::lifecycle),
                        l -> l.filter(Lifecycle.PAUSED::equals).isPresent())
                .andVerify(l -> assertThat(scheduled.dueIntegrations(10_000)).doesNotContain(id));
    }

    @Test
    void anEventThatArrivesAfterALaterOneChangesNothing(Scenario scenario) {
        var account = accounts.createWithAllFeatures().id();
        var id = IntegrationId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L));
        var closed = new ImportFilters(List.of(), null, Set.of("closed"));
        var connected = new IntegrationSnapshot(id, account, "Support desk", "demo", Environment.PRODUCTION, Schedule.DAILY,
                ImportFilters.none(), Lifecycle.SETUP, null, null, Instant.now(), 1);
        var configured = new IntegrationSnapshot(id, account, "Support desk (EU)", "demo", Environment.PRODUCTION,
                Schedule.HOURLY, closed, Lifecycle.ACTIVE, null, null, connected.connectedAt(), 2);
        var deleted = new IntegrationSnapshot(id, account, "Support desk (EU)", "demo", Environment.PRODUCTION,
                Schedule.HOURLY, closed, Lifecycle.DELETED, null, null, connected.connectedAt(), 3);

        // delivered in the wrong order, as concurrent listeners or a resubmission a minute later can
        scenario.publish(new IntegrationDeleted(deleted, "ada", Instant.now()))
                .andWaitForStateChange(() -> projection.find(id))
                .andVerify(found -> assertThat(found).map(ImportIntegration::lifecycle).hasValue(Lifecycle.DELETED));
        scenario.publish(new IntegrationConfigured(configured, "ada", Instant.now()))
                .andWaitForStateChange(() -> EventPublications.allHandled(jdbc, id.value()))
                .andVerify(handled -> assertThat(projection.find(id)).hasValueSatisfying(i -> {
                    assertThat(i.lifecycle()).isEqualTo(Lifecycle.DELETED);
                    assertThat(i.filters()).isEqualTo(closed);
                }));
        scenario.publish(new IntegrationConnected(connected, "ada", Instant.now()))
                .andWaitForStateChange(() -> EventPublications.allHandled(jdbc, id.value()))
                .andVerify(handled -> assertThat(projection.find(id)).hasValueSatisfying(i -> {
                    assertThat(i.lifecycle()).as("a late 'connected' does not bring it back in setup")
                            .isEqualTo(Lifecycle.DELETED);
                    assertThat(i.name()).isEqualTo("Support desk (EU)");
                    assertThat(i.schedule()).isEqualTo(Schedule.HOURLY);
                    assertThat(i.filters()).as("nor its stale filters").isEqualTo(closed);
                }));
        assertThat(scheduled.dueIntegrations(10_000)).doesNotContain(id);
    }

    @Test
    void aScheduledRunPublishesItsFinishedEventWithCountsAndNextRun(Scenario scenario) {
        var account = accounts.createWithAllFeatures().id();
        var script = source.newScript().add(conversation("E-1", "chat", "closed", Instant.now().minusSeconds(60)));
        var integration = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials());

        scenario.stimulate(() -> scheduled.runScheduled(integration.id()))
                .andWaitForEventOfType(ImportRunFinished.class)
                .matching(e -> e.integrationId().equals(integration.id()))
                .toArriveAndVerify(e -> {
                    assertThat(e.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
                    assertThat(e.counts().imported()).isEqualTo(1);
                    assertThat(e.firstRun()).isTrue();
                    assertThat(e.nextRunAt()).isEqualTo(e.finishedAt().plus(Duration.ofHours(1)));
                });
    }
}
