package io.syncwatch.imports;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** A transient failure (e.g. source unreachable) is being retried within the run; not an error yet. */
public record ImportRunRetrying(ImportRunId runId, IntegrationId integrationId, AccountId accountId,
        FailureCategory category, String message, int attempt, Instant nextAttemptAt) {
}
