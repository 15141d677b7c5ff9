package io.syncwatch.health;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Every run for three days failed on authentication: the schedule is to pause until reconnect. */
public record CredentialsDeclaredInvalid(IntegrationId integrationId, AccountId accountId, Instant failingSince,
        Instant occurredAt) {
}
