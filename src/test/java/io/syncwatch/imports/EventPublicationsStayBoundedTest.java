package io.syncwatch.imports;

import static io.syncwatch.imports.ScriptedConnector.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.syncwatch.imports.ImportsFixtures.FakeIntegrations;
import io.syncwatch.imports.ImportsFixtures.RecordedEvents;
import io.syncwatch.imports.application.port.in.ImportHistory;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.integrations.ImportFilters;
import io.syncwatch.integrations.IntegrationSnapshot;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.TestAccounts;

/**
 * Issue 15.7: completed event publications are deleted, so 1,000 import runs (each publishing
 * ImportRunStarted and ImportRunFinished to the health, alerts and digest listeners) leave the
 * publication table as it was, give or take the few still being delivered.
 */
@ImportsTest
class EventPublicationsStayBoundedTest {

    static final int RUNS = 1_000;
    static final int INTEGRATIONS = 4;

    @Autowired TestAccounts accounts;
    @Autowired FakeIntegrations integrations;
    @Autowired ScriptedConnector source;
    @Autowired ScheduledImports scheduled;
    @Autowired ImportHistory history;
    @Autowired RecordedEvents events;
    @Autowired JdbcTemplate jdbc;

    @Test
    void thousandImportRunsLeaveThePublicationTableBounded() throws Exception {
        AccountId account = accounts.createWithAllFeatures().id();
        List<IntegrationSnapshot> watched = new ArrayList<>();
        for (int i = 0; i < INTEGRATIONS; i++) {
            var script = source.newScript();
            script.add(conversation("B-" + i, "chat", "closed", Instant.now().minusSeconds(60)));
            watched.add(integrations.connect(account, ScriptedConnector.KEY, ImportFilters.none(), script.credentials()));
        }
        long before = publications();

        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(INTEGRATIONS)) {
            List<Future<?>> done = new ArrayList<>();
            for (IntegrationSnapshot integration : watched) {
                done.add(pool.submit(() -> {
                    for (int run = 0; run < RUNS / INTEGRATIONS; run++) {
                        scheduled.runScheduled(integration.id());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        long runs = watched.stream().mapToLong(i -> history.countRuns(account, i.id())).sum();
        long finished = watched.stream().mapToLong(i -> events.of(ImportRunFinished.class, i.id()).size()).sum();
        assertThat(runs).isEqualTo(RUNS);
        assertThat(finished).isEqualTo(RUNS);
        // every run published at least two events to several listeners: thousands of publications were made,
        // and once delivered they are gone
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(publications() - before)
                .as("publications left after %d runs (%d ms)", RUNS, millis).isLessThan(20));
    }

    private long publications() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION", Long.class);
    }
}
