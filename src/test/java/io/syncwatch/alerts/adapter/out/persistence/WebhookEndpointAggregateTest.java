package io.syncwatch.alerts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.syncwatch.alerts.domain.WebhookEndpoint;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;
import io.syncwatch.testsupport.SyncwatchTest;

/**
 * A webhook endpoint is a Spring Data JDBC aggregate on the real server: added and read back whole
 * (its event types in declaration order, its encrypted secret apart), changed whole, scoped by
 * account; and a change applies to the endpoint as it is when the change runs, even when another
 * change of it is in progress (a dispatcher recording a failure never undoes an admin's disable).
 */
@SyncwatchTest
class WebhookEndpointAggregateTest {

    @Autowired
    JdbcWebhookEndpoints endpoints;

    private final AccountId account = AccountId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    // TIMESTAMP(6); MariaDB through Connector/J keeps whole seconds (README "Databases")
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void anEndpointIsReadAndWrittenWhole() {
        WebhookEndpoint added = endpoints.add(WebhookEndpoint.register(account.value(), "https://hooks.example.test/in",
                "Ops – 日本 🚀", EnumSet.of(WebhookEventType.RUN_FAILED, WebhookEventType.STATE_CHANGED), now), "v1:cipher");

        assertThat(added.id()).isPositive();
        WebhookEndpoint read = endpoints.find(account, added.id()).orElseThrow();
        assertThat(read).isEqualTo(added);
        assertThat(read.eventTypes()).containsExactly(WebhookEventType.STATE_CHANGED, WebhookEventType.RUN_FAILED);
        assertThat(read.enabled()).isTrue();
        assertThat(read.createdAt()).isEqualTo(now);
        assertThat(endpoints.secretCipher(account, added.id())).contains("v1:cipher");
        assertThat(endpoints.find(AccountId.of(account.value() + 1), added.id())).as("another account's").isEmpty();
        assertThat(endpoints.change(AccountId.of(account.value() + 1), added.id(), e -> e.disabled("x"))).isEmpty();

        endpoints.change(account, added.id(), e -> e.failingFrom(now.plusSeconds(5)));
        endpoints.change(account, added.id(), e -> e.disabled("Disabled by Ann"));
        endpoints.replaceSecret(account, added.id(), "v1:rotated");

        WebhookEndpoint changed = endpoints.find(account, added.id()).orElseThrow();
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.disabledReason()).isEqualTo("Disabled by Ann");
        assertThat(changed.failingSince()).isEqualTo(now.plusSeconds(5));
        assertThat(endpoints.secretCipher(account, added.id())).as("changes keep the secret; a rotation replaces it")
                .contains("v1:rotated");
        assertThat(endpoints.subscribedTo(account, WebhookEventType.RUN_FAILED)).as("disabled").isEmpty();

        endpoints.change(account, added.id(), WebhookEndpoint::reenabled);
        assertThat(endpoints.find(account, added.id()).orElseThrow()).satisfies(e -> {
            assertThat(e.enabled()).isTrue();
            assertThat(e.disabledReason()).isNull();
            assertThat(e.failingSince()).isNull();
        });
        WebhookEndpoint second = endpoints.add(WebhookEndpoint.register(account.value(), "https://hooks.example.test/two", "",
                EnumSet.of(WebhookEventType.DIGEST_READY), now), "v1:two");
        assertThat(endpoints.list(account)).extracting(WebhookEndpoint::id).containsExactly(added.id(), second.id());
        assertThat(endpoints.subscribedTo(account, WebhookEventType.DIGEST_READY)).extracting(WebhookEndpoint::id)
                .containsExactly(second.id());
    }

    @Test
    void aChangeWaitsForAChangeInProgressAndAppliesToItsResult() throws Exception {
        long id = endpoints.add(WebhookEndpoint.register(account.value(), "https://hooks.example.test/in", "Ops",
                EnumSet.of(WebhookEventType.STATE_CHANGED), now), "v1:cipher").id();
        var disabling = new CountDownLatch(1);

        // an admin's disable, slow to commit, and meanwhile a dispatcher records a failure
        CompletableFuture<?> admin = CompletableFuture.runAsync(() -> endpoints.change(account, id, e -> {
            disabling.countDown();
            sleep(700);
            return e.disabled("Disabled by Ann");
        }));
        assertThat(disabling.await(10, TimeUnit.SECONDS)).isTrue();
        endpoints.change(account, id, e -> e.failingFrom(now.plusSeconds(5)));
        admin.get(10, TimeUnit.SECONDS);

        WebhookEndpoint after = endpoints.find(account, id).orElseThrow();
        assertThat(after.enabled()).as("the admin's disable is kept").isFalse();
        assertThat(after.disabledReason()).isEqualTo("Disabled by Ann");
        assertThat(after.failingSince()).as("and the failure recorded").isEqualTo(now.plusSeconds(5));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
