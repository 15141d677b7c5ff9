package io.syncwatch.alerts.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.health.DetailedState;

/** What the digest knows about one integration (its own projection, fed by events). */
public record DigestIntegration(long integrationId, String name, String platform, DetailedState state,
        @Nullable String message, @Nullable String recommendedAction, @Nullable Instant recoveredAt,
        @Nullable Instant lastRanAt, @Nullable Instant lastDataAt, @Nullable Instant nextRunAt) {
}
