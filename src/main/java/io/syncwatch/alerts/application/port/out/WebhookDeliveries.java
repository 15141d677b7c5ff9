package io.syncwatch.alerts.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.alerts.domain.WebhookDelivery;
import io.syncwatch.alerts.domain.WebhookEventType;
import io.syncwatch.platform.AccountId;

/** The delivery outbox: persisted before any attempt, then updated after each attempt. */
public interface WebhookDeliveries {

    long enqueue(AccountId account, long endpointId, String eventId, WebhookEventType type, String payload,
            Instant now);

    /** Deliveries waiting (pending or retrying) whose next attempt is due. */
    List<WebhookDelivery> due(Instant now, int limit);

    List<WebhookDelivery> due(AccountId account, Instant now, int limit);

    /** Takes a due delivery for one attempt; false when another dispatcher took it first. */
    boolean claim(long deliveryId, int expectedAttempts, Instant leaseUntil, Instant now);

    void recordAttempt(long deliveryId, WebhookDelivery.Status status, Instant firstAttemptAt,
            @Nullable Instant nextAttemptAt, @Nullable Integer responseCode, long responseMillis,
            @Nullable String error);

    List<WebhookDelivery> log(AccountId account, long endpointId, int offset, int limit);

    int count(AccountId account, long endpointId);

    Optional<WebhookDelivery> findDelivery(AccountId account, long deliveryId);

    /** Puts a delivery back in the queue as new (attempts restart, same event id). */
    void requeue(AccountId account, long deliveryId, Instant now);

    /** Re-queues every failed delivery of the endpoint created at or after {@code since}. */
    int requeueFailedSince(AccountId account, long endpointId, Instant since, Instant now);
}
