package io.syncwatch.health;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * Every run for three days failed on authentication: the schedule is to pause until reconnect.
 * Carries the integration's name and platform as the health record knows them, so that a listener
 * (alerts' mails and webhooks) needs no lookup.
 */
public record CredentialsDeclaredInvalid(IntegrationId integrationId, AccountId accountId, String integrationName,
        String platform, Instant failingSince, Instant occurredAt) {
}
