package io.syncwatch.health;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** The first run of a new integration had problems: it stops until an operator re-enables it. */
public record QualityAssuranceTriggered(IntegrationId integrationId, AccountId accountId, String message,
        Instant occurredAt) {
}
