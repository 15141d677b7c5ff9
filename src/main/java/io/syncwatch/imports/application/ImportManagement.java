package io.syncwatch.imports.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Service;

import io.syncwatch.imports.ImportOperations;
import io.syncwatch.imports.ImportRunId;
import io.syncwatch.imports.RunTrigger;
import io.syncwatch.imports.application.port.in.ManualImports;
import io.syncwatch.imports.domain.RunSummary;
import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.imports.application.port.in.SingleImportAnswer;
import io.syncwatch.imports.application.port.out.ImportIntegrations;
import io.syncwatch.imports.application.port.out.ImportRuns;
import io.syncwatch.imports.domain.ImportIntegration;
import io.syncwatch.integrations.IntegrationId;
import io.syncwatch.platform.AccountId;

/**
 * The import use cases: scheduled runs, Run now, single-conversation import and backfill. A run
 * of a whole integration first claims it in the database, so that two application instances (or
 * a scheduled run and a Run now) never run one integration at once; a claim left by a crashed
 * instance expires after the lease, and the next run resumes from the last checkpoint.
 */
@Service
public class ImportManagement implements ImportOperations, ManualImports, ScheduledImports {

    private static final Logger log = LoggerFactory.getLogger(ImportManagement.class);
    static final String INTERRUPTED = "Interrupted before it finished (the application stopped); "
            + "the next run resumed from the last saved checkpoint";

    private final org.springframework.beans.factory.ObjectProvider<io.syncwatch.integrations.IntegrationOperations> operations;
    private final ImportPipeline pipeline;
    private final SingleConversationImport single;
    private final ImportIntegrations integrations;
    private final ImportRuns runs;
    private final SourcePlatforms platforms;
    private final ImportSettings settings;
    private final Clock clock;
    private final String instance = "imports-" + UUID.randomUUID();
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("import-run-");
    private final Map<Long, AtomicBoolean> cancellations = new ConcurrentHashMap<>();

    ImportManagement(ImportPipeline pipeline, SingleConversationImport single, ImportIntegrations integrations,
            ImportRuns runs, SourcePlatforms platforms, ImportSettings settings, Clock clock,
            org.springframework.beans.factory.ObjectProvider<io.syncwatch.integrations.IntegrationOperations> operations) {
        this.operations = operations;
        this.pipeline = pipeline;
        this.single = single;
        this.integrations = integrations;
        this.runs = runs;
        this.platforms = platforms;
        this.settings = settings;
        this.clock = clock;
        background.setVirtualThreads(true);
    }

    // --- scheduled

    @Override
    public List<IntegrationId> dueIntegrations(int limit) {
        return integrations.due(clock.instant(), limit);
    }

    @Override
    public void runScheduled(IntegrationId id) {
        var integration = integrations.find(id).filter(ImportIntegration::runnable);
        if (integration.isEmpty()) {
            return;
        }
        String owner = instance + "-" + UUID.randomUUID();
        if (!claim(integration.get(), owner)) {
            log.debug("Integration {} is being imported elsewhere; skipping", id);
            return;
        }
        ImportRunId run = pipeline.open(integration.get(), RunTrigger.SCHEDULED, "scheduler", null);
        pipeline.execute(integration.get(), run, RunTrigger.SCHEDULED, null, () -> false, owner);
    }

    // --- manual

    @Override
    public ImportRunId runNow(AccountId account, IntegrationId id, String actor) {
        return startInBackground(account, id, actor, RunTrigger.MANUAL, null);
    }

    @Override
    public ImportRunId startBackfill(AccountId account, IntegrationId id, LocalDate from, String actor) {
        if (from.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new IllegalArgumentException("The backfill start date must not be in the future");
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
            throw new IllegalArgumentException("Enter the conversation's source reference");
        }
        ImportIntegration integration = integration(account, id);
        if (!integration.runnable()) {
            // a paused, setup, inactive or deleted integration never runs, not even for one conversation
            throw new IllegalStateException("Only active integrations import. " + whyItCannotRun(integration) + ".");
        }
        return single.importOne(integration, reference, actor);
    }

    /** In the integration's own words: paused, held for quality assurance or credentials, in setup, deleted. */
    private String whyItCannotRun(ImportIntegration integration) {
        return Optional.ofNullable(operations.getIfAvailable())
                .flatMap(ops -> ops.find(integration.accountId(), integration.id()))
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

    private ImportRunId startInBackground(AccountId account, IntegrationId id, String actor, RunTrigger trigger,
            @Nullable Instant backfillFrom) {
        ImportIntegration integration = integration(account, id);
        if (!integration.runnable()) {
            throw new IllegalStateException("Only active integrations run. " + whyItCannotRun(integration) + ".");
        }
        String owner = instance + "-" + UUID.randomUUID();
        if (!claim(integration, owner)) {
            throw new IllegalStateException("An import of this integration is already running");
        }
        ImportRunId run = pipeline.open(integration, trigger, actor, backfillFrom);
        var cancelled = new AtomicBoolean();
        cancellations.put(run.value(), cancelled);
        background.execute(() -> {
            try {
                pipeline.execute(integration, run, trigger, backfillFrom, cancelled::get, owner);
            } finally {
                cancellations.remove(run.value());
            }
        });
        return run;
    }

    private boolean claim(ImportIntegration integration, String owner) {
        Instant now = clock.instant();
        if (!integrations.claim(integration.id(), owner, now, now.plus(settings.claimLease()))) {
            return false;
        }
        int abandoned = runs.abandonRunning(integration.id(), INTERRUPTED, now);
        if (abandoned > 0) {
            log.info("Integration {}: {} interrupted run(s) closed; resuming from the checkpoint", integration.id(),
                    abandoned);
        }
        return true;
    }

    private ImportIntegration integration(AccountId account, IntegrationId id) {
        return integrations.find(account, id)
                .orElseThrow(() -> new NoSuchElementException("No integration " + id + " in this account"));
    }
}
