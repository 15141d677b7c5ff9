package io.syncwatch.imports.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.integrations.IntegrationId;

/** One run as the import history shows it; {@code progress} is 0..1 while it runs. */
public record RunSummary(ImportRunId id, IntegrationId integrationId, RunTrigger trigger, String actor, boolean running,
        @Nullable RunOutcome outcome, @Nullable FailureCategory failureCategory, @Nullable String message,
        ImportCounts counts, double progress, Instant startedAt, @Nullable Instant finishedAt) {

    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }
}
