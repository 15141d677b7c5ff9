package io.syncwatch.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.zaxxer.hikari.HikariDataSource;

import io.syncwatch.health.application.port.in.HealthQueries;
import io.syncwatch.health.domain.HealthFilter;
import io.syncwatch.health.domain.HealthRecord;
import io.syncwatch.health.domain.HealthSort;
import io.syncwatch.integrations.application.port.in.IntegrationManagement;
import io.syncwatch.platform.FeatureFlag;
import io.syncwatch.platform.Permission;
import io.syncwatch.testsupport.SignedIn;
import io.syncwatch.testsupport.TestAccounts;
import io.syncwatch.testsupport.TestAccounts.TestAccount;
import io.syncwatch.testsupport.TestPlatforms;

/**
 * Issue 15.4: a call to a source platform holds no database connection. The application runs on
 * a pool of 2 connections; a source platform answers the connection test after 5 s; 5 reconnects
 * at once are all inside the source call together (with a connection held per call, at most 2
 * could be), and meanwhile the Platforms tab's query answers before any of them has finished.
 * The same slow connection test lets two connects of one name pass the service's name check together
 * (issue 18: the database's unique index decides).
 */
@SpringBootTest(properties = { "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.connection-timeout=20000" })
@Import({ TestAccounts.class, SignedIn.class, SourceCallsHoldNoConnectionTest.SlowPlatform.class })
class SourceCallsHoldNoConnectionTest {

    static final int RECONNECTS = 5;

    /** The test platform whose connection test takes {@link #ANSWER_AFTER} for the token "slow". */
    static class SlowPlatform extends TestPlatforms {

        static final Duration ANSWER_AFTER = Duration.ofSeconds(5);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final ConcurrentLinkedQueue<String> heldDuringCall = new ConcurrentLinkedQueue<>();
        volatile CountDownLatch answerNow = new CountDownLatch(1);

        @Override
        public ConnectionCheck testConnection(String platformKey, SourceCredentials credentials) {
            if (!"slow".equals(credentials.get("token"))) {
                return super.testConnection(platformKey, credentials);
            }
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                heldDuringCall.add("a transaction");
            }
            if (!TransactionSynchronizationManager.getResourceMap().isEmpty()) {
                heldDuringCall.add("bound resources " + TransactionSynchronizationManager.getResourceMap().keySet());
            }
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                answerNow.await(ANSWER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            return super.testConnection(platformKey, credentials);
        }
    }

    @Autowired
    IntegrationManagement integrations;

    @Autowired
    HealthQueries health;

    @Autowired
    TestAccounts accounts;

    @Autowired
    SignedIn signedIn;

    @Autowired
    SlowPlatform platform;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void slowAgain() {
        platform.answerNow = new CountDownLatch(1);
        platform.mostInside.set(0);
        platform.heldDuringCall.clear();
    }

    @AfterEach
    void release() {
        platform.answerNow.countDown();
        signedIn.signOut();
    }

    @Test
    void fiveSlowReconnectsOnAPoolOfTwoLeaveThePlatformsTabAnswering() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(2);
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        String admin = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        signedIn.as(admin);
        List<IntegrationSnapshot> connected = new ArrayList<>();
        for (int i = 0; i < RECONNECTS; i++) {
            connected.add(TestPlatforms.connectActive(integrations, "Desk " + i));
        }
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().until(() -> health.count(HealthFilter.all()) == RECONNECTS);

        ExecutorService callers = Executors.newFixedThreadPool(RECONNECTS + 1);
        try {
            List<CompletableFuture<IntegrationSnapshot>> reconnects = connected.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> {
                        signedIn.as(admin);
                        try {
                            return integrations.reconnect(s.id(), Map.of("token", "slow", "region", "us"));
                        } finally {
                            signedIn.signOut();
                        }
                    }, callers))
                    .toList();

            // all five are inside the source call at once: none waits for one of the 2 connections
            await().atMost(SlowPlatform.ANSWER_AFTER.minusSeconds(1)).until(() -> platform.inside.get() == RECONNECTS);
            assertThat(platform.heldDuringCall).as("held while the source platform was called").isEmpty();

            CompletableFuture<List<HealthRecord>> platformsTab = CompletableFuture.supplyAsync(() -> {
                signedIn.as(admin);
                try {
                    health.count(HealthFilter.all());
                    return health.page(HealthFilter.all(), List.of(HealthSort.byStatus()), 0, 50);
                } finally {
                    signedIn.signOut();
                }
            }, callers);
            List<HealthRecord> rows = platformsTab.get(SlowPlatform.ANSWER_AFTER.toSeconds(), TimeUnit.SECONDS);
            assertThat(rows).hasSize(RECONNECTS);
            assertThat(reconnects).as("the tab answered while every reconnect was still waiting for the source")
                    .noneMatch(CompletableFuture::isDone);
            assertThat(platform.inside.get()).isEqualTo(RECONNECTS);

            platform.answerNow.countDown();
            for (CompletableFuture<IntegrationSnapshot> reconnect : reconnects) {
                assertThat(reconnect.get(30, TimeUnit.SECONDS).lifecycle()).isEqualTo(Lifecycle.ACTIVE);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(platform.mostInside.get()).isEqualTo(RECONNECTS);
        assertThat(integrations.auditTrail(connected.getFirst().id())).as("the reconnect was saved")
                .anyMatch(e -> e.action().equals("Reconnected"));
    }

    @Test
    void aConnectionTestAndAConnectCallTheSourceOutsideAnyTransaction() {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        signedIn.as(accounts.user(account, Permission.MANAGE_INTEGRATIONS));
        platform.answerNow.countDown(); // answer at once

        assertThat(integrations.testConnection(TestPlatforms.KEY, Map.of("token", "slow", "region", "eu")).ok()).isTrue();
        IntegrationSnapshot s = integrations.connect(new IntegrationManagement.ConnectCommand(TestPlatforms.KEY, "Slow desk",
                Map.of("token", "slow", "region", "eu"), Environment.PRODUCTION, Schedule.HOURLY));

        assertThat(platform.heldDuringCall).isEmpty();
        assertThat(platform.mostInside.get()).isPositive();
        assertThat(integrations.get(s.id()).lifecycle()).isEqualTo(Lifecycle.SETUP);
        assertThat(Set.copyOf(integrations.storedCredentialKeys(s.id()))).containsExactlyInAnyOrder("token", "region");
    }

    /**
     * Issue 18: two browsers connect "Support EU" and "support eu" at the same moment. Both pass the service's name
     * check before either has saved (both are inside the slow connection test together), so only the database's
     * unique index on the live name can tell: one integration is saved, the other browser gets the same clear
     * message as a plain duplicate, and nothing of it is left behind. Once the first is deleted, the name is free.
     */
    @Test
    void twoBrowsersConnectingOneNameAtOnceGetOneIntegrationAndAClearMessage() throws Exception {
        TestAccount account = accounts.create(FeatureFlag.INTEGRATIONS);
        String admin = accounts.user(account, Permission.MANAGE_INTEGRATIONS);
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        List<CompletableFuture<IntegrationSnapshot>> connects;
        try {
            connects = List.of("Support EU", "support eu").stream().map(name -> CompletableFuture.supplyAsync(() -> {
                signedIn.as(admin);
                try {
                    return integrations.connect(new IntegrationManagement.ConnectCommand(TestPlatforms.KEY, name,
                            Map.of("token", "slow", "region", "eu"), Environment.PRODUCTION, Schedule.HOURLY));
                } finally {
                    signedIn.signOut();
                }
            }, browsers)).toList();
            // both have passed the name check and are testing the connection: neither has saved yet
            await().atMost(SlowPlatform.ANSWER_AFTER.minusSeconds(1)).until(() -> platform.inside.get() == 2);
            platform.answerNow.countDown();
            CompletableFuture.allOf(connects.toArray(CompletableFuture[]::new)).handle((ok, failed) -> null)
                    .get(30, TimeUnit.SECONDS);
        } finally {
            browsers.shutdownNow();
        }
        List<IntegrationSnapshot> saved = connects.stream().filter(c -> !c.isCompletedExceptionally()).map(CompletableFuture::join)
                .toList();
        List<Throwable> refused = connects.stream().filter(CompletableFuture::isCompletedExceptionally)
                .map(c -> c.handle((ok, failed) -> failed.getCause()).join()).toList();
        assertThat(saved).as("exactly one browser saved its integration").hasSize(1);
        assertThat(refused).singleElement().isInstanceOfSatisfying(
                io.syncwatch.integrations.InvalidIntegrationInput.class,
                e -> assertThat(e.problems().get("name")).matches(
                        "Another integration is already called '(Support EU|support eu)': choose a name that tells them apart"));

        signedIn.as(admin);
        assertThat(integrations.list()).as("the account's integrations").extracting(IntegrationSnapshot::name)
                .containsExactly(saved.getFirst().name());
        integrations.delete(saved.getFirst().id());
        IntegrationSnapshot again = integrations.connect(new IntegrationManagement.ConnectCommand(TestPlatforms.KEY,
                "SUPPORT EU", Map.of("token", "slow", "region", "eu"), Environment.PRODUCTION, Schedule.HOURLY));
        assertThat(again.name()).as("a deleted integration's name is free again").isEqualTo("SUPPORT EU");
    }
}
