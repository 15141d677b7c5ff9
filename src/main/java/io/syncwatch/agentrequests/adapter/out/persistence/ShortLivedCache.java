package io.syncwatch.agentrequests.adapter.out.persistence;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small read-through cache for the hot path of the Requests API (key lookups, company
 * settings). Writes through this application instance evict at once; entries also expire after
 * a few seconds so another instance's changes are seen soon. Bounded: cleared when it grows too big.
 */
final class ShortLivedCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    ShortLivedCache(long ttlMillis, int maxEntries) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.maxEntries = maxEntries;
    }

    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = loader.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(loaded.get(), now));
        } else {
            entries.remove(key);
        }
        return loaded;
    }

    /** Evicts now and again after the surrounding transaction commits (a concurrent reader may have reloaded the old row). */
    void evict(K key) {
        entries.remove(key);
        afterCommit(() -> entries.remove(key));
    }

    void evictIf(java.util.function.Predicate<V> predicate) {
        entries.values().removeIf(e -> predicate.test(e.value()));
        afterCommit(() -> entries.values().removeIf(e -> predicate.test(e.value())));
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        }
    }
}
