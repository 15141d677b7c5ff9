package io.syncwatch.imports;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * A run ended. Carries everything the health module needs to update its record without
 * reading the run history: outcome, failure category, the most recent message in full, the
 * counts, when the last record was saved, whether it was the integration's first run and
 * when the next scheduled run is due.
 */
public record ImportRunFinished(ImportRunId runId, IntegrationId integrationId, AccountId accountId, RunTrigger trigger,
        RunOutcome outcome, @Nullable FailureCategory failureCategory, @Nullable String message, ImportCounts counts,
        @Nullable Instant lastRecordSavedAt, boolean firstRun, Instant startedAt, Instant finishedAt,
        @Nullable Instant nextRunAt) {
}
