package io.syncwatch.alerts.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One event for one endpoint in the outbox, with the outcome of its latest attempt. */
public record WebhookDelivery(long id, long accountId, long endpointId, String eventId, WebhookEventType eventType,
        String payload, Status status, int attempts, @Nullable Instant firstAttemptAt, @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt, @Nullable Integer responseCode, @Nullable Long responseMillis,
        @Nullable String lastError, Instant createdAt) {

    public enum Status {
        PENDING("Pending"), RETRYING("Retrying"), DELIVERED("Delivered"), FAILED("Failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
