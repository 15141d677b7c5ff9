package io.syncwatch.imports.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportCounts;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.domain.DailyImports;
import io.syncwatch.imports.domain.RunLogLine;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/** Runs, their log lines and per-day counts. */
public interface ImportRuns {

    ImportRunId start(AccountId account, IntegrationId integration, RunTrigger trigger, String actor, boolean firstRun,
            Instant startedAt, @Nullable Instant backfillFrom);

    /** Whether the integration ever had a run before. */
    boolean anyRun(IntegrationId integration);

    boolean firstRun(ImportRunId run);

    /**
     * The integration's whole-integration runs that have not ended (running, or interrupted and
     * waiting to be resumed), oldest first.
     */
    List<RunSummary> unfinished(IntegrationId integration);

    /** The window a backfill run re-reads, or null for a run from the checkpoint. */
    @Nullable Instant backfillFrom(ImportRunId run);

    /** An execution starts working on the run (again): state RUNNING; returns how many did so far. */
    int beginExecution(ImportRunId run);

    /** The run stopped at a safe point (page and checkpoint saved) and waits to be resumed. */
    void interrupt(ImportRunId run);

    void progress(ImportRunId run, ImportCounts counts, double progress, @Nullable Instant lastRecordSavedAt);

    void log(ImportRunId run, AccountId account, Instant at, String level, String message);

    void finish(ImportRunId run, RunOutcome outcome, @Nullable FailureCategory category, String message,
            ImportCounts counts, @Nullable Instant lastRecordSavedAt, Instant finishedAt);

    Optional<RunSummary> find(AccountId account, ImportRunId run);

    List<RunSummary> page(AccountId account, IntegrationId integration, int offset, int limit);

    long count(AccountId account, IntegrationId integration);

    List<RunLogLine> logLines(AccountId account, ImportRunId run);

    void addDaily(AccountId account, IntegrationId integration, LocalDate day, long imported, long updated);

    List<DailyImports> daily(AccountId account, IntegrationId integration, LocalDate from);
}
