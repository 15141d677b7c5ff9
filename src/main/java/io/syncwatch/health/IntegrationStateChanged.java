package io.syncwatch.health;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** An integration's detailed state changed (alerts and webhooks are driven by this). */
public record IntegrationStateChanged(IntegrationId integrationId, AccountId accountId, String integrationName,
        String platform, @Nullable DetailedState previous, DetailedState current, @Nullable String message,
        @Nullable String recommendedAction, Instant occurredAt) {
}
