package io.syncwatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 22.4: a listener that fails mid-way (its transaction rolled back) gets its event again from
 * the kernel's periodic resubmission, without a restart, and its publication is then gone.
 */
@SpringBootTest(properties = { "syncwatch.events.resubmission.enabled=true", "syncwatch.events.resubmit-every=1s",
        "syncwatch.events.resubmit-after=2s" })
class EventRedeliveryTest {

    public record ProbeHappened(String probe) {
    }

    static class FlakyListener {
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final Map<String, Integer> handled = new ConcurrentHashMap<>();

        @ApplicationModuleListener
        void on(ProbeHappened event) {
            int attempt = attempts.computeIfAbsent(event.probe(), p -> new AtomicInteger()).incrementAndGet();
            if (attempt == 1) {
                throw new IllegalStateException("Lock wait timeout (simulated) while handling " + event.probe());
            }
            handled.merge(event.probe(), 1, Integer::sum);
        }

        // read through methods: the bean is a proxy (the listener runs asynchronously)
        int attempts(String probe) {
            var n = attempts.get(probe);
            return n == null ? 0 : n.get();
        }

        int handled(String probe) {
            return handled.getOrDefault(probe, 0);
        }
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired FlakyListener listener;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aFailedListenerGetsItsEventAgainFromThePeriodicResubmission() {
        String probe = "probe-" + UUID.randomUUID();

        tx.executeWithoutResult(s -> events.publishEvent(new ProbeHappened(probe)));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.attempts(probe) == 1);
        assertThat(listener.handled(probe)).isZero();
        assertThat(publicationsOf(probe)).as("the failed publication is kept").isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled(probe) == 1);
        assertThat(listener.attempts(probe)).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(publicationsOf(probe)).isZero());
    }

    private int publicationsOf(String probe) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?", Integer.class,
                "%" + probe + "%");
    }
}
