package io.syncwatch.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.application.port.in.HealthTracking;
import io.syncwatch.health.domain.HealthFixtures;
import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.integrations.Lifecycle;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;

/**
 * Listeners handle an integration's events concurrently, on the real server: the record is
 * created once, no update deadlocks or is lost, and integrations of one account do not block each
 * other (the update goes by primary key, not through the account's indexes).
 */
class HealthRecordConcurrencyTest extends HealthSpringTest {

    @Autowired
    HealthTracking tracking;

    @Autowired
    HealthQueries queries;

    @Autowired
    TestAccounts accounts;

    @Test
    void concurrentEventsOfSeveralIntegrationsOfOneAccountAllApplyWithoutDeadlocks() throws Exception {
        TestAccount account = accounts.createWithAllFeatures();
        long a = account.id().value();
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Long> ids = List.of(freshIntegrationId(), freshIntegrationId(), freshIntegrationId(), freshIntegrationId());
        // 1. the record's creation: two events of each integration race to create it
        List<Callable<Void>> creations = new ArrayList<>();
        for (long id : ids) {
            var snapshot = HealthFixtures.snapshot(id, a, "Desk " + id, Lifecycle.ACTIVE, null, t.minus(Duration.ofDays(1)));
            for (int i = 0; i < 2; i++) {
                creations.add(() -> {
                    tracking.integrationChanged(snapshot);
                    return null;
                });
            }
        }
        runTogether(creations);
        // 2. updates: runs of every integration of the account and another snapshot event at once
        List<Callable<Void>> updates = new ArrayList<>();
        for (long id : ids) {
            var snapshot = HealthFixtures.snapshot(id, a, "Desk " + id, Lifecycle.ACTIVE, null, t.minus(Duration.ofDays(1)));
            updates.add(() -> {
                tracking.integrationChanged(snapshot);
                return null;
            });
            updates.add(() -> {
                tracking.runFinished(HealthFixtures.finished(id, a, t.minusSeconds(120), RunOutcome.SUCCEEDED, null,
                        "Fetched 1, imported 1", true, t.minusSeconds(120)));
                return null;
            });
            updates.add(() -> {
                tracking.runFinished(HealthFixtures.finished(id, a, t.minusSeconds(60), RunOutcome.FAILED,
                        FailureCategory.SOURCE_UNREACHABLE, "No answer within 30 seconds", false, null));
                return null;
            });
        }
        runTogether(updates);

        for (long id : ids) {
            var record = queries.find(account.id(), IntegrationId.of(id)).orElseThrow();
            assertThat(record.name()).isEqualTo("Desk " + id);
            assertThat(record.lastRanAt()).as("a run of %s was applied", id).isNotNull();
            assertThat(record.lastRanAt()).isIn(t.minusSeconds(120), t.minusSeconds(60));
        }
    }

    /** Starts the tasks at once; a deadlock victim or a lost creation race fails the test here. */
    private static void runTogether(List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (Callable<Void> w : work) {
            done.add(pool.submit(() -> {
                go.await();
                return w.call();
            }));
        }
        go.countDown();
        try {
            for (Future<Void> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
