package io.syncwatch.health;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * The first run of a new integration had problems: it stops until an operator re-enables it.
 * Carries the integration's name and platform as the health record knows them, so that a listener
 * (alerts' webhooks) needs no lookup.
 */
public record QualityAssuranceTriggered(IntegrationId integrationId, AccountId accountId, String integrationName,
        String platform, String message, Instant occurredAt) {
}
