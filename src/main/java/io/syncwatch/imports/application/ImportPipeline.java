package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.FailureCategory;
import io.syncwatch.imports.ImportRunFinished;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.ImportRunRetrying;
import io.syncwatch.imports.ImportRunStarted;
import io.syncwatch.imports.RunOutcome;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.application.port.out.SourceFailure;
import io.syncwatch.imports.application.port.out.SourcePage;
import io.syncwatch.imports.application.port.out.SourcePlatformConnector;
import io.syncwatch.imports.application.port.out.SourceRequest;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.ImportPolicy;
import io.syncwatch.imports.domain.RunJournal;
import io.syncwatch.imports.domain.SourceRecord;
import io.syncwatch.integrations.IntegrationCredentials;
import io.syncwatch.integrations.SourceCredentials;

/**
 * One run of one integration, page by page: fetch (retrying transient failures), then hand each
 * page to {@link PageCommit}, which filters, de-duplicates and commits the page's contacts
 * together with the checkpoint in one transaction; then end the run. A rate limit stops the run
 * and keeps the checkpoint; a stop of the application interrupts it at the next safe point.
 * Publishes {@link ImportRunStarted}, {@link ImportRunRetrying} and {@link ImportRunFinished}.
 */
@Service
public class ImportPipeline {

    private static final Logger log = LoggerFactory.getLogger(ImportPipeline.class);

    private final SourcePlatforms platforms;
    private final ImportIntegrations integrations;
    private final ImportRuns runs;
    private final IntegrationCredentials credentials;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportSettings settings;
    private final RunClosing closing;
    private final PageCommit pages;

    ImportPipeline(SourcePlatforms platforms, ImportIntegrations integrations, ImportRuns runs,
            IntegrationCredentials credentials, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock, ImportSettings settings, RunClosing closing, PageCommit pages) {
        this.platforms = platforms;
        this.integrations = integrations;
        this.runs = runs;
        this.credentials = credentials;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.closing = closing;
        this.pages = pages;
    }

    /** Records a new run and publishes {@link ImportRunStarted}. */
    public ImportRunId open(ImportIntegration integration, RunTrigger trigger, String actor, @Nullable Instant backfillFrom) {
        Instant now = clock.instant();
        return tx.execute(status -> {
            boolean first = trigger != RunTrigger.SINGLE_CONVERSATION && !runs.anyRun(integration.id());
            ImportRunId id = runs.start(integration.accountId(), integration.id(), trigger, actor, first, now, backfillFrom);
            runs.log(id, integration.accountId(), now, "INFO", trigger.label() + " started by " + actor);
            events.publishEvent(new ImportRunStarted(id, integration.id(), integration.accountId(), trigger, now));
            return id;
        });
    }

    /**
     * Runs an opened run to its end. {@code backfillFrom} re-reads that window without touching
     * the integration's checkpoint. When {@code stopping} turns true (the application stops), the
     * run stops at the next safe point: every page before it is saved with its checkpoint, the run
     * is marked interrupted, and {@code null} is returned; the next execution resumes it.
     */
    public @Nullable RunOutcome execute(ImportIntegration integration, ImportRunId run, RunTrigger trigger,
            @Nullable Instant backfillFrom, BooleanSupplier cancelled, @Nullable BooleanSupplier stopping) {
        return execute(integration, run, trigger, backfillFrom, new RunJournal(), clock.instant(), cancelled, stopping);
    }

    /** Runs (or resumes, with the journal of what was saved so far) a run; see the other overload. */
    public @Nullable RunOutcome execute(ImportIntegration integration, ImportRunId run, RunTrigger trigger,
            @Nullable Instant backfillFrom, RunJournal journal, Instant startedAt, BooleanSupplier cancelled,
            @Nullable BooleanSupplier stopping) {
        BooleanSupplier stop = stopping == null ? () -> false : stopping;
        Duration retryAfter = null;
        boolean interrupted = false;
        try {
            var connector = platforms.connector(integration.platform()).orElseThrow(
                    () -> new SourceFailure(FailureCategory.UNEXPECTED, "There is no connector for platform '"
                            + integration.platform() + "'", null, null));
            SourceCredentials creds = credentialsOf(integration);
            var policy = new ImportPolicy(integration.filters());
            boolean backfill = backfillFrom != null;
            String checkpoint = backfill ? null : integrations.checkpoint(integration.id()).orElse(null);
            Instant startFrom = backfill ? backfillFrom : startOf(integration, startedAt);
            Instant windowStart = startFrom;
            while (true) {
                if (stop.getAsBoolean()) {
                    interrupted = true;
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    journal.warn(trigger.label() + " was cancelled after " + journal.counts().fetched()
                            + " conversations; the rest of the window was not read");
                    runs.log(run, integration.accountId(), clock.instant(), "WARN", journal.warnings().getLast());
                    break;
                }
                var request = new SourceRequest(integration.id(), creds, checkpoint, startFrom, settings.pageSize);
                SourcePage page = fetch(connector, request, integration, run);
                windowStart = checkpoint == null && !page.records().isEmpty() && !backfill
                        ? earliest(page, windowStart) : windowStart;
                pages.commit(integration, run, page, policy, journal, backfill, windowStart, startedAt);
                if (page.endOfStream() || page.nextCheckpoint() == null
                        || page.nextCheckpoint().equals(checkpoint)) {
                    break;
                }
                checkpoint = page.nextCheckpoint();
            }
        } catch (SourceFailure failure) {
            if (stop.getAsBoolean()) {
                interrupted = true;
            } else {
                journal.fail(failure.category(), failure.getMessage());
                retryAfter = failure.retryAfter();
                closing.logQuietly(run, integration.accountId(), "ERROR",
                        failure.category().label() + ": " + failure.getMessage());
            }
        } catch (RuntimeException e) {
            if (stop.getAsBoolean()) {
                log.info("Import run {} of integration {} stopped by the shutdown mid-page: {}", run, integration.id(),
                        e.toString());
                interrupted = true;
            } else {
                log.warn("Import run {} of integration {} failed", run, integration.id(), e);
                retryAfter = closing.failed(journal, e);
                closing.logQuietly(run, integration.accountId(), "ERROR", journal.message());
            }
        }
        if (interrupted) {
            interrupt(integration, run, journal);
            return null;
        }
        Duration retry = retryAfter;
        closing.close(run, journal, () -> finish(integration, run, trigger, journal, startedAt, retry));
        return journal.outcome();
    }

    private static final String INTERRUPTED = io.syncwatch.imports.domain.RunSummary.INTERRUPTED;

    private void interrupt(ImportIntegration integration, ImportRunId run, RunJournal journal) {
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(status -> {
                runs.interrupt(run);
                runs.log(run, integration.accountId(), now, "WARN", INTERRUPTED + ": the application stopped after "
                        + journal.counts().fetched() + " conversations (each page saved with its checkpoint)");
            });
        } catch (RuntimeException e) {
            // still RUNNING: the next execution of the integration resumes it all the same
            log.warn("Import run {}: not marked interrupted ({})", run, e.toString());
        }
        log.info("Import run {} of integration {} interrupted by the shutdown after {} conversations; it resumes "
                + "from the checkpoint on the next start", run, integration.id(), journal.counts().fetched());
    }

    private SourcePage fetch(SourcePlatformConnector connector, SourceRequest request, ImportIntegration integration,
            ImportRunId run) throws SourceFailure {
        for (int attempt = 1;; attempt++) {
            try {
                return connector.fetchChanges(request);
            } catch (SourceFailure failure) {
                if (!failure.transientFailure() || attempt >= settings.maxAttempts) {
                    throw failure;
                }
                Duration wait = settings.retryBackoff.multipliedBy(attempt);
                Instant now = clock.instant();
                int retry = attempt;
                tx.executeWithoutResult(status -> {
                    runs.log(run, integration.accountId(), now, "WARN", failure.category().label() + ": "
                            + failure.getMessage() + " (attempt " + retry + " of " + settings.maxAttempts + ", retrying)");
                    events.publishEvent(new ImportRunRetrying(run, integration.id(), integration.accountId(),
                            failure.category(), failure.getMessage(), retry, now.plus(wait)));
                });
                pause(wait);
            }
        }
    }

    /** Ends the run: records its outcome, sets the next scheduled run, publishes {@link ImportRunFinished} once. */
    void finish(ImportIntegration integration, ImportRunId run, RunTrigger trigger, RunJournal journal,
            Instant startedAt, @Nullable Duration retryAfter) {
        Instant finishedAt = clock.instant();
        RunOutcome outcome = journal.outcome();
        Instant nextRunAt = null;
        var current = integrations.find(integration.id()).orElse(integration);
        if (current.runnable()) {
            Duration interval = current.schedule().interval();
            nextRunAt = trigger == RunTrigger.SINGLE_CONVERSATION || trigger == RunTrigger.BACKFILL
                    ? current.nextRunAt()
                    : finishedAt.plus(retryAfter != null && retryAfter.compareTo(interval) < 0 ? retryAfter : interval);
        }
        Instant next = nextRunAt;
        boolean first = runs.firstRun(run);
        tx.executeWithoutResult(status -> {
            runs.finish(run, outcome, journal.failureCategory(), journal.message(), journal.counts(),
                    journal.lastRecordSavedAt(), finishedAt);
            runs.log(run, integration.accountId(), finishedAt, "INFO", outcome.label() + ": " + journal.summary());
            if (next != null) {
                integrations.scheduleNext(integration.id(), next);
            }
            events.publishEvent(new ImportRunFinished(run, integration.id(), integration.accountId(), trigger, outcome,
                    journal.failureCategory(), journal.message(), journal.counts(), journal.lastRecordSavedAt(), first,
                    startedAt, finishedAt, next));
        });
    }

    SourceCredentials credentialsOf(ImportIntegration integration) throws SourceFailure {
        return credentials.credentialsFor(integration.id()).orElseThrow(() -> SourceFailure
                .authenticationFailed("No credentials are stored for this integration; reconnect it"));
    }

    private Instant startOf(ImportIntegration integration, Instant now) {
        LocalDate start = integration.filters().historicalStart();
        return start != null ? start.atStartOfDay(ZoneOffset.UTC).toInstant() : now.minus(settings.defaultLookback);
    }

    private static Instant earliest(SourcePage page, Instant fallback) {
        return page.records().stream().filter(SourceRecord.Valid.class::isInstance)
                .map(r -> ((SourceRecord.Valid) r).conversation().updatedAt()).min(Instant::compareTo).orElse(fallback);
    }

    private static void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
