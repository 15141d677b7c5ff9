package io.syncwatch.agentrequests.adapter.in.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import io.syncwatch.agentrequests.application.AgentRequestsProperties;

/** One token bucket per key: {@code syncwatch.agentrequests.rate-limit-per-second} requests per second (default 50). */
@Component
class KeyRateLimiter {

    private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final long perSecond;

    @Autowired
    KeyRateLimiter(AgentRequestsProperties properties) {
        this(properties.rateLimitPerSecond());
    }

    KeyRateLimiter(long perSecond) {
        this.perSecond = perSecond;
    }

    /** Zero when the request may pass, otherwise the seconds to wait before retrying (at least 1). */
    long secondsToWait(long keyId) {
        ConsumptionProbe probe = bucket(keyId).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    Bucket bucket(long keyId) {
        return buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
    }
}
