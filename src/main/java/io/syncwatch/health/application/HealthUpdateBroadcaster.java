package io.syncwatch.health.application;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.syncwatch.health.application.port.in.HealthUpdates;
import io.syncwatch.health.application.port.out.HealthRecords;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * Fan-out of "this integration's health changed" to open views. A change made on this instance
 * is announced after its commit; changes made on other instances are found by polling, while
 * anyone listens, the watched accounts' records written in the last seconds ({@code change_version}
 * and {@code changed_at}, an index range): every counter that grew is announced (this instance's
 * own writes then twice, which only makes an open view read again).
 */
@Component
class HealthUpdateBroadcaster implements HealthUpdates {

    private static final Logger log = LoggerFactory.getLogger(HealthUpdateBroadcaster.class);
    /** Rows written this long before the newest one seen are read again (late commits). */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private record Listener(@Nullable IntegrationId integration, Runnable action) {
    }

    private final Map<AccountId, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private final HealthRecords records;
    private final Duration pollEvery;
    /** Per integration: the change counter last seen by a poll. */
    private final Map<IntegrationId, Long> seen = new HashMap<>();
    private final Set<AccountId> primed = ConcurrentHashMap.newKeySet();
    private @Nullable Instant since;
    private @Nullable ScheduledExecutorService poller;

    HealthUpdateBroadcaster(HealthRecords records, HealthProperties properties) {
        this.records = records;
        this.pollEvery = properties.livePoll();
    }

    @Override
    public Subscription subscribe(AccountId account, Runnable listener) {
        return add(account, new Listener(null, listener));
    }

    @Override
    public Subscription subscribe(AccountId account, IntegrationId integration, Runnable listener) {
        return add(account, new Listener(integration, listener));
    }

    private Subscription add(AccountId account, Listener listener) {
        listeners.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(listener);
        startPolling();
        return () -> {
            var set = listeners.get(account);
            if (set != null) {
                set.remove(listener);
                if (set.isEmpty()) {
                    listeners.remove(account, set);
                    primed.remove(account);
                }
            }
        };
    }

    /** This instance wrote the record: announce it after the commit. */
    void changed(AccountId account, IntegrationId integration) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announceLocal(account, integration);
                }
            });
        } else {
            announceLocal(account, integration);
        }
    }

    private void announceLocal(AccountId account, IntegrationId integration) {
        fire(account, integration);
    }

    private void fire(AccountId account, IntegrationId integration) {
        for (Listener listener : listeners.getOrDefault(account, Set.of())) {
            if (listener.integration() != null && !listener.integration().equals(integration)) {
                continue;
            }
            try {
                listener.action().run();
            } catch (RuntimeException e) {
                log.debug("Health update listener failed", e);
            }
        }
    }

    private synchronized void startPolling() {
        if (poller != null || pollEvery.isZero() || pollEvery.isNegative()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-live-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, pollEvery.toMillis(), pollEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.debug("Polling health changes failed; trying again", e);
        }
    }

    /** Announces what other instances changed in the watched accounts since the last poll. */
    synchronized void poll() {
        if (listeners.isEmpty()) {
            return;
        }
        if (since == null) {
            since = records.databaseNow().minus(OVERLAP);
        }
        Set<AccountId> accounts = Set.copyOf(listeners.keySet());
        Instant newest = since;
        for (var c : records.changedSince(accounts, since)) {
            if (c.changedAt().isAfter(newest)) {
                newest = c.changedAt();
            }
            Long before = seen.put(c.integration(), c.version());
            if (!primed.contains(c.account())) {
                continue; // the account's first poll only learns the counters
            }
            long grew = before == null ? 1 : c.version() - before;
            if (grew <= 0) {
                continue;
            }
            // a grown counter may be this instance's own write, already announced after its commit:
            // announcing it again only makes an open view read once more, whereas telling own writes
            // from others' by counting announcements missed another instance's write when the counts
            // drifted (seen on MariaDB 11.4)
            fire(c.account(), c.integration());
        }
        primed.addAll(accounts);
        since = newest.minus(OVERLAP).isAfter(since) ? newest.minus(OVERLAP) : since;
    }
}
