package io.syncwatch.health.application;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.syncwatch.health.application.port.in.HealthUpdates;
import io.syncwatch.platform.AccountId;

/** In-memory fan-out of "this account's health changed" to open views (after commit). */
@Component
class HealthUpdateBroadcaster implements HealthUpdates {

    private static final Logger log = LoggerFactory.getLogger(HealthUpdateBroadcaster.class);
    private final Map<AccountId, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    @Override
    public Subscription subscribe(AccountId account, Runnable listener) {
        listeners.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> {
            var set = listeners.get(account);
            if (set != null) {
                set.remove(listener);
            }
        };
    }

    void changed(AccountId account) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fire(account);
                }
            });
        } else {
            fire(account);
        }
    }

    private void fire(AccountId account) {
        for (Runnable listener : listeners.getOrDefault(account, Set.of())) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("Health update listener failed", e);
            }
        }
    }
}
