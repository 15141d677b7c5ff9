package io.syncwatch.alerts.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A receiver registered by an account admin (the signing secret is never part of it). Read and
 * written whole; a change is a new value ({@link #disabled}, {@link #reenabled()},
 * {@link #failingFrom}, {@link #recovered()}). A new endpoint has id 0 until it is stored.
 */
public record WebhookEndpoint(long id, long accountId, String url, String description,
        Set<WebhookEventType> eventTypes, boolean enabled, @Nullable Instant failingSince,
        @Nullable String disabledReason, Instant createdAt) {

    public WebhookEndpoint {
        // in declaration order (as admins see them listed), unmodifiable
        eventTypes = Collections.unmodifiableSet(
                eventTypes.isEmpty() ? EnumSet.noneOf(WebhookEventType.class) : EnumSet.copyOf(eventTypes));
    }

    /** A new endpoint, enabled and not failing. */
    public static WebhookEndpoint register(long accountId, String url, String description, Set<WebhookEventType> eventTypes,
            Instant createdAt) {
        return new WebhookEndpoint(0, accountId, url, description, eventTypes, true, null, null, createdAt);
    }

    public boolean subscribes(WebhookEventType type) {
        return type == WebhookEventType.TEST || eventTypes.contains(type);
    }

    /** Stops deliveries to it, saying why (shown to admins). */
    public WebhookEndpoint disabled(String reason) {
        return new WebhookEndpoint(id, accountId, url, description, eventTypes, false, failingSince, reason, createdAt);
    }

    /** Takes deliveries again, as a fresh start: no reason, not failing. */
    public WebhookEndpoint reenabled() {
        return new WebhookEndpoint(id, accountId, url, description, eventTypes, true, null, null, createdAt);
    }

    /** Failing since {@code at} unless it was already failing (the first failure of a streak counts). */
    public WebhookEndpoint failingFrom(Instant at) {
        return failingSince != null ? this
                : new WebhookEndpoint(id, accountId, url, description, eventTypes, enabled, at, disabledReason, createdAt);
    }

    /** A delivery succeeded: no longer failing. */
    public WebhookEndpoint recovered() {
        return new WebhookEndpoint(id, accountId, url, description, eventTypes, enabled, null, disabledReason, createdAt);
    }

    /** With the id it was stored under. */
    public WebhookEndpoint withId(long storedId) {
        return new WebhookEndpoint(storedId, accountId, url, description, eventTypes, enabled, failingSince, disabledReason,
                createdAt);
    }
}
