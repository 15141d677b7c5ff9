package io.syncwatch.alerts.domain;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A receiver registered by an account admin (the signing secret is never part of it). */
public record WebhookEndpoint(long id, long accountId, String url, String description,
        Set<WebhookEventType> eventTypes, boolean enabled, @Nullable Instant failingSince,
        @Nullable String disabledReason, Instant createdAt) {

    public boolean subscribes(WebhookEventType type) {
        return type == WebhookEventType.TEST || eventTypes.contains(type);
    }
}
