package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.adapter.in.schedule.ImportTasks;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/** Two db-scheduler instances on one database compete for the same due integration. */
@ImportsTest
class ImportSchedulingTest {

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ManualImports manual;
    @Autowired ImportHistory history;
    @Autowired DataSource dataSource;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void twoSchedulersNeverRunOneIntegrationTwiceOrAtOnce() {
        AccountId account = accounts.createWithAllFeatures().id();
        var script = source.newScript();
        for (int i = 0; i < 40; i++) {
            script.add(conversation("S-" + i, "chat", "closed", Instant.now().minusSeconds(3600 - i)));
        }
        script.delayMillis = 150;
        var integration = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials());
        // integrations left by earlier tests (this database outlives test runs) wait: this test watches one
        jdbc.update("UPDATE import_integration SET next_run_at = ? WHERE id <> ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(3650))), integration.id().value());

        Scheduler first = scheduler("instance-a");
        Scheduler second = scheduler("instance-b");
        try {
            first.start();
            second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> history.countRuns(account, integration.id()) == 1
                    && !history.runs(account, integration.id(), 0, 1).getFirst().running());
            // both keep polling for a while: the integration is not due again (next run in an hour)
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(history.countRuns(account, integration.id())).isEqualTo(1);
        assertThat(history.runs(account, integration.id(), 0, 1).getFirst().counts().imported()).isEqualTo(40);
        assertThat(script.maxRunning.get()).isEqualTo(1);
    }

    @Test
    void runNowIsRefusedWhileAnotherRunHoldsTheIntegration() {
        AccountId account = accounts.createWithAllFeatures().id();
        var script = source.newScript();
        for (int i = 0; i < 30; i++) {
            script.add(conversation("N-" + i, "chat", "closed", Instant.now().minusSeconds(3600 - i)));
        }
        script.delayMillis = 300;
        var integration = integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials());

        var run = manual.runNow(account, integration.id(), "ada@example.test");
        assertThatThrownBy(() -> manual.runNow(account, integration.id(), "bob@example.test"))
                .isInstanceOf(io.syncwatch.imports.ImportRefusal.CannotRun.class).hasMessage("An import of this integration is already running");
        assertThatThrownBy(() -> manual.startBackfill(account, integration.id(), java.time.LocalDate.now().minusDays(1),
                "bob@example.test")).isInstanceOf(io.syncwatch.imports.ImportRefusal.CannotRun.class)
                .hasMessage("An import of this integration is already running");

        await().atMost(Duration.ofSeconds(20)).until(() -> !manual.run(account, run).orElseThrow().running());
        assertThat(history.countRuns(account, integration.id())).isEqualTo(1);
        assertThat(manual.run(account, run).orElseThrow().counts().imported()).isEqualTo(30);
    }

    private Scheduler scheduler(String name) {
        var tasks = new ImportTasks(scheduled, Duration.ofMillis(300), 50);
        return Scheduler.create(dataSource, tasks.run()).startTasks(tasks.dueCheck())
                .pollingInterval(Duration.ofMillis(200)).schedulerName(new SchedulerName.Fixed(name)).threads(2)
                .build();
    }
}
