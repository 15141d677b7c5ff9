package io.syncwatch.imports.adapter.in.schedule;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.syncwatch.imports.application.port.in.ScheduledImports;
import io.syncwatch.integrations.IntegrationId;

/**
 * The imports' two tasks on the kernel's scheduler: a recurring check "import-due-integrations"
 * that turns each due integration into the execution "import-integration" (instance = integration
 * id; one that exists is left alone), and that execution, which runs (or resumes) the import.
 * db-scheduler runs each execution on exactly one instance, beats its heartbeat while it runs and
 * revives it (on any instance) once the heartbeat stopped: a killed run is resumed from its
 * checkpoint. A run stopped by a shutdown is rescheduled for now, so the next start resumes it.
 */
public final class ImportTasks {

    public static final String DUE_CHECK = "import-due-integrations";
    public static final String RUN = "import-integration";

    private final CustomTask<Void> run;
    private final RecurringTask<Void> dueCheck;

    public ImportTasks(ScheduledImports imports, Duration checkEvery, int batch) {
        this.run = Tasks.custom(RUN, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    boolean interrupted = imports.runScheduled(IntegrationId.of(Long.parseLong(instance.getId())),
                            () -> context.getSchedulerState().isShuttingDown());
                    if (interrupted) {
                        return (complete, operations) -> operations.reschedule(complete, Instant.now());
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
        this.dueCheck = Tasks.recurring(DUE_CHECK, FixedDelay.of(checkEvery)).execute((instance, context) -> {
            for (IntegrationId id : imports.dueIntegrations(batch)) {
                context.getSchedulerClient().scheduleIfNotExists(new TaskInstance<Void>(RUN, id.toString()), Instant.now());
            }
        });
    }

    public CustomTask<Void> run() {
        return run;
    }

    public RecurringTask<Void> dueCheck() {
        return dueCheck;
    }
}
