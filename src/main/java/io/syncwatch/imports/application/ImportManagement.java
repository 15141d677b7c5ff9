package io.syncwatch.imports.application;

import io.syncwatch.imports.ImportRefusal.CannotRun;
import io.syncwatch.imports.ImportRefusal.InvalidImportInput;
import io.syncwatch.imports.ImportRefusal.NoSuchIntegration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.syncwatch.imports.ImportOperations;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.imports.application.port.out.ImportExecutions;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.imports.domain.RunJournal;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * The import use cases: scheduled runs, Run now, single-conversation import and backfill. A whole
 * integration's import is one execution of the kernel's scheduler (db-scheduler; one execution per
 * integration, so never two runs of one integration at once across instances). Run now and backfill
 * open their run and bring that execution forward in one transaction; the execution runs the
 * integration's unfinished run, or opens a scheduled one. An execution whose instance died is
 * revived by db-scheduler once its heartbeat stopped, and one stopped by a shutdown is rescheduled:
 * either way the unfinished run is resumed from the last saved checkpoint.
 */
@Service
public class ImportManagement implements ImportOperations, ManualImports, ScheduledImports {

    private static final Logger log = LoggerFactory.getLogger(ImportManagement.class);
    static final String ALREADY_RUNNING = "An import of this integration is already running";
    public static final String BACKFILL_IN_FUTURE = "The backfill start date must not be in the future";

    private final io.syncwatch.integrations.IntegrationOperations operations;
    private final ImportPipeline pipeline;
    private final SingleConversationImport single;
    private final ImportIntegrations integrations;
    private final ImportRuns runs;
    private final ImportExecutions executions;
    private final SourcePlatforms platforms;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();
    // integrations this instance runs right now: the scheduler runs one execution per integration
    // across instances, and this keeps a direct caller (the demo data) from running one beside it
    private final Set<IntegrationId> executing = ConcurrentHashMap.newKeySet();

    ImportManagement(ImportPipeline pipeline, SingleConversationImport single, ImportIntegrations integrations,
            ImportRuns runs, ImportExecutions executions, SourcePlatforms platforms, TransactionTemplate tx,
            Clock clock,
            io.syncwatch.integrations.IntegrationOperations operations) {
        this.operations = operations;
        this.pipeline = pipeline;
        this.single = single;
        this.integrations = integrations;
        this.runs = runs;
        this.executions = executions;
        this.platforms = platforms;
        this.tx = tx;
        this.clock = clock;
    }

    // --- scheduled

    @Override
    public List<IntegrationId> dueIntegrations(int limit) {
        return integrations.due(clock.instant(), limit);
    }

    /** What one execution works on: an unfinished run (resumed with what it saved) or a new scheduled run. */
    private record Work(ImportRunId run, RunTrigger trigger, @Nullable Instant backfillFrom, RunJournal journal,
            Instant startedAt, boolean resumed) {
    }

    @Override
    public boolean runScheduled(IntegrationId id, BooleanSupplier stopping) {
        if (!executing.add(id)) {
            log.debug("Integration {} is being imported on this instance; skipping", id);
            return false;
        }
        try {
            return runExecution(id, stopping);
        } finally {
            executing.remove(id);
        }
    }

    private boolean runExecution(IntegrationId id, BooleanSupplier stopping) {
        var found = integrations.find(id);
        if (found.isEmpty()) {
            return false;
        }
        ImportIntegration integration = found.get();
        List<Work> work = tx.execute(status -> {
            integrations.lock(id);
            List<RunSummary> unfinished = runs.unfinished(id);
            if (unfinished.isEmpty()) {
                if (!integration.runnable()) {
                    return List.<Work>of();
                }
                ImportRunId run = pipeline.open(integration, RunTrigger.SCHEDULED, "scheduler", null);
                runs.beginExecution(run);
                return List.of(new Work(run, RunTrigger.SCHEDULED, null, new RunJournal(), clock.instant(), false));
            }
            List<Work> resumed = new ArrayList<>();
            for (RunSummary r : unfinished) {
                int executionsSoFar = runs.beginExecution(r.id());
                resumed.add(new Work(r.id(), r.trigger(), runs.backfillFrom(r.id()),
                        RunJournal.resuming(r.counts(), r.lastRecordSavedAt()), r.startedAt(), executionsSoFar > 1));
            }
            return resumed;
        });
        for (Work w : work) {
            if (!integration.runnable()) {
                // paused or deleted while the run waited: it ends with what it saved
                var journal = w.journal();
                journal.note("Stopped before it could resume: the integration is "
                        + integration.lifecycle().name().toLowerCase().replace('_', ' ') + "; "
                        + journal.summary().toLowerCase());
                pipeline.finish(integration, w.run(), w.trigger(), journal, w.startedAt(), null);
                continue;
            }
            if (w.resumed()) {
                log.info("Integration {}: resuming run {} from the last saved checkpoint", id, w.run());
                runs.log(w.run(), integration.accountId(), clock.instant(), "INFO",
                        "Resumed from the last saved checkpoint after an interruption");
            }
            var cancelled = new AtomicBoolean();
            cancellations.put(w.run().value(), cancelled);
            try {
                if (pipeline.execute(integration, w.run(), w.trigger(), w.backfillFrom(), w.journal(), w.startedAt(),
                        cancelled::get, stopping) == null) {
                    return true; // interrupted: the rest waits for the resume
                }
            } finally {
                cancellations.remove(w.run().value());
            }
        }
        return false;
    }

    // --- manual

    @Override
    public ImportRunId runNow(AccountId account, IntegrationId id, String actor) {
        return startInBackground(account, id, actor, RunTrigger.MANUAL, null);
    }

    @Override
    public ImportRunId startBackfill(AccountId account, IntegrationId id, LocalDate from, String actor) {
        if (from.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new InvalidImportInput("from", BACKFILL_IN_FUTURE);
        }
        return startInBackground(account, id, actor, RunTrigger.BACKFILL, from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public boolean cancel(AccountId account, ImportRunId run, String actor) {
        if (runs.find(account, run).filter(RunSummary::running).isEmpty()) {
            return false;
        }
        var flag = cancellations.get(run.value());
        if (flag == null) {
            return false;
        }
        flag.set(true);
        runs.log(run, account, clock.instant(), "INFO", "Cancellation requested by " + actor);
        return true;
    }

    @Override
    public SingleImportAnswer importOne(AccountId account, IntegrationId id, String reference, String actor) {
        if (reference.isBlank()) {
            throw new InvalidImportInput("reference", "Enter the conversation's source reference");
        }
        ImportIntegration integration = integration(account, id);
        if (!integration.runnable()) {
            // a paused, setup, inactive or deleted integration never runs, not even for one conversation
            throw new CannotRun("Only active integrations import. " + whyItCannotRun(integration) + ".");
        }
        return single.importOne(integration, reference, actor);
    }

    /**
     * In the integration's own words: paused, held for quality assurance or credentials, in setup, deleted.
     * Not a listener's re-read: the user's refused Run now / import asks the integrations module, at
     * request time, why (this module's projection keeps no pause reason).
     */
    private String whyItCannotRun(ImportIntegration integration) {
        return operations.find(integration.accountId(), integration.id())
                .flatMap(io.syncwatch.integrations.IntegrationSnapshot::whyItCannotRun)
                .orElse("It is " + integration.lifecycle().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public Optional<RunSummary> run(AccountId account, ImportRunId run) {
        return runs.find(account, run);
    }

    @Override
    public Optional<String> singleImportReferenceLabel(String platform) {
        return platforms.find(platform).filter(p -> p.supportsSingleConversationImport()).map(p -> p.referenceLabel());
    }

    /**
     * Opens the run and has the integration's execution run it as soon as possible, in one
     * transaction. An interrupted run waiting to be resumed is resumed now instead (Run now), or
     * makes a backfill wait for it.
     */
    private ImportRunId startInBackground(AccountId account, IntegrationId id, String actor, RunTrigger trigger,
            @Nullable Instant backfillFrom) {
        ImportIntegration integration = integration(account, id);
        if (!integration.runnable()) {
            throw new CannotRun("Only active integrations run. " + whyItCannotRun(integration) + ".");
        }
        return tx.execute(status -> {
            integrations.lock(id);
            if (executions.running(id)) {
                throw new CannotRun(ALREADY_RUNNING);
            }
            var unfinished = runs.unfinished(id);
            if (unfinished.stream().anyMatch(RunSummary::running)) {
                // opened and about to be picked up, or its instance died and the scheduler revives it shortly
                throw new CannotRun(ALREADY_RUNNING);
            }
            if (!unfinished.isEmpty()) {
                if (trigger != RunTrigger.MANUAL) {
                    throw new CannotRun("An interrupted import of this integration is resuming from its "
                            + "checkpoint; start the backfill when it has finished");
                }
                ImportRunId waiting = unfinished.getFirst().id();
                runs.log(waiting, account, clock.instant(), "INFO", "Run now by " + actor + ": resuming now");
                executions.executeSoon(id);
                return waiting;
            }
            ImportRunId run = pipeline.open(integration, trigger, actor, backfillFrom);
            executions.executeSoon(id);
            return run;
        });
    }

    private ImportIntegration integration(AccountId account, IntegrationId id) {
        return integrations.find(account, id)
                .orElseThrow(() -> new NoSuchIntegration("No integration " + id + " in this account"));
    }
}
