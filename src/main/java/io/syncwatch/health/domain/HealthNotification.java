package io.syncwatch.health.domain;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;

/** An internal notification for the engineering/support team (quality assurance, credentials invalid). */
public record HealthNotification(IntegrationId integrationId, String integrationName, String kind, String message,
        Instant createdAt) {
}
