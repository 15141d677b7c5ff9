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

/**
 * One run as the import history shows it; {@code progress} is 0..1 while it runs. An
 * {@code interrupted} run stopped at a safe point when the application stopped (its last page and
 * checkpoint saved) and is resumed from the checkpoint by the next execution; it has not ended.
 */
public record RunSummary(ImportRunId id, IntegrationId integrationId, RunTrigger trigger, String actor, boolean running,
        boolean interrupted, @Nullable RunOutcome outcome, @Nullable FailureCategory failureCategory,
        @Nullable String message, ImportCounts counts, double progress, Instant startedAt,
        @Nullable Instant finishedAt, @Nullable Instant lastRecordSavedAt) {

    /** How an interrupted run is shown and logged (issue 22.8). */
    public static final String INTERRUPTED = "Interrupted — resuming from checkpoint";

    /** Running or interrupted: not ended yet. */
    public boolean unfinished() {
        return running || interrupted;
    }

    public Duration duration(Instant now) {
        return Duration.between(startedAt, finishedAt == null ? now : finishedAt);
    }
}
