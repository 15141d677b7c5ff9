package io.syncwatch.imports;

import java.time.Instant;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** A run began; the Platforms tab shows the row as running until it finishes. */
public record ImportRunStarted(ImportRunId runId, IntegrationId integrationId, AccountId accountId, RunTrigger trigger,
        Instant startedAt) {
}
