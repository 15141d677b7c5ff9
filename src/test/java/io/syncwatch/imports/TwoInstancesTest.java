package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.SyncwatchApplication;
import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.ScriptedConnector.Script;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Issue 15.3: two application contexts of the app on one database, sharing the kernel's scheduler
 * table as two instances would. Each due import run executes exactly once across both, and a run
 * of an instance that stops is resumed by the other from its checkpoint, as the same run.
 */
class TwoInstancesTest {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        for (var context : List.of(first, second)) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(SyncwatchApplication.class, ImportsFixtures.class, TestAccounts.class)
                .profiles("test")
                // as arguments: they must win over application.properties (server.port=${PORT:8080})
                .run("--server.port=0", "--spring.main.banner-mode=off",
                        "--syncwatch.scheduling.private-table=false", "--syncwatch.scheduling.table=scheduled_tasks",
                        "--syncwatch.scheduling.polling-interval=300ms", "--syncwatch.scheduling.heartbeat-interval=1s",
                        "--syncwatch.scheduling.missed-heartbeats-limit=4", "--syncwatch.scheduling.shutdown-max-wait=10s",
                        "--syncwatch.imports.scheduler.enabled=true", "--syncwatch.imports.scheduler.check-every=300ms",
                        "--syncwatch.imports.page-size=10", "--syncwatch.imports.retry.backoff=0s",
                        "--syncwatch.alerts.scheduling.enabled=false");
    }

    /** Connects an integration through the first instance; both instances know its source. */
    static IntegrationSnapshot connect(AccountId account, Script script) {
        var integration = first.getBean(FakeIntegrations.class).connect(account, ScriptedConnector.KEY,
                ImportFilters.none(), script.credentials());
        second.getBean(FakeIntegrations.class).know(integration, script.credentials());
        second.getBean(ScriptedConnector.class).share(script);
        return integration;
    }

    static Script script(String prefix, int conversations, long delayMillis) {
        Script script = first.getBean(ScriptedConnector.class).newScript();
        for (int i = 0; i < conversations; i++) {
            script.add(conversation(prefix + i, "chat", "closed", Instant.now().minusSeconds(3600 - i)));
        }
        script.delayMillis = delayMillis;
        return script;
    }

    static List<RunSummary> runs(AccountId account, IntegrationSnapshot integration) {
        return first.getBean(ImportHistory.class).runs(account, integration.id(), 0, 100);
    }

    static long finishedEvents(IntegrationSnapshot integration) {
        return first.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()).size()
                + second.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()).size();
    }

    static void onlyTheseAreDue(List<IntegrationSnapshot> integrations) {
        // integrations left by other tests on this database wait: this test watches its own
        var jdbc = first.getBean(JdbcTemplate.class);
        String ids = String.join(",", integrations.stream().map(i -> i.id().toString()).toList());
        jdbc.update("UPDATE import_integration SET next_run_at = ? WHERE id NOT IN (" + ids + ")",
                Timestamp.from(Instant.now().plus(Duration.ofDays(3650))));
    }

    @Test
    void eachDueRunExecutesOnceAcrossBothAndAStoppedInstancesRunIsResumedByTheOther() {
        AccountId account = first.getBean(TestAccounts.class).createWithAllFeatures().id();
        first.getBean(JdbcTemplate.class).update("DELETE FROM scheduled_tasks WHERE task_name = 'import-integration'");

        // 1. six integrations due at once, three pages each: each is imported by exactly one run, never twice at once
        List<Script> scripts = new ArrayList<>();
        List<IntegrationSnapshot> due = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Script script = script("D" + i + "-", 30, 100);
            scripts.add(script);
            due.add(connect(account, script));
        }
        onlyTheseAreDue(due);
        await().atMost(Duration.ofSeconds(60)).until(() -> due.stream().allMatch(
                i -> runs(account, i).size() == 1 && !runs(account, i).getFirst().unfinished()));
        // both instances keep checking for due integrations a little longer: none is due again (hourly)
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        for (int i = 0; i < due.size(); i++) {
            assertThat(runs(account, due.get(i))).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
                assertThat(run.counts()).isEqualTo(new ImportCounts(30, 30, 0, 0, 0, 0));
            });
            assertThat(scripts.get(i).maxRunning.get()).as("never run twice at once").isEqualTo(1);
            assertThat(finishedEvents(due.get(i))).as("ImportRunFinished published once").isEqualTo(1);
        }

        // 2. a long run: the instance running it stops; the other resumes it from its checkpoint, as the same run
        Script slow = script("S-", 80, 300);
        IntegrationSnapshot integration = connect(account, slow);
        onlyTheseAreDue(List.of(integration));
        await().atMost(Duration.ofSeconds(30)).until(() -> !runs(account, integration).isEmpty()
                && runs(account, integration).getFirst().counts().fetched() >= 20);
        ConfigurableApplicationContext stopping = executes(first, integration) ? first : second;
        assertThat(executes(stopping, integration)).isTrue();
        ConfigurableApplicationContext surviving = stopping == first ? second : first;
        stopping.close();

        RunSummary interrupted = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10).getFirst();
        await().atMost(Duration.ofSeconds(40)).until(() -> {
            var run = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10);
            return run.size() == 1 && run.getFirst().outcome() != null;
        });
        RunSummary done = surviving.getBean(ImportHistory.class).runs(account, integration.id(), 0, 10).getFirst();
        assertThat(done.id()).isEqualTo(interrupted.id());
        assertThat(done.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(80, 80, 0, 0, 0, 0));
        assertThat(surviving.getBean(ImportHistory.class).logLines(account, done.id())).extracting(l -> l.message())
                .anySatisfy(m -> assertThat(m).startsWith("Interrupted — resuming from checkpoint"))
                .contains("Resumed from the last saved checkpoint after an interruption");
        assertThat(surviving.getBean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) - COUNT(DISTINCT source_reference) FROM import_contact WHERE integration_id = ?",
                Long.class, integration.id().value())).isZero();
        assertThat(surviving.getBean(RecordedEvents.class).of(ImportRunFinished.class, integration.id()))
                .singleElement().satisfies(e -> assertThat(e.counts().imported()).isEqualTo(80));
    }

    static boolean executes(ConfigurableApplicationContext context, IntegrationSnapshot integration) {
        return context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).getCurrentlyExecuting().stream()
                .anyMatch(e -> e.getTaskInstance().getId().equals(integration.id().toString()));
    }
}
